/**
 * Nelder–Mead minimisation with restarts: derivative-free, so it copes with a likelihood whose
 * gradient would be tedious and fragile; a restart from the best point rebuilds a collapsed
 * simplex and confirms the optimum.
 */

export interface MinimizeOptions {
  /** Initial simplex edge along each axis (0.5). */
  step?: number;
  /** Stop when the simplex's values differ by less than this times (1 + |best|) (1e-12) … */
  valueTolerance?: number;
  /** … and its points by less than this in every coordinate (1e-8). */
  pointTolerance?: number;
  maxEvaluations?: number;
  /** Further runs from the best point until one no longer improves it (up to 10). */
  maxRestarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

type Fn = (x: readonly number[]) => number;

function run(f: Fn, x0: readonly number[], o: Required<MinimizeOptions>, budget: number) {
  const n = x0.length;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + o.step;
    points.push(p);
  }
  const values = points.map(safe);
  let evaluations = n + 1;
  const along = (from: number[], to: number[], t: number) =>
    from.map((v, i) => v + t * (to[i]! - v));
  let converged = false;
  while (evaluations < budget) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sorted = order.map((i) => points[i]!);
    const sortedValues = order.map((i) => values[i]!);
    points.splice(0, n + 1, ...sorted);
    values.splice(0, n + 1, ...sortedValues);
    const best = points[0]!;
    const spread = Math.max(
      ...points.map((p) => Math.max(...p.map((v, i) => Math.abs(v - best[i]!)))),
    );
    const flat = values[n]! - values[0]! <= o.valueTolerance * (1 + Math.abs(values[0]!));
    if (flat && spread <= o.pointTolerance) {
      converged = true;
      break;
    }
    const centroid = best.map((_, i) => points.slice(0, n).reduce((s, p) => s + p[i]!, 0) / n);
    const worst = points[n]!;
    const reflected = along(centroid, worst, -1);
    const fr = safe(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = along(centroid, worst, -2);
      const fe = safe(expanded);
      evaluations++;
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      // Contract towards the better of the worst point and its reflection.
      const outside = fr < values[n]!;
      const contracted = along(centroid, outside ? reflected : worst, 0.5);
      const fc = safe(contracted);
      evaluations++;
      if (fc < (outside ? fr : values[n]!)) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          points[i] = along(best, points[i]!, 0.5);
          values[i] = safe(points[i]!);
        }
        evaluations += n;
      }
    }
  }
  let k = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[k]!) k = i;
  return { x: points[k]!, value: values[k]!, evaluations, converged };
}

export function nelderMead(
  f: Fn,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const o: Required<MinimizeOptions> = {
    step: options.step ?? 0.5,
    valueTolerance: options.valueTolerance ?? 1e-12,
    pointTolerance: options.pointTolerance ?? 1e-8,
    maxEvaluations: options.maxEvaluations ?? 20_000,
    maxRestarts: options.maxRestarts ?? 10,
  };
  let result = run(f, x0, o, o.maxEvaluations);
  let evaluations = result.evaluations;
  for (let i = 0; i < o.maxRestarts && evaluations < o.maxEvaluations; i++) {
    const again = run(f, result.x, o, o.maxEvaluations - evaluations);
    evaluations += again.evaluations;
    const improved = again.value < result.value - o.valueTolerance * (1 + Math.abs(result.value));
    if (again.value <= result.value) result = again;
    if (!improved) break;
  }
  return { ...result, evaluations };
}
