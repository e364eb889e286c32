/**
 * The local calendar: which day an instant falls on for the person at this computer, "today"
 * from an injected clock, and calendar arithmetic on `YYYY-MM-DD` dates. The one place that
 * decides the day; UTC's day (`toISOString().slice(0, 10)`) is wrong for hours every night
 * east or west of Greenwich (01:30 in Moscow is still yesterday in UTC).
 *
 * Dates are `YYYY-MM-DD` strings, local wall-clock moments `YYYY-MM-DDTHH:mm`; instants are
 * `Date`s or UTC ISO strings as the workbook stores them. The machine's time zone is the local
 * one (the renderer and the main process run on the same machine); SQL that reads many stored
 * stamps at once takes their local day with `klocalday(at)`, this `localDay` as an SQL function
 * (db/workbook.ts; SQLite's own `date(at, 'localtime')` gives the same day at a file system call
 * per row).
 */
import { addDays as addDaysTo, differenceInCalendarDays, format } from 'date-fns';

/** A real calendar date `YYYY-MM-DD` (no 31 February). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A birthday from 1900 up to `today` (the local day, from the app's clock). */
export function birthdayInRange(s: string, today: string): boolean {
  return s >= '1900-01-01' && s <= today;
}

/** A clock: the current instant. The main process injects its own so tests can fix it. */
export type Clock = () => Date;

const systemClock: Clock = () => new Date();

const YMD = /^(\d{4})-(\d{2})-(\d{2})/;

/** The local calendar day of an instant: `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  const y = at.getFullYear();
  // By hand for the common years: a page of the list works out a day for every row, and
  // date-fns' format reads its pattern anew at each call (ten times the cost). Anything else
  // (an invalid date throws there) goes through date-fns.
  if (!(y >= 1000 && y <= 9999)) return format(at, 'yyyy-MM-dd');
  const m = at.getMonth() + 1;
  const d = at.getDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Today on the local calendar, from the given clock (the system clock by default). */
export function today(clock: Clock = systemClock): string {
  return localDay(clock());
}

/** The local wall-clock time of an instant: `HH:mm`. */
export function localTime(at: Date): string {
  return format(at, 'HH:mm');
}

/** The local wall-clock minute of an instant: `YYYY-MM-DDTHH:mm` (a reminder's due). */
export function localMinute(at: Date): string {
  return format(at, "yyyy-MM-dd'T'HH:mm");
}

/** The local moment to the second, as a `datetime-local` input holds it. */
export function localSecond(at: Date): string {
  return format(at, "yyyy-MM-dd'T'HH:mm:ss");
}

/** The local day a stored UTC timestamp (`2026-11-11T22:30:00.000Z`) falls on. */
export function localDayOf(instant: string): string {
  return localDay(new Date(instant));
}

/** A `YYYY-MM-DD` date (a longer value is cut to its date) as local midnight. */
export function parseDay(ymd: string): Date {
  const m = YMD.exec(ymd);
  return new Date(Number(m?.[1] ?? 1970), Number(m?.[2] ?? 1) - 1, Number(m?.[3] ?? 1));
}

/** The date `days` calendar days after `ymd` (negative goes back). */
export function addDays(ymd: string, days: number): string {
  return localDay(addDaysTo(parseDay(ymd), days));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The date `months` calendar months after `ymd`; the 31st becomes the month's last day.
 * Plain arithmetic on the date's parts (no time zone is involved): the stage ladder calls it
 * for every client.
 */
export function addMonths(ymd: string, months: number): string {
  const m = YMD.exec(ymd);
  const total = Number(m?.[1] ?? 1970) * 12 + Number(m?.[2] ?? 1) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Number(m?.[3] ?? 1), last))}`;
}

/** Whole calendar days from `from` to `to`, whatever daylight saving does in between. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseDay(to), parseDay(from));
}

/** The first day of the year `ymd` falls in. */
export function yearStart(ymd: string): string {
  return `${ymd.slice(0, 4)}-01-01`;
}
