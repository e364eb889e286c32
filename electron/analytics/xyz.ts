/**
 * XYZ by regularity over a window, for the clients ABC classes (a purchase day in the window and
 * net revenue there above zero, {@link hasRevenue}); the others are not classed. Z: exactly one
 * purchase day in the window. Otherwise the coefficient of variation (population standard
 * deviation ÷ mean) of the client's net revenue per period (month by default; ISO week or
 * quarter), over the periods from the one of its first purchase in the window through the
 * window's last period, empty periods counted as zero: X when CV ≤ 0.5, Y when CV ≤ y (∞ by
 * default, so Y), else Z. (The mean is above zero for every classed client; were it not, the CV
 * would count as infinite.)
 */
import { hasRevenue } from './abc';
import { periodOfDay, type DayWindow, type Period } from './days';
import { lowerBound, upperBound, type SalesData } from './sales-data';
import { windowSums, type WindowSums } from './window-sums';

export type XyzClass = 'X' | 'Y' | 'Z';
/** Per-client codes in result arrays: 0 = not classed. */
export const XYZ_CODES = [null, 'X', 'Y', 'Z'] as const;
export type XyzPeriod = Extract<Period, 'week' | 'month' | 'quarter'>;

export interface XyzOptions {
  period?: XyzPeriod;
  /** CV up to which a client is X (0.5), and up to which it is Y (∞: never Z by CV). */
  x?: number;
  y?: number;
}

export interface XyzResult {
  /** Per client: 0 not classed, 1 X, 2 Y, 3 Z (see {@link XYZ_CODES}). */
  classOf: Uint8Array;
  /** Coefficient of variation (NaN for Z by one purchase, for undefined CV and the unclassed). */
  cv: Float64Array;
  summary: Record<XyzClass, number>;
}

export const DEFAULT_XYZ = { period: 'month', x: 0.5, y: Infinity } as const;

/** `sums`: the window's per-client sums when the caller has them (else computed here). */
export function xyz(
  data: SalesData,
  window: DayWindow,
  options: XyzOptions = {},
  totals: WindowSums = windowSums(data, window),
): XyzResult {
  const period = options.period ?? DEFAULT_XYZ.period;
  const xMax = options.x ?? DEFAULT_XYZ.x;
  const yMax = options.y ?? DEFAULT_XYZ.y;
  const n = data.clientIds.length;
  const classOf = new Uint8Array(n);
  const cv = new Float64Array(n).fill(NaN);
  const summary: Record<XyzClass, number> = { X: 0, Y: 0, Z: 0 };
  if (window.to < window.from) return { classOf, cv, summary };
  const firstPeriod = periodOfDay(window.from, period);
  const lastPeriod = periodOfDay(window.to, period);
  // One scratch row of per-period sums, reused by every client.
  const sums = new Float64Array(lastPeriod - firstPeriod + 1);
  for (let c = 0; c < n; c++) {
    const s = lowerBound(data.day, data.start[c]!, data.start[c + 1]!, window.from);
    const e = upperBound(data.day, s, data.start[c + 1]!, window.to);
    if (!hasRevenue(totals, c)) continue;
    if (e - s === 1) {
      classOf[c] = 3;
      summary.Z++;
      continue;
    }
    const p0 = periodOfDay(data.day[s]!, period) - firstPeriod;
    sums.fill(0, p0);
    for (let i = s; i < e; i++)
      sums[periodOfDay(data.day[i]!, period) - firstPeriod]! += data.revenue[i]!;
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++) {
      const d = data.adjDay[i]!;
      const p = d >= window.from && d <= window.to ? periodOfDay(d, period) - firstPeriod : -1;
      if (p >= p0) sums[p]! += data.adjRevenue[i]!;
    }
    const k = sums.length - p0;
    let total = 0;
    for (let p = p0; p < sums.length; p++) total += sums[p]!;
    const mean = total / k;
    let squares = 0;
    for (let p = p0; p < sums.length; p++) squares += (sums[p]! - mean) ** 2;
    const v = mean > 0 ? Math.sqrt(squares / k) / mean : NaN;
    cv[c] = v;
    const score = Number.isNaN(v) ? Infinity : v;
    const code = score <= xMax ? 1 : score <= yMax ? 2 : 3;
    classOf[c] = code;
    summary[XYZ_CODES[code]]++;
  }
  return { classOf, cv, summary };
}
