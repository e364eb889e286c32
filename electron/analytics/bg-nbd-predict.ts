/** What a fitted BG/NBD says about one client: P(alive) and expected purchases ahead. */
import type { BgNbdParams } from './bg-nbd';
import { hyp2f1 } from './special-functions';

/** P(alive | x, t_x, T): FHL (2005) eq. 13. */
export function pAlive(p: BgNbdParams, x: number, recency: number, age: number): number {
  if (x === 0) return 1;
  const odds =
    (p.a / (p.b + x - 1)) * Math.exp((p.r + x) * Math.log((p.alpha + age) / (p.alpha + recency)));
  return 1 / (1 + odds);
}

/**
 * E[Y(t) | x, t_x, T], FHL (2005) eq. 10:
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / (1 + δ(x>0) odds),
 * z = t/(α+T+t). By Euler's transformation the bracket's product also equals
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z). The series of the first form is short when a and b
 * are large, that of the second when x is large; the one whose terms shrink faster is used, and
 * when neither gives a finite answer, the expectation is integrated over p numerically.
 */
export function expectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  recency: number,
  age: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  // At a = 1 the formula is 0/0; its limit is the mean of the two sides.
  if (Math.abs(a - 1) < 1e-7) {
    const h = 1e-5;
    const at = (v: number) => expectedPurchases({ ...p, a: v }, t, x, recency, age);
    return (at(1 + h) + at(1 - h)) / 2;
  }
  const z = t / (alpha + age + t);
  const c = a + b + x - 1;
  const euler = Math.abs((a + b - 1 - r) * (a - 1)) <= Math.abs((r + x) * (b + x));
  const bracket = euler
    ? 1 - Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z)
    : 1 - Math.pow(1 - z, r + x) * hyp2f1(r + x, b + x, c, z);
  const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + age) / (alpha + recency), r + x) : 0;
  const value = ((c / (a - 1)) * bracket) / (1 + odds);
  if (Number.isFinite(value) && value >= 0) return value;
  return integratedWhileAlive(p, t, x, age) / (1 + odds) || 0;
}

/**
 * E[Y(t) | alive, x, T] = E[(1 − (1 + p·t/(α+T))^−(r+x)) / p] for p ~ Beta(a, b + x), by the
 * trapezoid rule in y = logit p, where the Beta density is a smooth bell with exponential
 * tails (the rule converges geometrically there). The density is normalised by the same sum
 * rather than by B(a, b + x), whose logarithm loses digits when a and b are huge. Used only
 * where the series fail.
 */
export function integratedWhileAlive(p: BgNbdParams, t: number, x: number, age: number): number {
  const a = p.a;
  const b = p.b + x;
  const k = t / (p.alpha + age);
  const s = p.r + x;
  const mode = Math.log(a / b);
  const width = Math.sqrt(1 / a + 1 / b);
  const logDensity = (y: number) => -a * Math.log1p(Math.exp(-y)) - b * Math.log1p(Math.exp(y));
  const peak = logDensity(mode);
  // e^−40 of the peak at both ends: the bell's curvature near the mode, the tails' slopes a and b.
  const from = mode - 9 * width - 40 / a;
  const to = mode + 9 * width + 40 / b;
  const h = Math.min(width / 5, 0.25);
  let sum = 0;
  let mass = 0;
  for (let y = from; y <= to; y += h) {
    const prob = 1 / (1 + Math.exp(-y));
    // (1 − (1 + pk)^−s) / p, written to keep its precision for tiny p.
    const g = -Math.expm1(-s * Math.log1p(prob * k)) / prob;
    const w = Math.exp(logDensity(y) - peak);
    sum += g * w;
    mass += w;
  }
  return sum / mass;
}
