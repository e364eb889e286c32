/**
 * Who is due to buy and who is slipping away, from each client's own rhythm. With at least two
 * purchase days on or before `asOf`, the rhythm is the median interval between consecutive
 * purchase days (the mean of the middle two for an even count); the next purchase is expected
 * on last + median, rounded to a whole day (half up), and overdue days = asOf − expected
 * (negative: not due yet). Due to buy: expected from asOf through asOf + 6 (this week, today
 * included). Slipping away: expected before asOf, however little (overdue ones are not "due").
 */
import { isoFromDay, type Day } from './days';
import { upperBound, type SalesData } from './sales-data';

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
  const within = options.dueWithinDays ?? 7;
  const limit = options.limit ?? 100;
  const n = data.clientIds.length;
  const expectedDay = new Float64Array(n).fill(NaN);
  const overdueDays = new Float64Array(n).fill(NaN);
  const rhythm = new Float64Array(n);
  const last = new Int32Array(n);
  const revenue = new Float64Array(n);
  const value = new Float64Array(n);
  const due: number[] = [];
  const slipping: number[] = [];
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
    last[c] = data.day[e - 1]!;
    const expectedOn = Math.round(last[c]! + m);
    expectedDay[c] = expectedOn;
    overdueDays[c] = asOf - expectedOn;
    rhythm[c] = m;
    revenue[c] = rev;
    const expected = options.expectedPurchases?.[c];
    value[c] =
      options.rankBy === 'expectedValue' && expected !== undefined && !Number.isNaN(expected)
        ? (expected * rev) / (e - s)
        : rev;
    if (options.exclude?.has(data.clientIds[c]!)) continue;
    if (expectedOn < asOf) slipping.push(c);
    else if (expectedOn < asOf + within) due.push(c);
  }
  due.sort((x, y) => expectedDay[x]! - expectedDay[y]! || x - y);
  slipping.sort((x, y) => value[y]! - value[x]! || x - y);
  const row = (c: number): DueClient => {
    const alive = options.pAlive?.[c];
    return {
      clientId: data.clientIds[c]!,
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
    due: due.slice(0, limit).map(row),
    dueCount: due.length,
    slipping: slipping.slice(0, limit).map(row),
    slippingCount: slipping.length,
  };
}
