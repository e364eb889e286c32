import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate, bgNbdSummary } from '../../electron/analytics/bg-nbd';
import { fitBgNbd, logLikelihood } from '../../electron/analytics/bg-nbd-fit';
import {
  expectedPurchases,
  integratedWhileAlive,
  pAlive,
} from '../../electron/analytics/bg-nbd-predict';
import { clv } from '../../electron/analytics/clv';
import { dayFromIso } from '../../electron/analytics/days';
import { salesDataFromRows } from '../../electron/analytics/sales-data';
import { hyp2f1, lgamma } from '../../electron/analytics/special-functions';
import { readCdnow } from '../../bench/cdnow';

/** CDNOW sample lines read as sales (its time to fit is measured by `npm run bench`). */
const cdnow = () => readCdnow(path.resolve(__dirname, '../..'));

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const sig3 = (v: number) => Number(v.toPrecision(3));
const round3 = (v: number) => Math.round(v * 1000) / 1000;

describe('analytics special functions', () => {
  it('computes ln Γ to 1e-12 (reference values from Python math.lgamma and known closed forms)', () => {
    const cases: [number, number][] = [
      [0.5, 0.5 * Math.log(Math.PI)],
      [1, 0],
      [2, 0],
      [3, Math.LN2],
      [1.5, -0.12078223763524522],
      [10, Math.log(362880)],
      [100, 359.1342053695754],
      [1000, 5905.220423209181],
      [0.1, 2.252712651734206],
      [1e-5, 11.512919692895824],
      [-0.5, Math.log(2 * Math.sqrt(Math.PI))],
      [-1.5, 0.860047015376481],
    ];
    for (const [x, v] of cases)
      expect(Math.abs(lgamma(x) - v), String(x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(v)));
  });

  it('computes ₂F₁ by series, by Pfaff for z < 0 and by the 1 − z formula near 1 (mpmath values)', () => {
    const close = (got: number, want: number, tol: number) =>
      expect(Math.abs(got / want - 1), `${got} vs ${want}`).toBeLessThan(tol);
    close(hyp2f1(2.2, 0.7, 3.1, 0.5), 1.3819909060775237, 1e-14);
    close(hyp2f1(2.2, 0.7, 3.1, 0.95), 3.0011386338597226, 1e-12);
    close(hyp2f1(2.2, 0.7, 3.1, 0.9999), 6.183991979993253, 1e-12);
    close(hyp2f1(0.3, 0.4, 0.9, -3), 0.812892639369031, 1e-13);
    // c − a − b an integer (0 and 2): summed directly up to z = 0.995, beyond by the degenerate
    // connection formula, extrapolated.
    close(hyp2f1(1.5, 2.5, 4, 0.97), 9.784734861085157, 1e-13);
    close(hyp2f1(1.5, 2.5, 6, 0.97), 2.8350036394366622, 1e-13);
    close(hyp2f1(1.5, 2.5, 4, 0.999), 25.648290580560705, 1e-9);
    close(hyp2f1(1.5, 2.5, 6, 0.999), 3.0928822132320968, 1e-9);
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z and ₂F₁(½, ½; 3/2; z²) = arcsin z / z.
    for (const z of [0.3, 0.9, 0.95, 0.999, 0.999999]) {
      close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-9);
      close(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(Math.sqrt(z)) / Math.sqrt(z), 1e-12);
    }
  });
});

