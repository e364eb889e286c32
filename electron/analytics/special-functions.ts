/**
 * The special functions BG/NBD needs, written out because JavaScript has none: log-gamma
 * (Lanczos) and the Gaussian hypergeometric function 2F1.
 */

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x ≥ 0.5).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln|Γ(x)|; +∞ at the poles (0, −1, −2, …). */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    const s = Math.abs(Math.sin(Math.PI * x));
    if (s === 0) return Infinity;
    return Math.log(Math.PI / s) - lgamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Sign of Γ(x): 1 or −1; 0 at the poles (where 1/Γ is zero). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

const isNonPositiveInteger = (x: number) => x <= 0 && Number.isInteger(x);

const MAX_TERMS = 200_000;

/**
 * The hypergeometric series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1. It stops once a term is
 * below 1e-16 of the sum and the tail, bounded by a geometric series from there, is too.
 */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    // Terms that overflow before they start to shrink: report failure, callers fall back.
    if (!Number.isFinite(sum)) return NaN;
    const next = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
    if (next < 1 && Math.abs(term) / (1 - next) <= 1e-16 * Math.abs(sum)) return sum;
  }
  return NaN;
}

/**
 * Γ(c) Γ(m) / (Γ(p) Γ(q)) · w^e as a signed number, computed in logs to survive huge gammas;
 * zero when p or q is a pole (1/Γ vanishes there).
 */
function gammaRatio(c: number, m: number, p: number, q: number, w: number, e: number): number {
  const sign = gammaSign(c) * gammaSign(m) * gammaSign(p) * gammaSign(q);
  if (sign === 0) return 0;
  return sign * Math.exp(lgamma(c) + lgamma(m) - lgamma(p) - lgamma(q) + e * Math.log(w));
}

/** The connection formula to 1 − z (Abramowitz & Stegun 15.3.6); m = c − a − b not an integer. */
function nearOne(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const m = c - a - b;
  const first = gammaRatio(c, m, c - a, c - b, w, 0);
  const second = gammaRatio(c, -m, a, b, w, m);
  return (
    (first === 0 ? 0 : first * series(a, b, 1 - m, w)) +
    (second === 0 ? 0 : second * series(c - a, c - b, 1 + m, w))
  );
}

/** Below this z the series is summed directly; above, it converges too slowly. */
const SERIES_LIMIT = 0.9;
/** Up to here the series is still worth summing (≈ 7,000 terms) rather than extrapolating. */
const SLOW_SERIES_LIMIT = 0.995;
/** How close c − a − b may get to an integer before the connection formula cancels badly. */
const NEAR_INTEGER = 5e-5;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for real z < 1 and c not a pole.
 * Direct series for |z| ≤ 0.9; Pfaff's transformation for negative z; for z near 1 the
 * connection formula to 1 − z. Where c − a − b is (nearly) an integer that formula's two terms
 * have poles that cancel: up to z = 0.995 the series is summed anyway, beyond it the formula is
 * evaluated at c ± h and c ± 2h and extrapolated (Richardson: the mean at c ± h is off by O(h²),
 * which the mean at c ± 2h cancels; relative error about 1e-9).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (isNonPositiveInteger(c) || z >= 1 || Number.isNaN(z)) return NaN;
  if (z === 0 || isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);
  if (z < 0) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), argument in (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  if (z <= SERIES_LIMIT) return series(a, b, c, z);
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) >= NEAR_INTEGER) return nearOne(a, b, c, z);
  // The degenerate case loses a few digits; while a few thousand terms still do, sum directly.
  if (z <= SLOW_SERIES_LIMIT) {
    const direct = series(a, b, c, z);
    if (Number.isFinite(direct)) return direct;
  }
  const mean = (h: number) => (nearOne(a, b, c + h, z) + nearOne(a, b, c - h, z)) / 2;
  const h = 2 * NEAR_INTEGER;
  return (4 * mean(h) - mean(2 * h)) / 3;
}
