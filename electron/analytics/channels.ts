/**
 * Revenue and retention by acquisition channel (or any other per-client key): the clients who
 * bought in the window, their net revenue and its share, and retention over the window.
 */
import type { DayWindow } from './days';
import { ratio, toGrouping, type GroupInput } from './groups';
import { retentionByGroup, type RetentionOptions, type RetentionPeriod } from './retention';
import type { SalesData } from './sales-data';
import type { WindowSums } from './window-sums';

export interface ChannelRow {
  key: string | null;
  buyers: number;
  revenue: number;
  /** Share of the window's net revenue; null when that is zero. */
  revenueShare: number | null;
  retention: RetentionPeriod;
}

export function byChannel(
  data: SalesData,
  sums: WindowSums,
  keys: GroupInput,
  options: RetentionOptions = {},
): ChannelRow[] {
  const grouping = toGrouping(keys, data.clientIds.length);
  const buyers = new Float64Array(grouping.keys.length);
  const revenue = new Float64Array(grouping.keys.length);
  let total = 0;
  for (let c = 0; c < data.clientIds.length; c++) {
    if (sums.purchaseDays[c]! === 0) continue;
    const g = grouping.of[c]!;
    buyers[g]!++;
    revenue[g]! += sums.revenue[c]!;
    total += sums.revenue[c]!;
  }
  const window: DayWindow = sums.window;
  const retained = retentionByGroup(data, grouping, [window], options);
  return grouping.keys.map((key, g) => ({
    key,
    buyers: buyers[g]!,
    revenue: revenue[g]!,
    revenueShare: ratio(revenue[g]!, total),
    retention: retained[g]!.periods[0]!,
  }));
}
