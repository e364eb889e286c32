/**
 * Who is due to buy and who is slipping away, from each client's own rhythm. With at least two
 * purchase days on or before `asOf`, the rhythm is the median interval between consecutive
 * purchase days (the mean of the middle two for an even count); the next purchase is expected
 * on last + median, rounded to a whole day (half up), and overdue days = asOf − expected
 * (negative: not due yet). Due to buy: expected from asOf through asOf + 6 (this week, today
 * included). Slipping away: expected before asOf, however little (overdue ones are not "due").
 */
import { isoFromDay, type Day } from './days';
import { indexOfId, upperBound, type SalesData } from './sales-data';

export interface DueOptions {
  /** The due list holds clients expected within this many days from asOf on, asOf included (7). */
  dueWithinDays?: number;
  /** Longest lists returned (100). */
  limit?: number;
  /** Clients left out of both lists (those marked lost: they are for win-back). */
  exclude?: ReadonlySet<string>;
  /** Per client P(alive) and expected purchases from {@link clv}, to show and to rank by. */
  pAlive?: Float64Array;
  expectedPurchases?: Float64Array;
  /**
   * Value the slipping list is ranked by: 'revenue' (net, up to asOf) or 'expectedValue'
   * (expected purchases × the client's average check; revenue when no expectation is given).
   */
  rankBy?: 'revenue' | 'expectedValue';
}

export interface DueClient {
  clientId: string;
  lastPurchase: string;
  medianIntervalDays: number;
  expected: string;
  overdueDays: number;
  revenue: number;
  value: number;
  pAlive: number | null;
}

export interface DueResult {
  /** Per client: expected day and overdue days (NaN with fewer than two purchase days). */
  expectedDay: Float64Array;
  overdueDays: Float64Array;
  /** Expected this week, earliest expected first (ties by client id). */
  due: DueClient[];
  dueCount: number;
  /** Overdue: slipping away, most valuable first (ties by client id). */
  slipping: DueClient[];
  slippingCount: number;
}

/** Median of a[0..n) (sorted in place). */
function median(a: Float64Array, n: number): number {
  const s = a.subarray(0, n).sort();
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export function dueToBuy(data: SalesData, asOf: Day, options: DueOptions = {}): DueResult {
  return dueFromColumns(data.clientIds, dueColumns(data, asOf), asOf, options);
}

/** Each client's own part of {@link dueToBuy}: what its purchases by asOf say, nothing ranked. */
export interface DueColumns {
  /** Purchase days on or before asOf; fewer than two: no rhythm, never due. */
  purchases: Int32Array;
  expectedDay: Float64Array;
  overdueDays: Float64Array;
  rhythm: Float64Array;
  last: Int32Array;
  revenue: Float64Array;
}

export function dueColumns(data: SalesData, asOf: Day): DueColumns {
  const n = data.clientIds.length;
  const out: DueColumns = {
    purchases: new Int32Array(n),
    expectedDay: new Float64Array(n).fill(NaN),
    overdueDays: new Float64Array(n).fill(NaN),
    rhythm: new Float64Array(n),
    last: new Int32Array(n),
    revenue: new Float64Array(n),
  };
  let gaps = new Float64Array(64);
  for (let c = 0; c < n; c++) {
    const s = data.start[c]!;
    const e = upperBound(data.day, s, data.start[c + 1]!, asOf);
    if (e - s < 2) continue;
    if (gaps.length < e - s) gaps = new Float64Array(2 * (e - s));
    let rev = 0;
    for (let i = s; i < e; i++) {
      rev += data.revenue[i]!;
      if (i > s) gaps[i - s - 1] = data.day[i]! - data.day[i - 1]!;
    }
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++)
      if (data.adjDay[i]! <= asOf) rev += data.adjRevenue[i]!;
    const m = median(gaps, e - s - 1);
    const last = data.day[e - 1]!;
    // The expected day is a whole day: an interval of 12.5 days lands on a date, not between two.
    const expectedOn = Math.round(last + m);
    out.purchases[c] = e - s;
    out.last[c] = last;
    out.expectedDay[c] = expectedOn;
    out.overdueDays[c] = asOf - expectedOn;
    out.rhythm[c] = m;
    out.revenue[c] = rev;
  }
  return out;
}

/** The due and slipping lists from every client's {@link DueColumns}. */
export function dueFromColumns(
  clientIds: readonly string[],
  columns: DueColumns,
  asOf: Day,
  options: DueOptions = {},
): DueResult {
  const within = options.dueWithinDays ?? 7;
  const limit = options.limit ?? 100;
  const { purchases, expectedDay, overdueDays, rhythm, last, revenue } = columns;
  const n = clientIds.length;
  const value = new Float64Array(n);
  const due: number[] = [];
  const slipping: number[] = [];
  const byExpectedValue = options.rankBy === 'expectedValue';
  // The excluded (lost) clients are few: flag them by index once, not a lookup per client.
  const excluded = new Uint8Array(n);
  if (options.exclude) {
    for (const id of options.exclude) {
      const c = indexOfId(clientIds, id);
      if (c >= 0) excluded[c] = 1;
    }
  }
  for (let c = 0; c < n; c++) {
    if (purchases[c]! < 2) continue;
    const rev = revenue[c]!;
    const expected = byExpectedValue ? options.expectedPurchases?.[c] : undefined;
    value[c] =
      expected !== undefined && !Number.isNaN(expected) ? (expected * rev) / purchases[c]! : rev;
    if (excluded[c] === 1) continue;
    const expectedOn = expectedDay[c]!;
    if (expectedOn < asOf) slipping.push(c);
    else if (expectedOn < asOf + within) due.push(c);
  }
  // Only the first `limit` of each list are shown: picked, not the whole list sorted.
  const dueTop = firstOf(due, limit, (x, y) => expectedDay[x]! - expectedDay[y]! || x - y);
  const slippingTop = firstOf(slipping, limit, (x, y) => value[y]! - value[x]! || x - y);
  const row = (c: number): DueClient => {
    const alive = options.pAlive?.[c];
    return {
      clientId: clientIds[c]!,
      lastPurchase: isoFromDay(last[c]!),
      medianIntervalDays: rhythm[c]!,
      expected: isoFromDay(expectedDay[c]!),
      overdueDays: overdueDays[c]!,
      revenue: revenue[c]!,
      value: value[c]!,
      pAlive: alive === undefined || Number.isNaN(alive) ? null : alive,
    };
  };
  return {
    expectedDay,
    overdueDays,
    due: dueTop.map(row),
    dueCount: due.length,
    slipping: slippingTop.map(row),
    slippingCount: slipping.length,
  };
}

/** The first `limit` of `list` in the order `compare` gives, sorted (a partial sort). */
function firstOf(
  list: number[],
  limit: number,
  compare: (x: number, y: number) => number,
): number[] {
  if (list.length <= limit * 4) return list.sort(compare).slice(0, limit);
  const top: number[] = [];
  for (const c of list) {
    if (top.length === limit && compare(c, top[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid]!, c) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, c);
    if (top.length > limit) top.pop();
  }
  return top;
}
