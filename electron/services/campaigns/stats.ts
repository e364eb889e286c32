/**
 * The few statistics a campaign's result needs: a two-proportion (Wald) interval and a Welch
 * t-interval, 95 %. Hand-written because no statistics library is installed and dependencies
 * cannot be added in this round (the report asks for `@stdlib/stats-base-dists-t-quantile`):
 * Student's t quantile comes from its CDF (the regularized incomplete beta, Numerical Recipes'
 * continued fraction) by bisection. Returns null wherever the data cannot give an interval.
 */

/** The standard normal's 97.5 % quantile. */
export const Z_975 = 1.959963984540054;

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

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for Student's t with `df` degrees of freedom, t ≥ 0. */
export function tUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student's t 97.5 % quantile for any df > 0 (Welch's df is fractional). */
export function tQuantile975(df: number): number {
  let lo = 0;
  let hi = 1e4;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tUpperTail(mid, df) > 0.025) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
