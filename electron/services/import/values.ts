/**
 * Reading the values people type into spreadsheets: numbers with a decimal comma and spaces
 * between thousands, amounts with a currency sign, dates in the Russian, ISO and US orders, yes/no
 * in both languages. Each parser returns null for "not this kind of value".
 */
import type { DateOrder, DateReading } from '../../api/contract/imports';
import { isCalendarDate } from '../../api/contract/validators';
import {
  moneyFromNumber,
  parseMoney as parseKernelMoney,
  parseNumber as parseKernelNumber,
  type NumberLocale,
} from '../../../kernel/numbers';

export type { DateOrder, DateReading, NumberLocale };

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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `31.12.2025`, how 1C and a Russian Excel write every date of a sales file, read day first as
 * `iso` and `isCalendarDate` would read it, without a regular expression's match or a Date
 * made: a million rows ask. Undefined for any other text of ten characters, and for years
 * below 100 (which Date.UTC reads as 19xx: they go the long way); null for no such day.
 */
function dottedDate(v: string): string | null | undefined {
  if (!isDotted(v)) return undefined;
  const day = twoDigits(v, 0);
  const month = twoDigits(v, 3);
  const year = twoDigits(v, 6) * 100 + twoDigits(v, 8);
  if (year < 100) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  if (days === undefined || day < 1 || day > days) return null;
  return `${v.slice(6)}-${v.slice(3, 5)}-${v.slice(0, 2)}`;
}

/** Whether `v` is `dd.dd.dddd`: two digits, a dot, two digits, a dot, four digits. */
function isDotted(v: string): boolean {
  return (
    v.length === 10 &&
    v.charCodeAt(2) === 46 &&
    v.charCodeAt(5) === 46 &&
    twoDigits(v, 0) >= 0 &&
    twoDigits(v, 3) >= 0 &&
    twoDigits(v, 6) >= 0 &&
    twoDigits(v, 8) >= 0
  );
}

/** A date cell as `YYYY-MM-DD`, reading day and month in the given order; null if not a date. */
export function parseDate(value: string, order: DateOrder | null): string | null {
  const v = value.trim();
  if (order !== 'mdy' && v.length === 10) {
    const date = dottedDate(v);
    if (date !== undefined) return date;
  }
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
export function readDateColumn(values: Iterable<string>): DateReading {
  const reader = new DateColumnReader();
  for (const value of values) reader.add(value);
  return reader.reading();
}

/** `readDateColumn` a value at a time, for a file read in chunks. */
export class DateColumnReader {
  private dayFirst = false;
  private monthFirst = false;
  private short = 0;
  private slashed = 0;
  private isoCount = 0;
  /** The first non-empty value, to show when the user must choose the order. */
  example: string | null = null;

  add(raw: string): void {
    const v = raw.trim();
    if (!v) return;
    this.example ??= raw;
    // `31.12.2025`, a 1C file's every row: read without a regular expression.
    if (isDotted(v)) {
      const a = twoDigits(v, 0);
      const b = twoDigits(v, 3);
      this.short += 1;
      if (a > 12 && b <= 31) this.dayFirst = true;
      if (b > 12 && a <= 31) this.monthFirst = true;
      return;
    }
    if (ISO.exec(v)) {
      this.isoCount += 1;
      return;
    }
    const m = SHORT.exec(v);
    if (!m) return;
    this.short += 1;
    if (m[2] !== '.') this.slashed += 1;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 31) this.dayFirst = true;
    if (b > 12 && a <= 31) this.monthFirst = true;
  }

  reading(): DateReading {
    if (this.short === 0) return this.isoCount > 0 ? 'ymd' : 'none';
    if (this.dayFirst && !this.monthFirst) return 'dmy';
    if (this.monthFirst && !this.dayFirst) return 'mdy';
    if (this.dayFirst && this.monthFirst) return 'ambiguous';
    // Nothing above 12: dotted dates are day-first by convention; slashed ones could be either.
    return this.slashed === 0 ? 'dmy' : 'ambiguous';
  }
}

/** The number of the two digits at `at`, or -1 when they are not two digits. */
function twoDigits(v: string, at: number): number {
  const a = v.charCodeAt(at) - 48;
  const b = v.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** How `cellText` writes a numeric Excel cell: JavaScript's own shortest form. */
export const SHEET_NUMBER = /^-?\d+(?:\.\d+)?(?:e[-+]\d+)?$/;

/**
 * How a file writes its numbers: a `;`-delimited CSV is Russian (Excel under a Russian locale
 * writes `;` and a decimal comma), a `,`-delimited one English; anything else (tab, `|`, text
 * cells of a workbook) follows the workbook's language. Numeric cells of an Excel workbook are
 * numbers already (see `cellText`) and read the same in either.
 */
export function numberConvention(delimiter: string | null, workbook: NumberLocale): NumberLocale {
  if (delimiter === ';') return 'ru';
  if (delimiter === ',') return 'en';
  return workbook;
}

/**
 * A number as written in a Russian or English spreadsheet; null when it is not a number. A
 * number an Excel workbook stored as a number is taken as it is (see `cellText`).
 */
export function parseNumber(
  value: string,
  locale: NumberLocale,
  spreadsheetNumber = false,
): number | null {
  if (spreadsheetNumber && SHEET_NUMBER.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return parseKernelNumber(value, locale);
}

const PLAIN_MONEY = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

/**
 * An amount in major units (roubles) as minor units (kopecks); null when not an amount. A
 * number an Excel workbook stored as a number is rounded to the kopeck (see `cellText`).
 */
export function parseMoney(
  value: string,
  locale: NumberLocale,
  spreadsheetNumber = false,
): number | null {
  // `1234,56`, `1234.5`, `1234`: one reading in either language (a fraction of three digits
  // could be thousands, so it goes the long way), as the kernel reads it, without its passes.
  const plain = spreadsheetNumber ? null : PLAIN_MONEY.exec(value);
  if (plain) {
    const fraction = plain[2] ?? '';
    return Number(plain[1]) * 100 + Number(fraction.padEnd(2, '0'));
  }
  if (spreadsheetNumber && SHEET_NUMBER.test(value.trim())) {
    return moneyFromNumber(Number(value.trim()));
  }
  return parseKernelMoney(value, locale);
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
