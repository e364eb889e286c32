/**
 * Customer lifetime value by BG/NBD: the model fitted on the workbook's own history up to a
 * calibration date, then, per client, the probability it is still a customer and its expected
 * purchases in the coming weeks.
 */
import { aggregate, bgNbdSummary, type BgNbdParams } from './bg-nbd';
import { fitBgNbd, logLikelihood, type FitOptions } from './bg-nbd-fit';
import { expectedPurchases, pAlive } from './bg-nbd-predict';
import { isoFromDay, type Day } from './days';
import type { SalesData } from './sales-data';

export interface ClvOptions {
  /** Weeks ahead for the expected purchases (52). */
  horizonWeeks?: number;
  /** The optimiser; `fit.start` may be the previous refresh's parameters (fewer steps). */
  fit?: FitOptions;
  /**
   * Parameters fitted before, used as they are (no optimisation): after a new sale the optimum
   * of 50,000 clients has not moved, and the predictions are what must be current.
   */
  params?: BgNbdParams;
}

export interface ClvClient {
  clientId: string;
  /** Repeat purchase days, weeks from the first to the last purchase, weeks since the first. */
  x: number;
  recencyWeeks: number;
  ageWeeks: number;
  pAlive: number;
  expectedPurchases: number;
}

export interface ClvResult {
  /** ISO date of the calibration end. */
  calibrationEnd: string;
  horizonWeeks: number;
  /** NaN parameters when nobody had bought by the calibration end. */
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
  clients: ClvClient[];
  /** The same per client index of the data (NaN for clients first buying later). */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
}

export const DEFAULT_HORIZON_WEEKS = 52;
const WEEK = 7;

export function clv(data: SalesData, calibrationEnd: Day, options: ClvOptions = {}): ClvResult {
  const horizonWeeks = options.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  const summary = bgNbdSummary(data, calibrationEnd);
  const g = aggregate(summary, WEEK);
  const n = data.clientIds.length;
  const aliveOf = new Float64Array(n).fill(NaN);
  const expectedOf = new Float64Array(n).fill(NaN);
  const base = { calibrationEnd: isoFromDay(calibrationEnd), horizonWeeks };
  if (summary.x.length === 0) {
    const params = { r: NaN, alpha: NaN, a: NaN, b: NaN };
    const empty = { params, logLikelihood: NaN, converged: false, evaluations: 0, clients: [] };
    return { ...base, ...empty, pAlive: aliveOf, expectedPurchases: expectedOf };
  }
  const fit = options.params
    ? {
        params: options.params,
        logLikelihood: logLikelihood(options.params, g),
        evaluations: 1,
        converged: true,
      }
    : fitBgNbd(g, options.fit);
  // One evaluation per distinct (x, t_x, T), shared by the clients in it.
  const groups = g.weight.length;
  const groupAlive = new Float64Array(groups);
  const groupExpected = new Float64Array(groups);
  for (let q = 0; q < groups; q++) {
    const x = g.xs[g.xOf[q]!]!;
    const recency = g.recencies[g.recencyOf[q]!]!;
    const age = g.ages[g.ageOf[q]!]!;
    groupAlive[q] = pAlive(fit.params, x, recency, age);
    groupExpected[q] = expectedPurchases(fit.params, horizonWeeks, x, recency, age);
  }
  const clients: ClvClient[] = [];
  for (let i = 0; i < summary.client.length; i++) {
    const c = summary.client[i]!;
    const q = g.of[i]!;
    aliveOf[c] = groupAlive[q]!;
    expectedOf[c] = groupExpected[q]!;
    clients.push({
      clientId: data.clientIds[c]!,
      x: summary.x[i]!,
      recencyWeeks: summary.recencyDays[i]! / WEEK,
      ageWeeks: summary.ageDays[i]! / WEEK,
      pAlive: groupAlive[q]!,
      expectedPurchases: groupExpected[q]!,
    });
  }
  return { ...base, ...fit, clients, pAlive: aliveOf, expectedPurchases: expectedOf };
}
