/**
 * What the dashboard's figures are made from, kept so that after a change to a few clients
 * (a sale, an edit, an import of a few rows) every figure is brought up to date from those
 * clients alone, never by another pass over every sale:
 * - each client's own columns (window sums, XYZ, RFM values, due rhythm, BG/NBD predictions)
 *   are computed again for the changed clients only and written over their old values;
 * - sums over clients (retention counts, LTV series, revenue by month, the log-likelihood) get
 *   the changed clients' new part added and their old part taken away;
 * - rank orders (ABC, Pareto, RFM quintiles) take the changed clients out and put them back in
 *   place ({@link reRank}).
 * `refresh-all.ts` turns a state into the figures; a test compares a state kept this way
 * through random edits with one built afresh.
 */
import { aggregate, bgNbdSummary, type BgNbdParams } from './bg-nbd';
import { logLikelihood } from './bg-nbd-fit';
import { clv, type ClvOptions } from './clv';
import { addMonths, periodWindows, type Day, type DayWindow } from './days';
import { dueColumns, type DueColumns } from './due-to-buy';
import { ltvSeriesCounts, type LtvSeriesCounts } from './ltv';
import { monthSums, type MonthSums } from './month-sums';
import { selectClients } from './patch';
import { rankBy, reRank } from './ranked';
import { retentionCounts } from './retention';
import {
  buildGrouped,
  updateGrouped,
  type GroupedInput,
  type GroupedOptions,
  type GroupedState,
  type Moves,
} from './board-groups';
import type { GroupKeys } from './groups';
import { DEFAULT_STEPS } from './repeat-funnel';
import { DEFAULT_ACTIVE_WINDOW_DAYS } from './retention';
import type { RfmResult } from './rfm';
import {
  rfmColumns,
  rfmFromRanked,
  rfmOrders,
  type RfmColumns,
  type RfmOrders,
} from './rfm-ranked';
import { indexOfId, type SalesData } from './sales-data';
import { windowSums, type WindowSums } from './window-sums';
import { XYZ_CODES, xyz, type XyzOptions, type XyzResult } from './xyz';

export interface StateOptions {
  asOf: Day;
  windowMonths?: number;
  activeWindowDays?: number;
  seriesPeriod?: 'month' | 'quarter';
  xyz?: XyzOptions;
  /** false: no BG/NBD. After an update the parameters stay those of the state's fit. */
  clv?: ClvOptions | false;
  /** Per client (aligned with the data's clients): manager and acquisition channel. */
  managers?: GroupKeys;
  channels?: GroupKeys;
  funnelSteps?: number[];
}

export interface WindowState {
  window: DayWindow;
  sums: WindowSums;
  /** The window's buyers by revenue, descending, ties by index (`rankByRevenue`'s order). */
  buyers: Int32Array;
  xyz: XyzResult;
}

export interface ClvState {
  calibrationEnd: Day;
  horizonWeeks: number;
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
}

export interface BoardState {
  data: SalesData;
  current: WindowState;
  previous: WindowState;
  /** The current window, then the series' periods: four retention counts each. */
  periods: DayWindow[];
  retention: Float64Array;
  rfm: { columns: RfmColumns; orders: RfmOrders; result: RfmResult };
  grouped: GroupedState;
  ltvSeries: LtvSeriesCounts;
  months: MonthSums;
  due: DueColumns;
  clv: ClvState | null;
}

export function windowsOf(options: StateOptions): { current: DayWindow; previous: DayWindow } {
  const months = options.windowMonths ?? 12;
  const { asOf } = options;
  const current: DayWindow = { from: addMonths(asOf + 1, -months), to: asOf };
  return { current, previous: { from: addMonths(asOf + 1, -2 * months), to: current.from - 1 } };
}

const retentionOptions = (o: StateOptions) =>
  o.activeWindowDays === undefined ? {} : { activeWindowDays: o.activeWindowDays };

function buyersOf(sums: WindowSums): Int32Array {
  const list: number[] = [];
  for (let c = 0; c < sums.purchaseDays.length; c++) if (sums.purchaseDays[c]! > 0) list.push(c);
  return Int32Array.from(list);
}

function windowState(data: SalesData, window: DayWindow, options: StateOptions): WindowState {
  const sums = windowSums(data, window);
  return {
    window,
    sums,
    buyers: rankBy(buyersOf(sums), sums.revenue, true),
    xyz: xyz(data, window, options.xyz, sums),
  };
}

function clvState(data: SalesData, options: StateOptions): ClvState | null {
  if (options.clv === false) return null;
  const result = clv(data, options.asOf, options.clv ?? {});
  return {
    calibrationEnd: options.asOf,
    horizonWeeks: result.horizonWeeks,
    params: result.params,
    logLikelihood: result.logLikelihood,
    converged: result.converged,
    evaluations: result.evaluations,
    pAlive: result.pAlive,
    expectedPurchases: result.expectedPurchases,
  };
}

