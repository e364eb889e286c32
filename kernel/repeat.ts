/**
 * Repeat rules as pure date arithmetic on calendar dates (`YYYY-MM-DD`). Occurrence k of a rule
 * is computed from the first date, never from the previous occurrence, so 31 January monthly
 * gives 28 (29) February and then 31 March, and 29 February yearly comes back in leap years.
 * Times of day stay local wall-clock times, so a 09:00 reminder stays at 09:00 across DST.
 */
import { addDays, addMonths, addWeeks, addYears, getISODay } from 'date-fns';
import { localDay, parseDay } from './local-date';

/**
 * A repeat rule as the contract's `RepeatRule` has it (the kernel imports nothing from the app):
 * every `every` units from the first date; weekly rules may name ISO weekdays (1 = Monday …
 * 7 = Sunday); ends on `until` (inclusive) or after `count` occurrences.
 */
export interface RepeatRule {
  every: number;
  unit: 'day' | 'week' | 'month' | 'year';
  weekdays?: number[] | undefined;
  until?: string | undefined;
  count?: number | undefined;
}

/** A safety bound on how far a search for the next occurrence may run. */
const MAX_STEPS = 100_000;

function* occurrences(rule: RepeatRule, first: string): Generator<string> {
  const start = parseDay(first);
  if (rule.unit === 'week' && rule.weekdays && rule.weekdays.length > 0) {
    const days = [...new Set(rule.weekdays)].sort((a, b) => a - b);
    // The ISO week of the first date, from its Monday.
    const monday = addDays(start, 1 - getISODay(start));
    for (let week = 0; week < MAX_STEPS; week += rule.every) {
      for (const day of days) {
        const date = addDays(addWeeks(monday, week), day - 1);
        if (date >= start) yield localDay(date);
      }
    }
    return;
  }
  const step = { day: addDays, week: addWeeks, month: addMonths, year: addYears }[rule.unit];
  for (let k = 0; k < MAX_STEPS; k++) yield localDay(step(start, k * rule.every));
}

/**
 * The `n`-th occurrence (1-based) of a rule that starts on `first`, or null when the rule has
 * ended by then (past `until` or `count`).
 */
export function occurrence(rule: RepeatRule, first: string, n: number): string | null {
  if (rule.count !== undefined && n > rule.count) return null;
  let i = 0;
  for (const date of occurrences(rule, first)) {
    if (rule.until !== undefined && date > rule.until) return null;
    i += 1;
    if (i === n) return date;
  }
  return null;
}

/** The first occurrence strictly after `after`, with its number; null when the series is over. */
export function nextAfter(
  rule: RepeatRule,
  first: string,
  after: string,
): { date: string; n: number } | null {
  let n = 0;
  for (const date of occurrences(rule, first)) {
    n += 1;
    if (rule.count !== undefined && n > rule.count) return null;
    if (rule.until !== undefined && date > rule.until) return null;
    if (date > after) return { date, n };
  }
  return null;
}

/** Why a rule can never fire from `first`, or null when it fires at least once. */
export function neverFires(
  rule: RepeatRule,
  first: string,
): 'repeat_until_before' | 'repeat_never' | null {
  if (rule.until !== undefined && rule.until < first) return 'repeat_until_before';
  return occurrence(rule, first, 1) === null ? 'repeat_never' : null;
}

/**
 * The instant of a local wall-clock due (`YYYY-MM-DD` means the start of that day) in the
 * machine's time zone. Across a DST change the wall time holds and the instant moves.
 */
export function dueInstant(due: string): Date {
  const date = parseDay(due);
  const time = /T(\d{2}):(\d{2})$/.exec(due);
  if (time) date.setHours(Number(time[1]), Number(time[2]), 0, 0);
  return date;
}

/** When a birthday is celebrated in `year`: 29 February becomes 28 February in common years. */
export function birthdayIn(birthday: string, year: number): string {
  const [, m, d] = birthday.split('-');
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === '02' && d === '29' && !leap) return `${year}-02-28`;
  return `${year}-${m}-${d}`;
}
