/**
 * Retention and churn. A client is active at day d when its last purchase on or before d is at
 * most W days old (d − last ≤ W). For a period [from, to]: S = active at `from`, E = active at
 * `to`, N = first purchase ever within the period (bounds inclusive);
 * retentionRate = (E − N) / S, churnRate = 1 − retentionRate, and cohortRetention = the share of
 * S still active at `to`. They differ when clients come back: a won-back client is in E but not
 * in S, so it lifts retentionRate and not cohortRetention. A client whose first purchase falls
 * on `from` itself is in both S and N, exactly as the formula reads.
 */
import { isoFromDay, type DayWindow } from './days';
import { ratio, toGrouping, type GroupInput } from './groups';
import { isNewIn, lastPurchaseBy, type SalesData } from './sales-data';

export interface RetentionOptions {
  /** W: days since the last purchase within which a client still counts as active (365). */
  activeWindowDays?: number;
}

export interface RetentionPeriod {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  atStart: number;
  atEnd: number;
  new: number;
  /** Fractions; null when nobody was active at the start. */
  retentionRate: number | null;
  cohortRetention: number | null;
  churnRate: number | null;
}

export const DEFAULT_ACTIVE_WINDOW_DAYS = 365;

/** Counts S, E, N and S∩E per group for one period. */
export function countPeriod(
  data: SalesData,
  period: DayWindow,
  w: number,
  groupOf: Int32Array | null,
  groups: number,
): Float64Array {
  // Four counters per group: atStart, atEnd, new, kept (active at both ends).
  const counts = new Float64Array(groups * 4);
  const n = data.clientIds.length;
  for (let c = 0; c < n; c++) {
    const s = data.start[c]!;
    if (s === data.start[c + 1]!) continue;
    const g = groupOf ? groupOf[c]! * 4 : 0;
    const atStart = period.from - lastPurchaseBy(data, c, period.from) <= w;
    const atEnd = period.to - lastPurchaseBy(data, c, period.to) <= w;
    if (atStart) counts[g]!++;
    if (atEnd) counts[g + 1]!++;
    if (isNewIn(data, c, period)) counts[g + 2]!++;
    if (atStart && atEnd) counts[g + 3]!++;
  }
  return counts;
}

export function toPeriod(period: DayWindow, counts: Float64Array, g: number): RetentionPeriod {
  const atStart = counts[g * 4]!;
  const atEnd = counts[g * 4 + 1]!;
  const added = counts[g * 4 + 2]!;
  const rate = ratio(atEnd - added, atStart);
  return {
    from: isoFromDay(period.from),
    to: isoFromDay(period.to),
    atStart,
    atEnd,
    new: added,
    retentionRate: rate,
    cohortRetention: ratio(counts[g * 4 + 3]!, atStart),
    churnRate: rate === null ? null : 1 - rate,
  };
}

/** Retention of the whole base for each period. */
export function retention(
  data: SalesData,
  periods: readonly DayWindow[],
  options: RetentionOptions = {},
): RetentionPeriod[] {
  return retentionFromCounts(periods, retentionCounts(data, periods, options));
}

/**
 * The counts behind {@link retention}, four per period (at start, at end, new, kept): sums over
 * clients, so the live dashboard adds a changed client's new counts and takes away its old ones.
 */
export function retentionCounts(
  data: SalesData,
  periods: readonly DayWindow[],
  options: RetentionOptions = {},
): Float64Array {
  const w = options.activeWindowDays ?? DEFAULT_ACTIVE_WINDOW_DAYS;
  const out = new Float64Array(periods.length * 4);
  periods.forEach((p, i) => out.set(countPeriod(data, p, w, null, 1), i * 4));
  return out;
}

export function retentionFromCounts(
  periods: readonly DayWindow[],
  counts: Float64Array,
): RetentionPeriod[] {
  return periods.map((p, i) => toPeriod(p, counts, i));
}

export interface GroupRetention {
  key: string | null;
  periods: RetentionPeriod[];
}

/** Retention per group (e.g. acquisition channel) for each period. */
export function retentionByGroup(
  data: SalesData,
  keys: GroupInput,
  periods: readonly DayWindow[],
  options: RetentionOptions = {},
): GroupRetention[] {
  const w = options.activeWindowDays ?? DEFAULT_ACTIVE_WINDOW_DAYS;
  const grouping = toGrouping(keys, data.clientIds.length);
  const counted = periods.map((p) => countPeriod(data, p, w, grouping.of, grouping.keys.length));
  return grouping.keys.map((key, g) => ({
    key,
    periods: periods.map((p, i) => toPeriod(p, counted[i]!, g)),
  }));
}
