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

export function repeatFunnel(
  data: SalesData,
  asOf: Day,
  options: { steps?: number[]; from?: Day } = {},
): FunnelResult {
  const steps = options.steps ?? [2, 3, 4];
  const from = options.from ?? -Infinity;
  const rows = new Map<number, FunnelRow>();
  const total: FunnelRow = { month: 'all', clients: 0, reached: steps.map(() => 0), shares: [] };
  for (let c = 0; c < data.clientIds.length; c++) {
    const s = data.start[c]!;
    const e = upperBound(data.day, s, data.start[c + 1]!, asOf);
    if (e === s || data.day[s]! < from) continue;
    const month = monthOfDay(data.day[s]!);
    let row = rows.get(month);
    if (!row) {
      row = {
        month: periodLabel(month, 'month'),
        clients: 0,
        reached: steps.map(() => 0),
        shares: [],
      };
      rows.set(month, row);
    }
    row.clients++;
    total.clients++;
    steps.forEach((step, k) => {
      if (e - s >= step) {
        row.reached[k]!++;
        total.reached[k]!++;
      }
    });
  }
  const withShares = (r: FunnelRow): FunnelRow => ({
    ...r,
    shares: r.reached.map((v) => (r.clients === 0 ? null : v / r.clients)),
  });
  const months = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => withShares(r));
  return { steps, months, total: withShares(total) };
}
