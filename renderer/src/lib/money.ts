/**
 * Money and numbers as the user types and reads them. Money is stored as integer minor units
 * (kopecks, cents); people type major units with a comma or a dot and any spaces.
 */
import i18next from 'i18next';

/** The workbook has no currency setting yet; Kartoteka's users count in roubles. */
export const CURRENCY = 'RUB';

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'ru-RU';
}

/** 123456789 → "1 234 567,89 ₽" (ru) / "₽1,234,567.89" (en). */
export function formatMoney(minor: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: CURRENCY,
    currencyDisplay: 'narrowSymbol',
  }).format(minor / 100);
}

/** Minor units as the text an input starts with: 123456789 → "1234567,89" / "1234567.89". */
export function moneyToInput(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const separator = i18next.language === 'en' ? '.' : ',';
  return cents === 0
    ? `${sign}${whole}`
    : `${sign}${whole}${separator}${String(cents).padStart(2, '0')}`;
}

/**
 * Reads a decimal typed by a person: spaces (any kind) and a currency sign are ignored; the
 * last comma or dot followed by 1–2 digits is the decimal separator, others group thousands.
 * Returns `[whole, fraction]` as digit strings with a sign, or null when it is not a number.
 */
function readDecimal(
  text: string,
  maxFraction: number,
): { sign: 1 | -1; whole: string; fraction: string } | null {
  let s = text.replace(/[\s\u00a0\u202f₽$€]|руб\.?|р\.?/gi, '');
  let sign: 1 | -1 = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  let whole = s;
  let fraction = '';
  if (last >= 0) {
    const tail = s.slice(last + 1);
    const separators = s.split(/[.,]/).length - 1;
    // "1,234" or "1.234.567" with no other separator: thousands, not a fraction.
    const isGrouping = separators > 1 && !/[.,]\d{1,2}$/.test(s);
    const onlyGroup = separators === 1 && tail.length === 3 && maxFraction < 3;
    if (!isGrouping && !onlyGroup) {
      whole = s.slice(0, last);
      fraction = tail;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (fraction.length > maxFraction || !/^\d*$/.test(fraction)) return null;
  if (whole === '') whole = '0';
  return { sign, whole, fraction };
}

/** "1 234,5" → 123450; null when the text is not an amount. */
export function parseMoney(text: string): number | null {
  const parsed = readDecimal(text, 2);
  if (!parsed) return null;
  const minor = Number(parsed.whole) * 100 + Number(parsed.fraction.padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? parsed.sign * minor : null;
}

/** "3,5" → 3.5; null when the text is not a number. */
export function parseNumber(text: string): number | null {
  const parsed = readDecimal(text, 12);
  if (!parsed) return null;
  const value = Number(`${parsed.whole}.${parsed.fraction || '0'}`);
  return Number.isFinite(value) ? parsed.sign * value : null;
}

/** A number in the user's locale: 1234.5 → "1 234,5" / "1,234.5". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 12 }).format(value);
}

/** A number as the text an input starts with, in the user's decimal separator. */
export function numberToInput(value: number): string {
  const text = String(value);
  return i18next.language === 'en' ? text : text.replace('.', ',');
}
