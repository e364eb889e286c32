/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The engine works on integers
 * so a month or a week is a division, not a `Date` allocation per purchase.
 */

/** Days since 1970-01-01 (negative before). */
export type Day = number;

/** An inclusive range of days. */
export interface DayWindow {
  from: Day;
  to: Day;
}

export type Period = 'week' | 'month' | 'quarter' | 'year';

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Writes [year, month 1–12, day 1–31] of a day number into `out` (reused to avoid garbage). */
export function ymdOfDay(day: Day, out: [number, number, number] = [0, 0, 0]) {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  out[1] = month;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  return out;
}

const DIGIT_0 = 48;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Day number of `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); NaN when malformed.
 * Parsed by hand: the loader calls it a million times.
 */
export function dayFromIso(iso: string): Day {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  return dayFromYmd(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const scratch: [number, number, number] = [0, 0, 0];

/** `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: Day): string {
  const [y, m, d] = ymdOfDay(day, scratch);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Months since January 1970 (0 = 1970-01); consecutive months are consecutive integers. */
export function monthOfDay(day: Day): number {
  const [y, m] = ymdOfDay(day, scratch);
  return (y - 1970) * 12 + m - 1;
}

/** First day of a month index. */
export function monthStart(month: number): Day {
  const y = Math.floor(month / 12);
  return dayFromYmd(1970 + y, month - y * 12 + 1, 1);
}

/** The same day of the month `months` months later (earlier when negative), clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = ymdOfDay(day, scratch);
  const target = (y - 1970) * 12 + m - 1 + months;
  const start = monthStart(target);
  const length = monthStart(target + 1) - start;
  return start + Math.min(d, length) - 1;
}

/** Index of the period holding `day`; consecutive periods are consecutive integers. */
export function periodOfDay(day: Day, period: Period): number {
  switch (period) {
    // 1970-01-01 was a Thursday: shifting by 3 makes weeks start on Monday (ISO).
    case 'week':
      return Math.floor((day + 3) / 7);
    case 'month':
      return monthOfDay(day);
    case 'quarter':
      return Math.floor(monthOfDay(day) / 3);
    case 'year':
      return Math.floor(monthOfDay(day) / 12);
  }
}

/** First day of period `index`. */
export function periodStart(index: number, period: Period): Day {
  switch (period) {
    case 'week':
      return index * 7 - 3;
    case 'month':
      return monthStart(index);
    case 'quarter':
      return monthStart(index * 3);
    case 'year':
      return monthStart(index * 12);
  }
}

/** The inclusive day range of period `index`. */
export function periodWindow(index: number, period: Period): DayWindow {
  return { from: periodStart(index, period), to: periodStart(index + 1, period) - 1 };
}

/** A readable label: `2024-W01` (ISO week), `2024-03`, `2024-Q2`, `2024`. */
export function periodLabel(index: number, period: Period): string {
  const start = periodStart(index, period);
  const [y, m] = ymdOfDay(period === 'week' ? start + 3 : start, scratch);
  switch (period) {
    case 'week': {
      // The ISO week belongs to the year of its Thursday.
      const week = Math.floor((start + 3 - dayFromYmd(y, 1, 1)) / 7) + 1;
      return `${y}-W${pad2(week)}`;
    }
    case 'month':
      return `${y}-${pad2(m)}`;
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return String(y);
  }
}

/** The whole periods overlapping [from, to], each clipped to the range, oldest first. */
export function periodWindows(range: DayWindow, period: Period): (DayWindow & { label: string })[] {
  const out: (DayWindow & { label: string })[] = [];
  const last = periodOfDay(range.to, period);
  for (let p = periodOfDay(range.from, period); p <= last; p++) {
    const w = periodWindow(p, period);
    out.push({
      from: Math.max(w.from, range.from),
      to: Math.min(w.to, range.to),
      label: periodLabel(p, period),
    });
  }
  return out;
}
