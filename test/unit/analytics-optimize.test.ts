import { describe, expect, it } from 'vitest';
import { bfgs } from '../../electron/analytics/bfgs';
import { nelderMead } from '../../electron/analytics/nelder-mead';

// Rosenbrock's banana valley: minimum 0 at (1, 1), a classic trap for naive descent.
const rosenbrock = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('analytics optimisers', () => {
  it('Nelder–Mead finds the bottom of the valley', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('BFGS finds it with the gradient in fewer evaluations', () => {
    const r = bfgs(
      (x, grad) => {
        grad[0] = -400 * x[0]! * (x[1]! - x[0]! ** 2) - 2 * (1 - x[0]!);
        grad[1] = 200 * (x[1]! - x[0]! ** 2);
        return rosenbrock(x);
      },
      [-1.2, 1],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.evaluations).toBeLessThan(nelderMead(rosenbrock, [-1.2, 1]).evaluations);
  });

  it('treats a non-finite value as infinitely bad', () => {
    const r = nelderMead((x) => (x[0]! < 0 ? NaN : (x[0]! - 2) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(2, 6);
  });
});
