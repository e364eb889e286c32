/**
 * Fitting BG/NBD by maximum likelihood: FHL (2005) eq. 6 summed over the aggregated clients,
 * its gradient, and the optimiser run on the parameters' logs (so they stay positive).
 */
import type { Aggregated, BgNbdParams } from './bg-nbd';
import { bfgs } from './bfgs';
import { nelderMead, type MinimizeOptions } from './nelder-mead';

/**
 * Per client: ln L = A₁ + A₂ + ln(e^u + δ(x>0) e^v) with
 *   A₁ = ln Γ(r+x) − ln Γ(r) + r ln α,  A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x),
 *   u = −(r+x) ln(α+T),  v = ln a − ln(b+x−1) − (r+x) ln(α+t_x).
 * x is a whole number, so the gamma ratios are products, Γ(y+x)/Γ(y) = y(y+1)…(y+x−1): summed
 * as logs they stay exact when a and b grow huge (a likelihood flat in them, where differences
 * of ln Γ at 1e10 would be noise). With `grad`, also writes the gradient with respect to
 * (ln r, ln α, ln a, ln b).
 */
export function logLikelihood(p: BgNbdParams, g: Aggregated, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const nx = g.xs.length;
  const lnA = Math.log(a);
  const base = new Float64Array(nx);
  const dropTerm = new Float64Array(nx);
  // Per distinct x: the A₁ + A₂ sums above, and for the gradient Σ 1/(r+i), Σ 1/(b+i) − 1/(a+b+i).
  const psiR = new Float64Array(nx);
  const psiB = new Float64Array(nx);
  const psiAB = new Float64Array(nx);
  let i = 0;
  let lnSum = r * Math.log(alpha);
  let sumR = 0;
  let sumB = 0;
  let sumAB = 0;
  for (let k = 0; k < nx; k++) {
    const x = g.xs[k]!;
    for (; i < x; i++) {
      lnSum += Math.log(r + i) + Math.log((b + i) / (a + b + i));
      sumR += 1 / (r + i);
      sumB += 1 / (b + i);
      sumAB += 1 / (a + b + i);
    }
    base[k] = lnSum;
    psiR[k] = sumR;
    psiB[k] = sumB;
    psiAB[k] = sumAB;
    dropTerm[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnAge = g.ages.map((T) => Math.log(alpha + T));
  const lnRecency = g.recencies.map((t) => Math.log(alpha + t));
  const invAge = g.ages.map((T) => 1 / (alpha + T));
  const invRecency = g.recencies.map((t) => 1 / (alpha + t));
  // Gradient sums over clients: of −w·(πu ln(α+T) + πv ln(α+t_x)), of −w·(r+x)(πu/(α+T) +
  // πv/(α+t_x)), and of w·πv per x (πu, πv: the shares of e^u and e^v in their sum).
  let dR = 0;
  let dAlpha = 0;
  const alivePart = new Float64Array(nx);
  let sum = 0;
  for (let q = 0; q < g.weight.length; q++) {
    const k = g.xOf[q]!;
    const w = g.weight[q]!;
    const rx = r + g.xs[k]!;
    const ia = g.ageOf[q]!;
    const u = -rx * lnAge[ia]!;
    if (dropTerm[k] === -Infinity) {
      sum += w * (base[k]! + u);
      if (grad) {
        dR -= w * lnAge[ia]!;
        dAlpha -= w * rx * invAge[ia]!;
      }
      continue;
    }
    const ir = g.recencyOf[q]!;
    const v = dropTerm[k]! - rx * lnRecency[ir]!;
    const e = Math.exp(-Math.abs(u - v));
    sum += w * (base[k]! + Math.max(u, v) + Math.log1p(e));
    if (grad) {
      const pu = u >= v ? 1 / (1 + e) : e / (1 + e);
      const pv = 1 - pu;
      dR -= w * (pu * lnAge[ia]! + pv * lnRecency[ir]!);
      dAlpha -= w * rx * (pu * invAge[ia]! + pv * invRecency[ir]!);
      alivePart[k]! += w * pv;
    }
  }
  if (grad) {
    let dA = 0;
    let dB = 0;
    for (let k = 0; k < nx; k++) {
      const x = g.xs[k]!;
      const w = g.weightOfX[k]!;
      dR += w * (Math.log(alpha) + psiR[k]!);
      dAlpha += (w * r) / alpha;
      dA += -w * psiAB[k]! + alivePart[k]! / a;
      dB += w * (psiB[k]! - psiAB[k]!) - (x > 0 ? alivePart[k]! / (b + x - 1) : 0);
    }
    grad[0] = r * dR;
    grad[1] = alpha * dAlpha;
    grad[2] = a * dA;
    grad[3] = b * dB;
  }
  return sum;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  evaluations: number;
  converged: boolean;
}

export interface FitOptions {
  start?: BgNbdParams;
  /** 'bfgs' (default; with an analytic gradient, falls back to Nelder–Mead if it fails). */
  method?: 'bfgs' | 'nelder-mead';
  optimizer?: MinimizeOptions;
}

const FALLBACK_EVALUATIONS = 1000;

const toParams = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]!),
  alpha: Math.exp(v[1]!),
  a: Math.exp(v[2]!),
  b: Math.exp(v[3]!),
});

export function fitBgNbd(g: Aggregated, options: FitOptions = {}): BgNbdFit {
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const x0 = [start.r, start.alpha, start.a, start.b].map(Math.log);
  const negative = (v: readonly number[]) => -logLikelihood(toParams(v), g);
  let best =
    options.method === 'nelder-mead'
      ? nelderMead(negative, x0, options.optimizer)
      : bfgs((v, grad) => {
          const value = -logLikelihood(toParams(v), g, grad);
          for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
          return value;
        }, x0);
  if (!best.converged && options.method !== 'nelder-mead') {
    // A derivative-free second opinion where the gradient method stalled, on a budget: data
    // that fit no proper optimum (a ridge to infinity) would keep it walking.
    const fallback = nelderMead(negative, best.x, {
      maxEvaluations: FALLBACK_EVALUATIONS,
      ...options.optimizer,
    });
    best = {
      ...(fallback.value <= best.value ? fallback : best),
      evaluations: best.evaluations + fallback.evaluations,
      converged: fallback.converged,
    };
  }
  return {
    params: toParams(best.x),
    logLikelihood: -best.value,
    evaluations: best.evaluations,
    converged: best.converged,
  };
}
