/**
 * Per-client totals over one window, computed once and shared by ABC, Pareto, LTV and the
 * group breakdowns so a dashboard refresh walks the purchase days of a window only once.
 */
import type { DayWindow } from './days';
import { lowerBound, upperBound, type SalesData } from './sales-data';

export interface WindowSums {
  readonly window: DayWindow;
  /** Net revenue in the window: purchase days plus adjustments (returns). */
  readonly revenue: Float64Array;
  /** Purchase days in the window (0: the client bought nothing in it). */
  readonly purchaseDays: Int32Array;
  /** Known margin and the revenue it belongs to, in the window. */
  readonly margin: Float64Array;
  readonly marginRevenue: Float64Array;
  /** Clients with at least one purchase day in the window. */
  readonly buyers: number;
  /**
   * The window's revenue: every sale in it, purchases minus returns, whoever made them (a return
   * by a client who bought nothing in the window counts too). The one revenue-in-the-window
   * figure: the revenue card, its months, Pareto and the channels all add up to it.
   */
  readonly totalRevenue: number;
}

export function windowSums(data: SalesData, window: DayWindow): WindowSums {
  const n = data.clientIds.length;
  const revenue = new Float64Array(n);
  const purchaseDays = new Int32Array(n);
  const margin = new Float64Array(n);
  const marginRevenue = new Float64Array(n);
  let buyers = 0;
  let totalRevenue = 0;
  for (let c = 0; c < n; c++) {
    let rev = 0;
    let mar = 0;
    let marRev = 0;
    const s = lowerBound(data.day, data.start[c]!, data.start[c + 1]!, window.from);
    const e = upperBound(data.day, s, data.start[c + 1]!, window.to);
    for (let i = s; i < e; i++) {
      rev += data.revenue[i]!;
      mar += data.margin[i]!;
      marRev += data.marginRevenue[i]!;
    }
    // Adjustments are rare: most clients skip this loop at once.
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++) {
      const d = data.adjDay[i]!;
      if (d < window.from || d > window.to) continue;
      rev += data.adjRevenue[i]!;
      mar += data.adjMargin[i]!;
      marRev += data.adjMarginRevenue[i]!;
    }
    revenue[c] = rev;
    purchaseDays[c] = e - s;
    margin[c] = mar;
    marginRevenue[c] = marRev;
    if (e > s) buyers++;
    totalRevenue += rev;
  }
  return { window, revenue, purchaseDays, margin, marginRevenue, buyers, totalRevenue };
}
