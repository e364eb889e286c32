/**
 * Reading the values people type into spreadsheets: numbers with a decimal comma and spaces
 * between thousands, amounts with a currency sign, dates in the Russian, ISO and US orders, yes/no
 * in both languages. Each parser returns null for "not this kind of value".
 */
import type { DateOrder, DateReading } from '../../api/contract/imports';
import { isCalendarDate } from '../../api/contract/validators';

export type { DateOrder, DateReading };

const ISO = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const SHORT = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(s) ? s : null;
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 50 ? 2000 + n : 1900 + n;
}

/** A date cell as `YYYY-MM-DD`, reading day and month in the given order; null if not a date. */
export function parseDate(value: string, order: DateOrder | null): string | null {
  const v = value.trim();
  const isoMatch = ISO.exec(v);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const m = SHORT.exec(v);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = fullYear(m[4]!);
  // A dotted date is day-first wherever people write them so; slashes depend on the country.
  const effective = order ?? (m[2] === '.' ? 'dmy' : null);
  if (effective === 'mdy') return iso(y, a, b);
  if (effective === 'dmy' || effective === 'ymd') return iso(y, b, a);
  // No order known: only a value that reads one way only is a date.
  if (a > 12 && b <= 12) return iso(y, b, a);
  if (b > 12 && a <= 12) return iso(y, a, b);
  return a === b ? iso(y, a, b) : null;
}

/**
 * Which orders the values of a date column allow. `31.12.2025` and `2025-12-31` decide it;
 * `01/02/2025` alone could be either (the user is asked). Non-date values are ignored.
 */
export function readDateColumn(values: string[]): DateReading {
  let dayFirst = false;
  let monthFirst = false;
  let short = 0;
  let slashed = 0;
  let isoCount = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (!v) continue;
    if (ISO.exec(v)) {
      isoCount += 1;
      continue;
    }
    const m = SHORT.exec(v);
    if (!m) continue;
    short += 1;
    if (m[2] !== '.') slashed += 1;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 31) dayFirst = true;
    if (b > 12 && a <= 31) monthFirst = true;
  }
  if (short === 0) return isoCount > 0 ? 'ymd' : 'none';
  if (dayFirst && !monthFirst) return 'dmy';
  if (monthFirst && !dayFirst) return 'mdy';
  if (dayFirst && monthFirst) return 'ambiguous';
  // Nothing above 12: dotted dates are day-first by convention; slashed ones could be either.
  return slashed === 0 ? 'dmy' : 'ambiguous';
}

/** Spaces of every kind people and Excel put between thousands. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY =
  /^[-+]?\s*(?:₽|руб\.?|р\.|\$|€|rub|usd|eur)?\s*|\s*(?:₽|руб\.?|р\.?|\$|€|rub|usd|eur)$/gi;

/**
 * A number as written in a Russian or English spreadsheet: `1 234,56`, `1,234.56`, `1234.5`,
 * `-12`, `(1 200)` for a negative; null when it is not a number.
 */
export function parseNumber(value: string): number | null {
  let v = value.trim();
  if (!v) return null;
  let negative = false;
  if (/^\(.*\)$/.test(v)) {
    negative = true;
    v = v.slice(1, -1);
  }
  if (v.startsWith('-') || v.startsWith('−')) {
    negative = !negative;
    v = v.slice(1);
  } else if (v.startsWith('+')) {
    v = v.slice(1);
  }
  v = v.replace(CURRENCY, '').replace(GROUP_SPACES, '');
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(v)) return null;
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalized = v.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    const parts = v.split(',');
    // `1,234,567` groups thousands; a single comma is a decimal comma (the Russian way).
    normalized =
      parts.length > 2 && parts.slice(1).every((p) => p.length === 3)
        ? parts.join('')
        : parts.length === 2
          ? `${parts[0]}.${parts[1]}`
          : '';
  } else if ((v.match(/\./g) ?? []).length > 1) {
    const parts = v.split('.');
    normalized = parts.slice(1).every((p) => p.length === 3) ? parts.join('') : '';
  } else {
    normalized = v;
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(normalized)) return null;
  const n = Number(normalized);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** An amount in major units (roubles) as minor units (kopecks); null when not an amount. */
export function parseMoney(value: string): number | null {
  const n = parseNumber(value);
  if (n === null) return null;
  const minor = Math.round(n * 100);
  return Number.isSafeInteger(minor) ? minor : null;
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', 'истина', '1', '+', 'x', 'v', '✓', 'есть']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', 'ложь', '0', '-', '']);

export function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

export function taxIdKey(value: string | null | undefined): string | null {
  const v = value?.replace(/[\s-]/g, '');
  return v ? v : null;
}

/** A list cell: `a; b, c` → [a, b, c]. */
export function parseList(value: string): string[] {
  return value
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
