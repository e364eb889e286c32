/**
 * ABC by revenue over a window. Clients are ranked by their net revenue in the window,
 * descending, ties by client id ascending; a client is A while the share of the revenue of all
 * clients ranked before it is below 80 %, B while below 95 %, else C.
 *
 * Only clients with revenue are classed: a client whose net revenue in the window is zero or
 * negative (its purchases there were free, or returns cancel them) is not classed, and neither is
 * one with no purchase day in the window (only a return, or nothing). Not classed means in no
 * cell, no share and no count of any class; the shares are of the classed clients' revenue.
 */
import type { DayWindow } from './days';
import type { SalesData } from './sales-data';
import { windowSums, type WindowSums } from './window-sums';

export type AbcClass = 'A' | 'B' | 'C';
/** Per-client codes in result arrays: 0 = not classed. */
export const ABC_CODES = [null, 'A', 'B', 'C'] as const;

export interface AbcOptions {
  /** Cumulative share before a client below which it is A (0.8) and B (0.95). */
  a?: number;
  b?: number;
}

export interface AbcClassSummary {
  clients: number;
  revenue: number;
}

export interface AbcResult {
  /** Per client: 0 not classed, 1 A, 2 B, 3 C (see {@link ABC_CODES}). */
  classOf: Uint8Array;
  /** Share of the positive revenue ranked before each client (NaN when not classed). */
  shareBefore: Float64Array;
  /** Classed client indices from the first rank to the last. */
  ranking: Int32Array;
  summary: Record<AbcClass, AbcClassSummary>;
  /** Sum of the classed clients' (positive) net revenues in the window. */
  positiveRevenue: number;
}

export const DEFAULT_ABC = { a: 0.8, b: 0.95 } as const;

/** Indices of the clients with purchase days in the window, ranked by revenue (ties by id). */
export function rankByRevenue(sums: WindowSums): Int32Array {
  const list = new Int32Array(sums.buyers);
  let k = 0;
  for (let c = 0; c < sums.purchaseDays.length; c++) if (sums.purchaseDays[c]! > 0) list[k++] = c;
  const rev = sums.revenue;
  return list.sort((x, y) => rev[y]! - rev[x]! || x - y);
}

/**
 * The one test of "classed by ABC and XYZ in a window": a purchase day there and net revenue there
 * above zero.
 */
export function hasRevenue(sums: WindowSums, c: number): boolean {
  return sums.purchaseDays[c]! > 0 && sums.revenue[c]! > 0;
}

export function abcFromSums(sums: WindowSums, options: AbcOptions = {}): AbcResult {
  return abcFromRanking(sums, rankByRevenue(sums), options);
}

/**
 * ABC classes from the window's buyers already ranked by {@link rankByRevenue} (the live
 * dashboard keeps that ranking current by moving only the clients that changed).
 */
export function abcFromRanking(
  sums: WindowSums,
  buyers: Int32Array,
  options: AbcOptions = {},
): AbcResult {
  const a = options.a ?? DEFAULT_ABC.a;
  const b = options.b ?? DEFAULT_ABC.b;
  const n = sums.revenue.length;
  const classOf = new Uint8Array(n);
  const shareBefore = new Float64Array(n).fill(NaN);
  let classed = 0;
  while (classed < buyers.length && hasRevenue(sums, buyers[classed]!)) classed++;
  const ranking = buyers.subarray(0, classed);
  let total = 0;
  for (const c of ranking) total += sums.revenue[c]!;
  const summary: Record<AbcClass, AbcClassSummary> = {
    A: { clients: 0, revenue: 0 },
    B: { clients: 0, revenue: 0 },
    C: { clients: 0, revenue: 0 },
  };
  let before = 0;
  for (const c of ranking) {
    const rev = sums.revenue[c]!;
    const share = before / total;
    const code = share < a ? 1 : share < b ? 2 : 3;
    classOf[c] = code;
    shareBefore[c] = share;
    const s = summary[ABC_CODES[code]];
    s.clients++;
    s.revenue += rev;
    before += rev;
  }
  return { classOf, shareBefore, ranking, summary, positiveRevenue: total };
}

export function abc(data: SalesData, window: DayWindow, options: AbcOptions = {}): AbcResult {
  return abcFromSums(windowSums(data, window), options);
}
