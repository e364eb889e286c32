/**
 * The repeat-purchase funnel by acquisition month (the month of a client's first purchase): of
 * the clients acquired in a month, how many reached a 2nd, 3rd, 4th … purchase day by `asOf`.
 */
import { monthOfDay, periodLabel, type Day } from './days';
import { upperBound, type SalesData } from './sales-data';

export interface FunnelRow {
  /** `YYYY-MM`, or 'all' for the total row. */
  month: string;
  clients: number;
  /** reached[k]: clients with at least steps[k] purchase days; shares of `clients`. */
  reached: number[];
  shares: (number | null)[];
}

export interface FunnelResult {
  steps: number[];
  months: FunnelRow[];
  total: FunnelRow;
}

export const DEFAULT_STEPS: readonly number[] = [2, 3, 4];

export function repeatFunnel(
  data: SalesData,
  asOf: Day,
  options: { steps?: readonly number[]; from?: Day } = {},
): FunnelResult {
  const steps = options.steps ?? DEFAULT_STEPS;
  const sums: FunnelSums = new Map();
  for (let c = 0; c < data.clientIds.length; c++) {
    addFunnelPart(sums, data, c, asOf, steps, 1, options.from);
  }
  return funnelFromSums(sums, steps);
}

/** Per month of first purchase: clients, then those who reached each step. */
export type FunnelSums = Map<number, Float64Array>;

/** Adds `sign` × client `c`'s part (its own: the live dashboard moves it when it changes). */
export function addFunnelPart(
  sums: FunnelSums,
  data: SalesData,
  c: number,
  asOf: Day,
  steps: readonly number[],
  sign: number,
  from: Day = -Infinity,
): void {
  const s = data.start[c]!;
  const e = upperBound(data.day, s, data.start[c + 1]!, asOf);
  if (e === s || data.day[s]! < from) return;
  const month = monthOfDay(data.day[s]!);
  let row = sums.get(month);
  if (!row) sums.set(month, (row = new Float64Array(steps.length + 1)));
  row[0]! += sign;
  for (let k = 0; k < steps.length; k++) if (e - s >= steps[k]!) row[k + 1]! += sign;
}

export function funnelFromSums(sums: FunnelSums, steps: readonly number[]): FunnelResult {
  const total: FunnelRow = { month: 'all', clients: 0, reached: steps.map(() => 0), shares: [] };
  const withShares = (r: FunnelRow): FunnelRow => ({
    ...r,
    shares: r.reached.map((v) => (r.clients === 0 ? null : v / r.clients)),
  });
  const months: FunnelRow[] = [];
  for (const month of [...sums.keys()].sort((a, b) => a - b)) {
    const row = sums.get(month)!;
    // A month whose every client changed away has no row, as if counted afresh.
    if (row[0] === 0) continue;
    const reached = steps.map((_, k) => row[k + 1]!);
    total.clients += row[0]!;
    reached.forEach((v, k) => (total.reached[k]! += v));
    months.push(
      withShares({ month: periodLabel(month, 'month'), clients: row[0]!, reached, shares: [] }),
    );
  }
  return { steps: [...steps], months, total: withShares(total) };
}
