/**
 * Pareto: the share of a window's revenue that comes from its top clients (20 % by default): of
 * the n clients with purchase days in the window, the first ceil(0.2 · n) by revenue (ties by
 * client id) against the window's revenue ({@link WindowSums.totalRevenue}: returns by clients
 * who bought nothing in the window included, as on every other card).
 */
import { rankByRevenue } from './abc';
import type { WindowSums } from './window-sums';

export interface ParetoResult {
  clients: number;
  topClients: number;
  topRevenue: number;
  totalRevenue: number;
  /** topRevenue ÷ totalRevenue; null when the total is not positive. */
  share: number | null;
}

export function pareto(sums: WindowSums, topShare = 0.2): ParetoResult {
  return paretoFromRanking(sums, rankByRevenue(sums), topShare);
}

/** {@link pareto} from the window's buyers already ranked by {@link rankByRevenue}. */
export function paretoFromRanking(
  sums: WindowSums,
  ranking: Int32Array,
  topShare = 0.2,
): ParetoResult {
  // 0.2 × 15 is 3.0000000000000004 in floating point: trim the noise before rounding up.
  const top = Math.ceil(topShare * ranking.length - 1e-9);
  let topRevenue = 0;
  for (let i = 0; i < top; i++) topRevenue += sums.revenue[ranking[i]!]!;
  const totalRevenue = sums.totalRevenue;
  return {
    clients: ranking.length,
    topClients: top,
    topRevenue,
    totalRevenue,
    share: totalRevenue > 0 ? topRevenue / totalRevenue : null,
  };
}
