/**
 * Money and numbers as the user types and reads them. Money is stored as integer minor units
 * (kopecks, cents); people type major units with a comma or a dot and any spaces.
 */
import i18next from 'i18next';
import type { Currency } from '../../../electron/api/contract/enums';
import {
  minorToDecimal,
  parseMoney as parseKernelMoney,
  parseNumber as parseKernelNumber,
  type NumberLocale,
} from '../../../kernel/numbers';

/** The open workbook's currency (its settings; roubles until chosen otherwise). */
let workbookCurrency: Currency = 'RUB';

export function setCurrency(next: Currency): void {
  workbookCurrency = next;
}

export function currency(): Currency {
  return workbookCurrency;
}

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'ru-RU';
}

/**
 * The formatters made so far, by locale and currency: making one takes ICU a fifth of a
 * millisecond, and a page of the client list formats a hundred amounts as it first shows.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let made = formatters.get(key);
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

/** 123456789 → "1 234 567,89 ₽" (ru) / "₽1,234,567.89" (en); "$", "€" in such a workbook. */
export function formatMoney(minor: number): string {
  const at = locale();
  const money = workbookCurrency;
  return formatter(
    `money ${at} ${money}`,
    () =>
      new Intl.NumberFormat(at, {
        style: 'currency',
        currency: money,
        currencyDisplay: 'narrowSymbol',
      }),
  ).format(minor / 100);
}

/** The conventions the user types numbers in: the interface language's. */
function numberLocale(): NumberLocale {
  return i18next.language === 'en' ? 'en' : 'ru';
}

/** Minor units as the text an input starts with: 123456789 → "1234567,89" / "1234567.89". */
export function moneyToInput(minor: number): string {
  const text = minorToDecimal(minor, numberLocale() === 'en' ? '.' : ',');
  return text.replace(/[.,]00$/, '');
}

/** "1 234,5" → 123450; null when the text is not an amount (see kernel/numbers.ts). */
export function parseMoney(text: string): number | null {
  return parseKernelMoney(text, numberLocale());
}

/** "3,5" → 3.5; null when the text is not a number (see kernel/numbers.ts). */
export function parseNumber(text: string): number | null {
  return parseKernelNumber(text, numberLocale());
}

/** A number in the user's locale: 1234.5 → "1 234,5" / "1,234.5". */
export function formatNumber(value: number): string {
  const at = locale();
  return formatter(
    `number ${at}`,
    () => new Intl.NumberFormat(at, { maximumFractionDigits: 12 }),
  ).format(value);
}

/** A number as the text an input starts with, in the user's decimal separator. */
export function numberToInput(value: number): string {
  const text = String(value);
  return numberLocale() === 'en' ? text : text.replace('.', ',');
}
