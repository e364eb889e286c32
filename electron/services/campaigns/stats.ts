/**
 * The few statistics a campaign's result needs: a two-proportion (Wald) interval and a Welch
 * t-interval, 95 %. The normal and Student's t quantiles come from stdlib
 * (`@stdlib/stats-base-dists-*-quantile`). Returns null wherever the data cannot give an
 * interval.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The standard normal's 97.5 % quantile. */
export const Z_975 = normalQuantile(0.975, 0, 1);

export type Interval = [number, number];

export interface Estimate {
  diff: number;
  ci: Interval | null;
}

/** Difference of two shares, x1/n1 − x0/n0, with its Wald interval; null for an empty group. */
export function twoProportion(x1: number, n1: number, x0: number, n0: number): Estimate | null {
  if (n1 === 0 || n0 === 0) return null;
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  const diff = p1 - p0;
  // No spread in either group (nobody or everybody bought): the interval would be a point.
  if (!(se > 0)) return { diff, ci: null };
  // A difference of shares lies in [−1, 1]; Wald's interval may reach past it on small groups.
  const clamp = (x: number) => Math.min(1, Math.max(-1, x));
  return { diff, ci: [clamp(diff - Z_975 * se), clamp(diff + Z_975 * se)] };
}

function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Difference of means a − b with Welch's t-interval; the interval needs two values a side. */
export function welch(a: readonly number[], b: readonly number[]): Estimate | null {
  if (a.length === 0 || b.length === 0) return null;
  const meanA = a.reduce((s, x) => s + x, 0) / a.length;
  const meanB = b.reduce((s, x) => s + x, 0) / b.length;
  const diff = meanA - meanB;
  if (a.length < 2 || b.length < 2) return { diff, ci: null };
  const va = meanVar(a).variance / a.length;
  const vb = meanVar(b).variance / b.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { diff, ci: null };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const t = tQuantile975(df);
  return { diff, ci: [diff - t * se, diff + t * se] };
}

/** Student's t 97.5 % quantile for any df > 0 (Welch's df is fractional). */
export function tQuantile975(df: number): number {
  return tQuantile(0.975, df);
}