/** Every part computed from all the data, each timed for the benchmark. */
export function buildState(
  data: SalesData,
  options: StateOptions,
  timed: <T>(name: string, fn: () => T) => T = (_n, fn) => fn(),
): BoardState {
  const windows = windowsOf(options);
  const periods = [
    windows.current,
    ...periodWindows(windows.current, options.seriesPeriod ?? 'month'),
  ];
  const rfm = timed('rfm', () => {
    const columns = rfmColumns(data, options.asOf);
    const orders = rfmOrders(columns);
    return { columns, orders, result: rfmFromRanked(options.asOf, columns, orders) };
  });
  const current = timed('abcXyz', () => windowState(data, windows.current, options));
  return {
    data,
    current,
    grouped: timed('groups', () =>
      buildGrouped(groupedInput(data, current, rfm.result, options), groupedOptions(options)),
    ),
    previous: timed('abcXyzPrevious', () => windowState(data, windows.previous, options)),
    periods,
    retention: timed('retention', () => retentionCounts(data, periods, retentionOptions(options))),
    rfm,
    ltvSeries: timed('ltv', () =>
      ltvSeriesCounts(data, windows.current, options.seriesPeriod ?? 'month'),
    ),
    months: timed('months', () => monthSums(data, windows.current.from, options.asOf)),
    due: timed('due', () => dueColumns(data, options.asOf)),
    clv: timed('clv', () => clvState(data, options)),
  };
}

function groupedInput(
  data: SalesData,
  current: WindowState,
  rfm: RfmResult,
  options: StateOptions,
): GroupedInput {
  return {
    data,
    sums: current.sums,
    segment: rfm.segment,
    managerKeys: options.managers ?? [],
    channelKeys: options.channels ?? [],
  };
}

function groupedOptions(options: StateOptions): GroupedOptions {
  return {
    asOf: options.asOf,
    steps: options.funnelSteps ?? DEFAULT_STEPS,
    activeDays: options.activeWindowDays ?? DEFAULT_ACTIVE_WINDOW_DAYS,
  };
}

/** New index of each old client (−1 when gone); null when the two lists are the same. */
function remapping(old: readonly string[], now: readonly string[], same: boolean) {
  if (same) return null;
  const newOf = new Int32Array(old.length).fill(-1);
  let j = 0;
  for (let i = 0; i < old.length; i++) {
    while (j < now.length && now[j]! < old[i]!) j++;
    if (now[j] === old[i]) newOf[i] = j;
  }
  return newOf;
}

type Column = Int32Array | Float64Array | Uint8Array;

/** `column` laid out by the new indices (new clients get `fill`), then the changed ones set. */
function carry<T extends Column>(
  column: T,
  newOf: Int32Array | null,
  size: number,
  fill: number,
  changed: readonly number[],
  fresh: T,
): T {
  let out: T;
  if (!newOf) out = column.slice() as T;
  else {
    out = new (column.constructor as new (n: number) => T)(size).fill(fill) as T;
    for (let i = 0; i < newOf.length; i++) if (newOf[i]! >= 0) out[newOf[i]!] = column[i]!;
  }
  changed.forEach((c, k) => (out[c] = fresh[k]!));
  return out;
}

/** `total` + `added` − `removed`, element by element. */
function shift(total: Float64Array, added: Float64Array, removed: Float64Array): Float64Array {
  const out = total.slice();
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + added[i]! - removed[i]!;
  return out;
}

function logLikelihoodOf(data: SalesData, asOf: Day, params: BgNbdParams): number {
  const summary = bgNbdSummary(data, asOf);
  return summary.x.length === 0 ? 0 : logLikelihood(params, aggregate(summary, 7));
}

/**
 * `prev` brought up to `data`, in which the clients `changed` (ids) may have other sales, or be
 * new or gone; every other client must be as in `prev.data`. BG/NBD keeps `prev`'s parameters.
 */