describe('analytics BG/NBD', () => {
  it('reproduces Fader, Hardie & Lee (2005) on the CDNOW sample', () => {
    const data = cdnow();
    expect(data.clientIds).toHaveLength(2357);
    // Calibration 1997-01-01 … 1997-09-30; T counted to 30 September (a first purchase on
    // 1 January has T = 272 / 7 = 38.86 weeks). Counting to 1 October instead gives LL −9602.9.
    const summary = bgNbdSummary(data, dayFromIso('1997-09-30'));
    expect(summary.x).toHaveLength(2357);
    const fit = fitBgNbd(aggregate(summary));
    expect(fit.converged).toBe(true);
    // To the paper's printed digits (r 0.2426, α 4.4136, a 0.7929, b 2.4259), so to three
    // significant digits too.
    const { r, alpha, a, b } = fit.params;
    expect({ r: round3(r), alpha: round3(alpha), a: round3(a), b: round3(b) }).toEqual(PAPER);
    expect([sig3(r), sig3(alpha), sig3(a), sig3(b)]).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.1);
    // Nelder–Mead lands on the same optimum.
    const nm = fitBgNbd(aggregate(summary), { method: 'nelder-mead' });
    expect(Math.abs(nm.logLikelihood - fit.logLikelihood)).toBeLessThan(1e-6);
    expect(nm.params.r).toBeCloseTo(fit.params.r, 4);
    expect(nm.params.b).toBeCloseTo(fit.params.b, 3);
  });

  it('has a gradient that matches central differences', () => {
    const g = aggregate(bgNbdSummary(cdnow(), dayFromIso('1997-09-30')));
    const p = { r: 0.3, alpha: 4, a: 0.7, b: 2.1 };
    const grad = [0, 0, 0, 0];
    logLikelihood(p, g, grad);
    (['r', 'alpha', 'a', 'b'] as const).forEach((k, i) => {
      const h = 1e-6;
      const at = (s: number) => logLikelihood({ ...p, [k]: p[k] * Math.exp(s) }, g);
      expect(grad[i]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 3);
    });
  });

  it('predicts P(alive) and expected purchases like the paper (x = 2, t_x = 30.43, T = 38.86)', () => {
    // FHL (2005): this customer is expected to make 1.226 purchases in the next 39 weeks.
    expect(expectedPurchases(PAPER, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    // P(alive) = 1 / (1 + a / (b + 1) · ((α + T) / (α + t_x))^(r + 2)) = 0.7266.
    const odds = (0.793 / 3.426) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 2.243);
    expect(pAlive(PAPER, 2, 30.43, 38.86)).toBeCloseTo(1 / (1 + odds), 12);
    expect(pAlive(PAPER, 0, 0, 38.86)).toBe(1);
    // The series and the integral over p agree, for ordinary and for huge a and b.
    for (const p of [
      PAPER,
      { r: 0.8, alpha: 0.8, a: 6e9, b: 1.1e11 },
      { r: 2, alpha: 0.5, a: 3, b: 40 },
    ]) {
      for (const [x, tx, T] of [
        [0, 0, 10],
        [3, 20, 30],
        [40, 99, 100],
        [1, 0.5, 0.6],
      ] as const) {
        const closed = expectedPurchases(p, 52, x, tx, T);
        const integrated = integratedWhileAlive(p, 52, x, T) * pAlive(p, x, tx, T);
        expect(Math.abs(closed / integrated - 1), JSON.stringify([p, x])).toBeLessThan(1e-8);
      }
    }
  });

  it('gives each client P(alive) and expected purchases, leaving out later first buyers', () => {
    const data = salesDataFromRows([
      { clientId: 'a', date: '2024-01-01', amount: 10 },
      { clientId: 'a', date: '2024-01-15', amount: 10 },
      { clientId: 'a', date: '2024-03-01', amount: 10 },
      { clientId: 'b', date: '2024-01-08', amount: 10 },
      { clientId: 'c', date: '2024-02-05', amount: 10 },
      { clientId: 'c', date: '2024-02-19', amount: 10 },
      { clientId: 'd', date: '2024-07-01', amount: 10 },
    ]);
    const result = clv(data, dayFromIso('2024-06-30'), { horizonWeeks: 26 });
    // a: x = 2, t_x = 60 / 7, T = 181 / 7 weeks; b: x = 0, T = 174 / 7; d first buys after the end.
    expect(result.clients.map((c) => [c.clientId, c.x, c.recencyWeeks, c.ageWeeks])).toEqual([
      ['a', 2, 60 / 7, 181 / 7],
      ['b', 0, 0, 174 / 7],
      ['c', 1, 2, 146 / 7],
    ]);
    expect(result.clients[1]!.pAlive).toBe(1);
    expect(result.pAlive[3]).toBeNaN();
    const a = result.clients[0]!;
    expect(a.expectedPurchases).toBeCloseTo(
      expectedPurchases(result.params, 26, 2, 60 / 7, 181 / 7),
      12,
    );
    expect(result.logLikelihood).toBeCloseTo(
      logLikelihood(result.params, aggregate(bgNbdSummary(data, dayFromIso('2024-06-30')))),
      9,
    );
    // One client's two purchases have no proper optimum (the likelihood climbs a ridge to
    // infinity): the fit stops on its budget and says so.
    const lone = clv(
      salesDataFromRows([
        { clientId: 'a', date: '2024-01-01', amount: 10 },
        { clientId: 'a', date: '2024-02-01', amount: 10 },
      ]),
      dayFromIso('2024-12-31'),
    );
    expect(lone.converged).toBe(false);
    expect(lone.evaluations).toBeLessThan(2010); // 1000 for BFGS, 1000 (and a last step) for Nelder–Mead
    const none = clv(salesDataFromRows([]), dayFromIso('2024-06-30'));
    expect(none.clients).toEqual([]);
    expect(none.params.r).toBeNaN();
  });
});
