/**
 * LTV the way owners compute it, over a window [from, to], for the clients who bought in it:
 *   S = average check = net revenue ÷ purchase days,
 *   C = purchases per client per month = purchase days ÷ clients ÷ months in the window
 *       (calendar months from the month of `from` to the month of `to`, inclusive),
 *   P = margin share = known margin ÷ the revenue of the sales whose margin is known
 *       (`defaultMarginShare` when no margin is known),
 *   t = average lifetime in months: for each client, the months from its first purchase ever to
 *       its last purchase on or before `to`, inclusive (the whole history, as the window would
 *       cap it), averaged;
 *   LTV = S × C × P × t.
 */
import { monthOfDay, periodWindows, type DayWindow } from './days';
import { ratio, toGrouping, type GroupInput } from './groups';
import { lowerBound, upperBound, type SalesData } from './sales-data';
import { windowSums, type WindowSums } from './window-sums';

export interface LtvOptions {
  /** P when no sale in the window has a known margin (1: LTV in revenue). */
  defaultMarginShare?: number;
}

export interface LtvParts {
  clients: number;
  purchaseDays: number;
  revenue: number;
  /** S, C, t and the LTV are null when nobody bought in the window. */
  averageCheck: number | null;
  purchasesPerMonth: number | null;
  marginShare: number;
  /** False when P is the default because no margin was known. */
  marginKnown: boolean;
  lifetimeMonths: number | null;
  ltv: number | null;
}

const FIELDS = 6; // clients, purchase days, revenue, margin, margin revenue, lifetime months

export const LTV_FIELDS = FIELDS;

/**
 * Adds `sign` × client `c`'s part of the LTV sums to `acc` at `offset`: each client's part is
 * its own, so the live dashboard moves a changed client's part from its old sums to its new.
 */
export function addLtvPart(
  acc: Float64Array,
  offset: number,
  data: SalesData,
  sums: WindowSums,
  c: number,
  sign: number,
): void {
  const days = sums.purchaseDays[c]!;
  if (days === 0) return;
  const s = data.start[c]!;
  const last = data.day[upperBound(data.day, s, data.start[c + 1]!, sums.window.to) - 1]!;
  acc[offset]! += sign;
  acc[offset + 1]! += sign * days;
  acc[offset + 2]! += sign * sums.revenue[c]!;
  acc[offset + 3]! += sign * sums.margin[c]!;
  acc[offset + 4]! += sign * sums.marginRevenue[c]!;
  acc[offset + 5]! += sign * (monthOfDay(last) - monthOfDay(data.day[s]!) + 1);
}

export function ltvSums(
  data: SalesData,
  sums: WindowSums,
  groupOf: Int32Array | null,
  groups: number,
): Float64Array {
  const acc = new Float64Array(groups * FIELDS);
  for (let c = 0; c < sums.purchaseDays.length; c++) {
    addLtvPart(acc, groupOf ? groupOf[c]! * FIELDS : 0, data, sums, c, 1);
  }
  return acc;
}

/** The LTV of one group's sums (group `g` of `acc`). */
export function ltvOfSums(
  acc: Float64Array,
  g: number,
  window: DayWindow,
  options: LtvOptions = {},
): LtvParts {
  return parts(acc, g, monthsIn(window), options);
}

/** The rows of {@link ltvByGroup} from its sums (`keys` in the grouping's order). */
export function ltvRows(
  acc: Float64Array,
  keys: readonly (string | null)[],
  window: DayWindow,
  options: LtvOptions = {},
): (LtvParts & { key: string | null })[] {
  const months = monthsIn(window);
  return keys
    .map((key, g) => ({ key, ...parts(acc, g, months, options) }))
    .filter((p) => p.clients > 0);
}

function parts(acc: Float64Array, g: number, months: number, options: LtvOptions): LtvParts {
  const o = g * FIELDS;
  const clients = acc[o]!;
  const purchaseDays = acc[o + 1]!;
  const revenue = acc[o + 2]!;
  const marginRevenue = acc[o + 4]!;
  const marginKnown = marginRevenue !== 0;
  const marginShare = marginKnown ? acc[o + 3]! / marginRevenue : (options.defaultMarginShare ?? 1);
  const averageCheck = ratio(revenue, purchaseDays);
  const perClient = ratio(purchaseDays, clients);
  const purchasesPerMonth = perClient === null ? null : perClient / months;
  const lifetimeMonths = ratio(acc[o + 5]!, clients);
  const ltv =
    averageCheck === null || purchasesPerMonth === null || lifetimeMonths === null
      ? null
      : averageCheck * purchasesPerMonth * marginShare * lifetimeMonths;
  return {
    clients,
    purchaseDays,
    revenue,
    averageCheck,
    purchasesPerMonth,
    marginShare,
    marginKnown,
    lifetimeMonths,
    ltv,
  };
}

