/**
 * Every dashboard figure in one call, from a {@link BoardState}: built from all the data
 * ({@link refreshAll}) or brought up to date after a few clients changed ({@link refreshLive},
 * the live dashboard). The windows' per-client sums and classes are shared (ABC, Pareto, LTV and
 * channels use the same sums; migration reuses the current window's classes; the due list
 * carries the CLV's P(alive)).
 */
import { abcFromRanking, type AbcOptions, type AbcResult } from './abc';
import {
  buildState,
  updateState,
  windowsOf,
  type BoardState,
  type ClvState,
  type WindowState,
} from './board-state';
import { channelRows, type ChannelRow } from './channels';
import type { ClvOptions, ClvResult } from './clv';
import { isoFromDay, type Day, type DayWindow } from './days';
import { dueFromColumns, type DueOptions, type DueResult } from './due-to-buy';
import type { GroupKeys, Grouping } from './groups';
import { lostReasons, type LostReasonRow } from './lost-reasons';
import {
  LTV_FIELDS,
  ltvOfSums,
  ltvRows,
  ltvSeriesFromCounts,
  type LtvOptions,
  type LtvParts,
} from './ltv';
import {
  managerActivity,
  managerPortfolio,
  type ActivityRow,
  type CommentActivity,
  type PortfolioRow,
} from './managers';
import {
  abcXyzMatrix,
  matrixClasses,
  migration,
  type AbcXyzMatrix,
  type MigrationResult,
} from './migration';
import { monthRows, type MonthRow } from './month-sums';
import { npsByMonth, type NpsAnswer, type NpsMonth } from './nps';
import { paretoFromRanking, type ParetoResult } from './pareto';
import { DEFAULT_STEPS, funnelFromSums, type FunnelResult } from './repeat-funnel';
import { retentionFromCounts, type RetentionPeriod } from './retention';
import { RFM_SEGMENTS, type RfmResult } from './rfm';
import { isNewIn, type SalesData } from './sales-data';
import type { XyzOptions, XyzResult } from './xyz';

export interface RefreshOptions {
  asOf: Day;
  /**
   * Months in the current window, which ends at asOf, and in the previous one just before it
   * (12: with asOf 2024-12-31 the windows are 2024 and 2023).
   */
  windowMonths?: number;
  activeWindowDays?: number;
  /** Periods of the retention and LTV series over the current window (month). */
  seriesPeriod?: 'month' | 'quarter';
  abc?: AbcOptions;
  xyz?: XyzOptions;
  ltv?: LtvOptions;
  /** false skips the BG/NBD fit. Its calibration end is asOf. */
  clv?: ClvOptions | false;
  due?: Omit<DueOptions, 'pAlive' | 'expectedPurchases'>;
  topShare?: number;
  funnelSteps?: number[];
  /** Per client (aligned with `data.clientIds`): manager and acquisition channel. */
  managers?: GroupKeys;
  channels?: GroupKeys;
  nps?: readonly NpsAnswer[];
  /** One entry per lost client: its reason. */
  lostReasons?: readonly (string | null)[];
  comments?: readonly CommentActivity[];
}

export interface WindowFigures {
  from: string;
  to: string;
  /** The window's revenue (`WindowSums.totalRevenue`). */
  revenue: number;
  abc: AbcResult;
  xyz: XyzResult;
  matrix: AbcXyzMatrix;
  portfolio: PortfolioRow[];
}

export interface Dashboard {
  asOf: string;
  current: WindowFigures;
  previous: WindowFigures;
  retention: { window: RetentionPeriod; series: RetentionPeriod[] };
  migration: MigrationResult;
  rfm: RfmResult;
  ltv: {
    base: LtvParts;
    byManager: (LtvParts & { key: string | null })[];
    byChannel: (LtvParts & { key: string | null })[];
    bySegment: (LtvParts & { key: string | null })[];
    series: (LtvParts & { label: string; from: number; to: number })[];
  };
  /** BG/NBD: the fit and each client's predictions (aligned with the data's clients). */
  clv: Omit<ClvResult, 'clients'> | null;
  due: DueResult;
  /** Revenue, purchase days and buyers per month of the current window. */
  revenueByMonth: MonthRow[];
  pareto: ParetoResult;
  funnel: FunnelResult;
  channels: ChannelRow[];
  nps: { months: NpsMonth[]; total: NpsMonth };
  lostReasons: LostReasonRow[];
  activity: ActivityRow[];
  /** What the figures were made from, for {@link refreshLive} after the next change. */
  state: BoardState;
  /** Milliseconds per part, for the benchmark. */
  timings: Record<string, number>;
}

type Timed = <T>(name: string, fn: () => T) => T;

function timer(timings: Record<string, number>): Timed {
  return (name, fn) => {
    const t0 = performance.now();
    const out = fn();
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return out;
  };
}