export function updateState(
  prev: BoardState,
  data: SalesData,
  changed: ReadonlySet<string>,
  options: StateOptions,
): BoardState {
  const oldIds = prev.data.clientIds;
  const newIds = data.clientIds;
  const before: number[] = [];
  const after: number[] = [];
  for (const id of changed) {
    const o = indexOfId(oldIds, id);
    const k = indexOfId(newIds, id);
    if (o >= 0) before.push(o);
    if (k >= 0) after.push(k);
  }
  before.sort((x, y) => x - y);
  after.sort((x, y) => x - y);
  const same =
    oldIds.length === newIds.length &&
    before.length === changed.size &&
    after.length === before.length;
  const newOf = remapping(oldIds, newIds, same);
  const n = newIds.length;
  const flags = new Uint8Array(n);
  for (const c of after) flags[c] = 1;
  const gone = selectClients(prev.data, before);
  const fresh = selectClients(data, after);
  const asOf = options.asOf;

  const win = (w: WindowState): WindowState => {
    const old = windowSums(gone, w.window);
    const now = windowSums(fresh, w.window);
    const col = <T extends Column>(a: T, b: T, fill = 0) => carry(a, newOf, n, fill, after, b);
    const sums: WindowSums = {
      window: w.window,
      revenue: col(w.sums.revenue, now.revenue),
      purchaseDays: col(w.sums.purchaseDays, now.purchaseDays),
      margin: col(w.sums.margin, now.margin),
      marginRevenue: col(w.sums.marginRevenue, now.marginRevenue),
      buyers: w.sums.buyers - old.buyers + now.buyers,
      totalRevenue: w.sums.totalRevenue - old.totalRevenue + now.totalRevenue,
    };
    const x = xyz(fresh, w.window, options.xyz, now);
    const classOf = col(w.xyz.classOf, x.classOf);
    const summary = { X: 0, Y: 0, Z: 0 };
    for (let c = 0; c < n; c++) if (classOf[c]! > 0) summary[XYZ_CODES[classOf[c]!]!]++;
    const inserted = after.filter((_, k) => now.purchaseDays[k]! > 0);
    return {
      window: w.window,
      sums,
      buyers: reRank(w.buyers, newOf, flags, inserted, sums.revenue, true),
      xyz: { classOf, cv: col(w.xyz.cv, x.cv, NaN), summary },
    };
  };

  const ro = retentionOptions(options);
  const rfmOld = prev.rfm.columns;
  const rfmNew = rfmColumns(fresh, asOf);
  const columns: RfmColumns = {
    recency: carry(rfmOld.recency, newOf, n, -1, after, rfmNew.recency),
    frequency: carry(rfmOld.frequency, newOf, n, 0, after, rfmNew.frequency),
    monetary: carry(rfmOld.monetary, newOf, n, 0, after, rfmNew.monetary),
  };
  const ranked = after.filter((_, k) => rfmNew.frequency[k]! > 0);
  const orders: RfmOrders = {
    r: reRank(prev.rfm.orders.r, newOf, flags, ranked, columns.recency, true),
    f: reRank(prev.rfm.orders.f, newOf, flags, ranked, columns.frequency, false),
    m: reRank(prev.rfm.orders.m, newOf, flags, ranked, columns.monetary, false),
  };
  const rfm = { columns, orders, result: rfmFromRanked(asOf, columns, orders) };
  const current = win(prev.current);
  const moves: Moves = { newOf, before, after, flags, gone, fresh };
  const grouped = updateGrouped(
    prev.grouped,
    groupedInput(prev.data, prev.current, prev.rfm.result, options),
    groupedInput(data, current, rfm.result, options),
    moves,
    groupedOptions(options),
  );
  const seriesPeriod = options.seriesPeriod ?? 'month';
  const range = prev.current.window;
  const series = (d: SalesData) => ltvSeriesCounts(d, range, seriesPeriod).acc;
  const month = (d: SalesData) => monthSums(d, range.from, asOf).acc;
  const dueOld = prev.due;
  const dueNew = dueColumns(fresh, asOf);
  const due: DueColumns = {
    purchases: carry(dueOld.purchases, newOf, n, 0, after, dueNew.purchases),
    expectedDay: carry(dueOld.expectedDay, newOf, n, NaN, after, dueNew.expectedDay),
    overdueDays: carry(dueOld.overdueDays, newOf, n, NaN, after, dueNew.overdueDays),
    rhythm: carry(dueOld.rhythm, newOf, n, 0, after, dueNew.rhythm),
    last: carry(dueOld.last, newOf, n, 0, after, dueNew.last),
    revenue: carry(dueOld.revenue, newOf, n, 0, after, dueNew.revenue),
  };
  let clvNext: ClvState | null = null;
  if (prev.clv) {
    const { params, horizonWeeks } = prev.clv;
    const predicted = clv(fresh, asOf, { params, horizonWeeks });
    clvNext = {
      ...prev.clv,
      logLikelihood:
        prev.clv.logLikelihood -
        logLikelihoodOf(gone, asOf, params) +
        logLikelihoodOf(fresh, asOf, params),
      pAlive: carry(prev.clv.pAlive, newOf, n, NaN, after, predicted.pAlive),
      expectedPurchases: carry(
        prev.clv.expectedPurchases,
        newOf,
        n,
        NaN,
        after,
        predicted.expectedPurchases,
      ),
    };
  }
  return {
    data,
    current,
    grouped,
    previous: win(prev.previous),
    periods: prev.periods,
    retention: shift(
      prev.retention,
      retentionCounts(fresh, prev.periods, ro),
      retentionCounts(gone, prev.periods, ro),
    ),
    rfm,
    ltvSeries: {
      windows: prev.ltvSeries.windows,
      acc: shift(prev.ltvSeries.acc, series(fresh), series(gone)),
    },
    months: {
      firstMonth: prev.months.firstMonth,
      acc: shift(prev.months.acc, month(fresh), month(gone)),
    },
    due,
    clv: clvNext,
  };
}
