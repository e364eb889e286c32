/**
 * Revenue and retention by acquisition channel (or any other per-client key): the clients who
 * bought in the window, the channel's share of the window's revenue (its clients' purchases minus
 * returns there, so the channels add up to the revenue card), and retention over the window.
 */
import { ratio, toGrouping, type GroupInput, type Grouping } from './groups';
import {
  countPeriod,
  DEFAULT_ACTIVE_WINDOW_DAYS,
  toPeriod,
  type RetentionOptions,
  type RetentionPeriod,
} from './retention';
import type { SalesData } from './sales-data';
import type { WindowSums } from './window-sums';

export interface ChannelRow {
  key: string | null;
  buyers: number;
  revenue: number;
  /** Share of the window's revenue; null when that is zero. */
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
  const w = options.activeWindowDays ?? DEFAULT_ACTIVE_WINDOW_DAYS;
  const counts = countPeriod(data, sums.window, w, grouping.of, grouping.keys.length);
  return channelRows(sums, grouping, counts);
}

/** {@link byChannel} from the window's sums and each channel's retention counts. */
export function channelRows(
  sums: WindowSums,
  grouping: Grouping,
  counts: Float64Array,
): ChannelRow[] {
  const buyers = new Float64Array(grouping.keys.length);
  const revenue = new Float64Array(grouping.keys.length);
  for (let c = 0; c < sums.purchaseDays.length; c++) {
    const g = grouping.of[c]!;
    if (sums.purchaseDays[c]! > 0) buyers[g]!++;
    revenue[g]! += sums.revenue[c]!;
  }
  const total = sums.totalRevenue;
  return grouping.keys.map((key, g) => ({
    key,
    buyers: buyers[g]!,
    revenue: revenue[g]!,
    revenueShare: ratio(revenue[g]!, total),
    retention: toPeriod(sums.window, counts, g),
  }));
}