export function refreshAll(data: SalesData, options: RefreshOptions): Dashboard {
  const timings: Record<string, number> = {};
  const timed = timer(timings);
  return figuresOf(buildState(data, options, timed), options, timings, timed);
}

/**
 * The dashboard of `data` from the state of an earlier one, after the clients `changed` (ids)
 * were written: their parts are computed again, nobody else's. BG/NBD keeps `prev`'s fit.
 */
export function refreshLive(
  prev: BoardState,
  data: SalesData,
  changed: ReadonlySet<string>,
  options: RefreshOptions,
): Dashboard {
  const timings: Record<string, number> = {};
  const timed = timer(timings);
  const state = timed('update', () => updateState(prev, data, changed, options));
  return figuresOf(state, options, timings, timed);
}

function windowFigures(w: WindowState, options: RefreshOptions, managers: Grouping): WindowFigures {
  const a = abcFromRanking(w.sums, w.buyers, options.abc);
  return {
    from: isoFromDay(w.window.from),
    to: isoFromDay(w.window.to),
    revenue: w.sums.totalRevenue,
    abc: a,
    xyz: w.xyz,
    matrix: abcXyzMatrix(matrixClasses(a, w.xyz), w.sums.revenue),
    portfolio: managerPortfolio(a.classOf, w.xyz.classOf, managers),
  };
}

/** LTV by RFM segment in {@link ltvByGroup}'s order: by name, no segment last. */
function segmentRows(acc: Float64Array, window: DayWindow, options: LtvOptions) {
  const keys = [null, ...RFM_SEGMENTS.map((s) => s.segment)];
  const order = keys
    .map((key, g) => ({ key, g }))
    .sort((x, y) => (x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : 1));
  const sorted = new Float64Array(acc.length);
  order.forEach(({ g }, i) =>
    sorted.set(acc.subarray(g * LTV_FIELDS, (g + 1) * LTV_FIELDS), i * LTV_FIELDS),
  );
  return ltvRows(
    sorted,
    order.map((o) => o.key),
    window,
    options,
  );
}

function clvOut(state: ClvState | null): Dashboard['clv'] {
  if (!state) return null;
  const { calibrationEnd, pAlive, expectedPurchases, ...rest } = state;
  return { ...rest, calibrationEnd: isoFromDay(calibrationEnd), pAlive, expectedPurchases };
}

function figuresOf(
  state: BoardState,
  options: RefreshOptions,
  timings: Record<string, number>,
  timed: Timed,
): Dashboard {
  const { data } = state;
  const { asOf } = options;
  const currentWindow = windowsOf(options).current;
  const { managers, channels } = state.grouped;
  const sums = state.current.sums;
  const current = timed('abcXyz', () => windowFigures(state.current, options, managers));
  const previous = timed('abcXyzPrevious', () => windowFigures(state.previous, options, managers));
  const moved = timed('migration', () =>
    migration(
      data.clientIds,
      matrixClasses(previous.abc, previous.xyz),
      matrixClasses(current.abc, current.xyz),
      (c) => isNewIn(data, c, currentWindow),
      managers,
      false,
    ),
  );
  const retained = timed('retention', () => {
    const [window, ...series] = retentionFromCounts(state.periods, state.retention);
    return { window: window!, series };
  });
  const scored = state.rfm.result;
  const ltvOptions = options.ltv ?? {};
  const g = state.grouped;
  const ltv = timed('ltv', () => ({
    base: ltvOfSums(g.ltvBase, 0, currentWindow, ltvOptions),
    byManager: ltvRows(g.ltvManagers, managers.keys, currentWindow, ltvOptions),
    byChannel: ltvRows(g.ltvChannels, channels.keys, currentWindow, ltvOptions),
    bySegment: segmentRows(g.ltvSegments, currentWindow, ltvOptions),
    series: ltvSeriesFromCounts(state.ltvSeries, ltvOptions),
  }));
  const clvResult = clvOut(state.clv);
  const due = timed('due', () =>
    dueFromColumns(data.clientIds, state.due, asOf, {
      ...options.due,
      ...(clvResult
        ? { pAlive: clvResult.pAlive, expectedPurchases: clvResult.expectedPurchases }
        : {}),
    }),
  );
  const rest = timed('rest', () => ({
    pareto: paretoFromRanking(sums, state.current.buyers, options.topShare),
    funnel: funnelFromSums(g.funnel, options.funnelSteps ?? DEFAULT_STEPS),
    channels: channelRows(sums, channels, g.channelCounts),
    nps: npsByMonth(options.nps ?? []),
    lostReasons: lostReasons(options.lostReasons ?? []),
    activity: managerActivity(options.comments ?? [], currentWindow),
  }));
  return {
    asOf: isoFromDay(asOf),
    current,
    previous,
    retention: retained,
    migration: moved,
    rfm: scored,
    ltv,
    clv: clvResult,
    due,
    revenueByMonth: monthRows(state.months),
    ...rest,
    state,
    timings,
  };
}
