/**
 * BFGS minimisation with a backtracking (Armijo) line search, for small smooth problems whose
 * gradient is known: a few dozen evaluations where Nelder–Mead needs hundreds, which matters
 * when one evaluation walks tens of thousands of clients.
 */
import type { MinimizeResult } from './nelder-mead';

/** Returns f(x) and writes ∇f(x) into `grad`. */
export type ValueAndGradient = (x: readonly number[], grad: number[]) => number;

export interface BfgsOptions {
  maxIterations?: number;
  /** Converged when an iteration lowers f by less than this × (1 + |f|) (1e-12) … */
  valueTolerance?: number;
  /** … and every gradient component is below this × (1 + |f|) (1e-7). */
  gradientTolerance?: number;
  /** Longest step in any coordinate (keeps log-parameters from overflowing) (5). */
  maxStep?: number;
  /** Budget of function evaluations, line searches included (1000). */
  maxEvaluations?: number;
}

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, x, i) => s + x * v[i]!, 0);

export function bfgs(
  fg: ValueAndGradient,
  x0: readonly number[],
  options: BfgsOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const fTol = options.valueTolerance ?? 1e-12;
  const gTol = options.gradientTolerance ?? 1e-7;
  const maxStep = options.maxStep ?? 5;
  const budget = options.maxEvaluations ?? 1000;
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let f = fg(x, g);
  let evaluations = 1;
  // Inverse Hessian approximation, row-major.
  let h = identity(n);
  let converged = false;
  for (let iter = 0; iter < maxIterations && evaluations < budget && Number.isFinite(f); iter++) {
    let d = h.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (H lost positive definiteness): restart from steepest descent.
      h = identity(n);
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    const longest = Math.max(...d.map(Math.abs));
    let t = longest > maxStep ? maxStep / longest : 1;
    let xNew = x;
    const gNew = new Array<number>(n).fill(0);
    let fNew = Infinity;
    for (let k = 0; k < 40 && evaluations < budget; k++) {
      xNew = x.map((v, i) => v + t * d[i]!);
      fNew = fg(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(Number.isFinite(fNew) && fNew <= f)) {
      // No decrease along d: at the optimum up to rounding, or stuck.
      converged = Math.max(...g.map(Math.abs)) <= gTol * (1 + Math.abs(f));
      break;
    }
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    const decrease = f - fNew;
    x = xNew;
    g = gNew;
    f = fNew;
    if (
      decrease <= fTol * (1 + Math.abs(f)) &&
      Math.max(...g.map(Math.abs)) <= gTol * (1 + Math.abs(f))
    ) {
      converged = true;
      break;
    }
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iter === 0) h = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      h = update(h, s, y, sy);
    }
  }
  return { x, value: f, evaluations, converged };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy. */
function update(h: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy;
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  return h.map((row, i) =>
    row.map(
      (v, j) =>
        v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!,
    ),
  );
}
