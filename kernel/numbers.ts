/**
 * Reading numbers and money amounts as people write them in Russian and English: the one
 * implementation behind the card's inputs and the import's cells, so "1,234" means the same
 * thing on both sides.
 *
 * The rules, in order:
 * - spaces of every kind (U+00A0, U+202F, U+2009 … that Excel and Intl put between thousands)
 *   and a currency sign or word (₽, руб., р., $, €, RUB …) are ignored;
 * - `-`, `−` (U+2212), `+` and an accountant's `(1 200)` give the sign;
 * - with both `,` and `.`, the later one is the decimal separator and the other groups thousands;
 * - several of one kind in groups of three digits group thousands (`1.234.567`);
 * - a single `,` is the decimal separator in Russian; in English it groups thousands when exactly
 *   three digits follow it (`1,234`), otherwise it is the decimal separator;
 * - a single `.` is the decimal separator in both languages;
 * - a money amount has at most two fraction digits (extra trailing zeros allowed): `1,234` in
 *   Russian is not an amount rather than a silently rounded 1.23.
 */

/** Whose conventions a text follows: the workbook's language, or a file's delimiter. */
export type NumberLocale = 'ru' | 'en';

/** A number read from text: sign, and the digits before and after the decimal separator. */
interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

const SPACES = /[\s\u00a0\u2007\u2009\u202f\u200b]+/g;
const CURRENCY_BEFORE = /^(?:₽|руб\.?|р\.|\$|€|rub|usd|eur)/i;
const CURRENCY_AFTER = /(?:₽|руб\.?|р\.?|\$|€|rub|usd|eur)$/i;
const SIGN = /^[-−+]/;

/** The sign, currency and parentheses taken off: what is left must be digits and separators. */
function unwrap(text: string): { negative: boolean; body: string } | null {
  let s = text.replace(SPACES, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  // The sign and the currency come in either order: "-₽1,234.56" (Intl's English), "₽-5".
  let signs = 0;
  for (let i = 0; i < 2; i += 1) {
    const sign = SIGN.exec(s);
    if (sign) {
      signs += 1;
      if (sign[0] !== '+') negative = !negative;
      s = s.slice(1);
    }
    s = s.replace(CURRENCY_BEFORE, '');
  }
  s = s.replace(CURRENCY_AFTER, '');
  if (signs > 1) return null;
  return /^[\d.,]*\d[\d.,]*$/.test(s) ? { negative, body: s } : null;
}

/** `1`, `12`, `123` then groups of exactly three digits: what a thousands separator splits. */
function isGrouping(parts: string[]): boolean {
  const [first, ...rest] = parts;
  return (
    first !== undefined &&
    /^[1-9]\d{0,2}$/.test(first) &&
    rest.length > 0 &&
    rest.every((p) => /^\d{3}$/.test(p))
  );
}

function split(body: string, decimal: ',' | '.' | null): Decimal | null {
  const group = decimal === ',' || (decimal === null && body.includes('.')) ? '.' : ',';
  const at = decimal ? body.lastIndexOf(decimal) : -1;
  const wholeText = at >= 0 ? body.slice(0, at) : body;
  const fraction = at >= 0 ? body.slice(at + 1) : '';
  if (at >= 0 && !/^\d+$/.test(fraction)) return null;
  let whole: string;
  if (wholeText.includes(group)) {
    const parts = wholeText.split(group);
    if (!isGrouping(parts)) return null;
    whole = parts.join('');
  } else {
    whole = wholeText;
  }
  if (!/^\d*$/.test(whole)) return null;
  return { negative: false, whole: whole || '0', fraction };
}

/** Which separator is decimal, per the rules above; null when the text is not a number. */
function readDecimal(text: string, locale: NumberLocale): Decimal | null {
  const unwrapped = unwrap(text);
  if (!unwrapped) return null;
  const { negative, body } = unwrapped;
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  let decimal: ',' | '.' | null;
  if (commas > 0 && dots > 0) {
    decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    if ((decimal === ',' ? commas : dots) > 1) return null;
  } else if (commas > 1 || dots > 1) {
    // Several of one kind: only thousands groups, no fraction.
    decimal = null;
  } else if (commas === 1) {
    const [before = '', after = ''] = body.split(',');
    const groups = locale === 'en' && isGrouping([before, after]);
    decimal = groups ? null : ',';
  } else {
    decimal = dots === 1 ? '.' : null;
  }
  const parsed = split(body, decimal);
  return parsed && { ...parsed, negative };
}

/** "1 234,5" → 1234.5 (ru); "1,234.5" → 1234.5; null when the text is not a number. */
export function parseNumber(text: string, locale: NumberLocale): number | null {
  const d = readDecimal(text, locale);
  if (!d) return null;
  const value = Number(`${d.whole}.${d.fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  return d.negative && value !== 0 ? -value : value;
}

/**
 * An amount in major units (roubles) as integer minor units (kopecks): "1 234,56 ₽" → 123456;
 * null when the text is not an amount (not a number, or finer than a kopeck).
 */
export function parseMoney(text: string, locale: NumberLocale): number | null {
  const d = readDecimal(text, locale);
  if (!d) return null;
  const fraction = d.fraction.replace(/0+$/, '');
  if (fraction.length > 2) return null;
  const minor = Number(d.whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return d.negative && minor !== 0 ? -minor : minor;
}

/** A number a spreadsheet stored as a number, as money: rounded to the nearest minor unit. */
export function moneyFromNumber(value: number): number | null {
  const minor = Math.round(value * 100);
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * Integer minor units as major units with two decimals and no grouping, the way a spreadsheet
 * reads them: -123456 → "-1234.56" ('.') or "-1234,56" (',').
 */
export function minorToDecimal(minor: number, decimal: ',' | '.' = '.'): string {
  const rounded = Math.round(minor);
  const abs = Math.abs(rounded);
  const cents = String(abs % 100).padStart(2, '0');
  return `${rounded < 0 ? '-' : ''}${Math.floor(abs / 100)}${decimal}${cents}`;
}
