/**
 * ABC by revenue over a window. Clients are ranked by their net revenue in the window,
 * descending, ties by client id ascending; a client is A while the share of the revenue of all
 * clients ranked before it is below 80 %, B while below 95 %, else C.
 *
 * Returns: a client with purchase days in the window whose net revenue there is zero or negative
 * (returns outweigh purchases) is classed C and ranked after every positive client; the shares
 * are of the positive revenue only, so they stay within 0–100 %. A client with no purchase day
 * in the window (only a return, or nothing) is not classed.
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
  /** Client indices from the first rank to the last. */
  ranking: Int32Array;
  summary: Record<AbcClass, AbcClassSummary>;
  /** Sum of the positive net revenues in the window. */
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

export function abcFromSums(sums: WindowSums, options: AbcOptions = {}): AbcResult {
  const a = options.a ?? DEFAULT_ABC.a;
  const b = options.b ?? DEFAULT_ABC.b;
  const n = sums.revenue.length;
  const classOf = new Uint8Array(n);
  const shareBefore = new Float64Array(n).fill(NaN);
  const ranking = rankByRevenue(sums);
  let total = 0;
  for (const c of ranking) total += Math.max(0, sums.revenue[c]!);
  const summary: Record<AbcClass, AbcClassSummary> = {
    A: { clients: 0, revenue: 0 },
    B: { clients: 0, revenue: 0 },
    C: { clients: 0, revenue: 0 },
  };
  let before = 0;
  for (const c of ranking) {
    const rev = sums.revenue[c]!;
    // Division, not `before < a * total`: 80/100 then equals the literal 0.8 exactly.
    const share = total > 0 ? before / total : 1;
    const code = rev <= 0 ? 3 : share < a ? 1 : share < b ? 2 : 3;
    classOf[c] = code;
    shareBefore[c] = rev <= 0 ? 1 : share;
    const s = summary[ABC_CODES[code]];
    s.clients++;
    s.revenue += rev;
    if (rev > 0) before += rev;
  }
  return { classOf, shareBefore, ranking, summary, positiveRevenue: total };
}

export function abc(data: SalesData, window: DayWindow, options: AbcOptions = {}): AbcResult {
  return abcFromSums(windowSums(data, window), options);
}