const monthsIn = (w: DayWindow) => monthOfDay(w.to) - monthOfDay(w.from) + 1;

/** LTV of the whole base from precomputed window sums. */
export function ltvFromSums(data: SalesData, sums: WindowSums, options: LtvOptions = {}): LtvParts {
  return parts(ltvSums(data, sums, null, 1), 0, monthsIn(sums.window), options);
}

export function ltv(data: SalesData, window: DayWindow, options: LtvOptions = {}): LtvParts {
  return ltvFromSums(data, windowSums(data, window), options);
}

/** LTV per group: `keys` holds each client's group (manager, channel, RFM segment, …). */
export function ltvByGroup(
  data: SalesData,
  sums: WindowSums,
  keys: GroupInput,
  options: LtvOptions = {},
): (LtvParts & { key: string | null })[] {
  const grouping = toGrouping(keys, data.clientIds.length);
  const acc = ltvSums(data, sums, grouping.of, grouping.keys.length);
  return ltvRows(acc, grouping.keys, sums.window, options);
}

/**
 * LTV of each month or quarter overlapping `range` (periods clipped to it), oldest first: the
 * same figures as {@link ltv} on each period, in one pass over the purchase days.
 */
export function ltvSeries(
  data: SalesData,
  range: DayWindow,
  period: 'month' | 'quarter',
  options: LtvOptions = {},
): (LtvParts & { label: string; from: number; to: number })[] {
  return ltvSeriesFromCounts(ltvSeriesCounts(data, range, period), options);
}

/** The sums behind {@link ltvSeries}: per period, sums over clients (see `retentionCounts`). */
export interface LtvSeriesCounts {
  windows: (DayWindow & { label: string })[];
  acc: Float64Array;
}

export function ltvSeriesCounts(
  data: SalesData,
  range: DayWindow,
  period: 'month' | 'quarter',
): LtvSeriesCounts {
  const windows = periodWindows(range, period);
  const acc = new Float64Array(windows.length * FIELDS);
  const { day } = data;
  for (let c = 0; c < data.clientIds.length; c++) {
    const s = data.start[c]!;
    const end = data.start[c + 1]!;
    let i = lowerBound(day, s, end, range.from);
    const e = upperBound(day, i, end, range.to);
    if (i === e) continue;
    const firstMonth = monthOfDay(day[s]!);
    let p = 0;
    while (i < e) {
      while (day[i]! > windows[p]!.to) p++;
      const o = p * FIELDS;
      acc[o]!++;
      for (; i < e && day[i]! <= windows[p]!.to; i++) {
        acc[o + 1]!++;
        acc[o + 2]! += data.revenue[i]!;
        acc[o + 3]! += data.margin[i]!;
        acc[o + 4]! += data.marginRevenue[i]!;
      }
      // The period's last purchase is the client's last on or before the period's end.
      acc[o + 5]! += monthOfDay(day[i - 1]!) - firstMonth + 1;
    }
    for (let j = data.adjStart[c]!; j < data.adjStart[c + 1]!; j++) {
      const d = data.adjDay[j]!;
      if (d < range.from || d > range.to) continue;
      const q = windows.findIndex((w) => d <= w.to);
      const k = lowerBound(day, s, end, windows[q]!.from);
      // A return counts in a period only for a client who bought in it, as in ltv().
      if (k === end || day[k]! > windows[q]!.to) continue;
      acc[q * FIELDS + 2]! += data.adjRevenue[j]!;
      acc[q * FIELDS + 3]! += data.adjMargin[j]!;
      acc[q * FIELDS + 4]! += data.adjMarginRevenue[j]!;
    }
  }
  return { windows, acc };
}

export function ltvSeriesFromCounts(
  { windows, acc }: LtvSeriesCounts,
  options: LtvOptions = {},
): (LtvParts & { label: string; from: number; to: number })[] {
  return windows.map((w, q) => ({
    label: w.label,
    from: w.from,
    to: w.to,
    ...parts(acc, q, monthsIn(w), options),
  }));
}
