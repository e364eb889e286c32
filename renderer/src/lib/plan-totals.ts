/**
 * The "all categories" (or "all clients") total of plan report rows, like with like: plan,
 * potential and actual summed only over the rows that have a plan or a potential, with the ratios
 * taken from the same sums the report's rows use. Shared by the card's Plan tab and Growth points.
 */
import type { PlanReportRow } from '../../../electron/api/contract';

export interface PlanTotals {
  plan: number;
  potential: number;
  actual: number;
  headroom: number;
  upSale: number;
  crossSale: number;
  fulfilment: number | null;
  penetration: number | null;
  /** Rows summed (those with a plan or a potential), and all the rows. */
  counted: number;
  rows: number;
  /** Sales left out of `actual`: in rows or categories without a plan or a potential. */
  outside: number;
}

/** True when a report row has a plan or a potential to compare its sales with. */
export function hasTarget(row: PlanReportRow): boolean {
  return row.targets > 0;
}

export function planTotals(rows: readonly PlanReportRow[]): PlanTotals {
  let planActual = 0;
  let potentialActual = 0;
  let actualAll = 0;
  const t: PlanTotals = {
    plan: 0,
    potential: 0,
    actual: 0,
    headroom: 0,
    upSale: 0,
    crossSale: 0,
    fulfilment: null,
    penetration: null,
    counted: 0,
    rows: rows.length,
    outside: 0,
  };
  for (const r of rows) {
    actualAll += r.actualAll;
    if (!hasTarget(r)) continue;
    t.counted += 1;
    t.plan += r.plan;
    t.potential += r.potential;
    t.actual += r.actual;
    t.headroom += r.headroom;
    t.upSale += r.upSale;
    t.crossSale += r.crossSale;
    planActual += r.planActual;
    potentialActual += r.potentialActual;
  }
  t.fulfilment = t.plan > 0 ? planActual / t.plan : null;
  t.penetration = t.potential > 0 ? potentialActual / t.potential : null;
  t.outside = actualAll - t.actual;
  return t;
}
