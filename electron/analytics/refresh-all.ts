/**
 * Every dashboard figure in one call. The windows' per-client sums and classes are computed once
 * and shared (ABC, Pareto, LTV and channels use the same sums; migration reuses the current
 * window's classes; the due list carries the CLV's P(alive)).
 */
import { abcFromSums, type AbcOptions, type AbcResult } from './abc';
import { byChannel, type ChannelRow } from './channels';
import { clv, type ClvOptions, type ClvResult } from './clv';
import { addMonths, isoFromDay, periodWindows, type Day, type DayWindow } from './days';
import { dueToBuy, type DueOptions, type DueResult } from './due-to-buy';
import { groupClients, type GroupKeys } from './groups';
import { lostReasons, type LostReasonRow } from './lost-reasons';
import { ltvByGroup, ltvFromSums, ltvSeries, type LtvOptions, type LtvParts } from './ltv';
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
import { npsByMonth, type NpsAnswer, type NpsMonth } from './nps';
import { pareto, type ParetoResult } from './pareto';
import { repeatFunnel, type FunnelResult } from './repeat-funnel';
import { retention, type RetentionPeriod } from './retention';
import { rfm, segmentKeys, type RfmResult } from './rfm';
import { isNewIn, type SalesData } from './sales-data';
import { windowSums } from './window-sums';
import { xyz, type XyzOptions, type XyzResult } from './xyz';

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
  clv: ClvResult | null;
  due: DueResult;
  pareto: ParetoResult;
  funnel: FunnelResult;
  channels: ChannelRow[];
  nps: { months: NpsMonth[]; total: NpsMonth };
  lostReasons: LostReasonRow[];
  activity: ActivityRow[];
  /** Milliseconds per part, for the benchmark. */
  timings: Record<string, number>;
}

export function refreshAll(data: SalesData, options: RefreshOptions): Dashboard {
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    timings[name] = performance.now() - t0;
    return out;
  };
  const { asOf } = options;
  const months = options.windowMonths ?? 12;
  const currentWindow: DayWindow = { from: addMonths(asOf + 1, -months), to: asOf };
  const previousWindow: DayWindow = {
    from: addMonths(asOf + 1, -2 * months),
    to: currentWindow.from - 1,
  };
  // Groupings made once and shared by every breakdown.
  const managers = groupClients(options.managers ?? [], data.clientIds.length);
  const channels = groupClients(options.channels ?? [], data.clientIds.length);
  const retentionOptions =
    options.activeWindowDays === undefined ? {} : { activeWindowDays: options.activeWindowDays };

  const sums = timed('windowSums', () => windowSums(data, currentWindow));
  const figures = (w: DayWindow, s = windowSums(data, w)): WindowFigures => {
    const a = abcFromSums(s, options.abc);
    const x = xyz(data, w, options.xyz, s);
    return {
      from: isoFromDay(w.from),
      to: isoFromDay(w.to),
      revenue: s.totalRevenue,
      abc: a,
      xyz: x,
      matrix: abcXyzMatrix(matrixClasses(a, x), s.revenue),
      portfolio: managerPortfolio(a.classOf, x.classOf, managers),
    };
  };
  const current = timed('abcXyz', () => figures(currentWindow, sums));
  const previous = timed('abcXyzPrevious', () => figures(previousWindow));
  const moved = timed('migration', () =>
    migration(
      data.clientIds,
      matrixClasses(previous.abc, previous.xyz),
      matrixClasses(current.abc, current.xyz),
      (c) => isNewIn(data, c, currentWindow),
      managers,
    ),
  );
  const seriesPeriod = options.seriesPeriod ?? 'month';
  const periods = periodWindows(currentWindow, seriesPeriod);
  const retained = timed('retention', () => {
    const [window, ...series] = retention(data, [currentWindow, ...periods], retentionOptions);
    return { window: window!, series };
  });
  const scored = timed('rfm', () => rfm(data, asOf));
  const ltvOptions = options.ltv ?? {};
  const ltv = timed('ltv', () => ({
    base: ltvFromSums(data, sums, ltvOptions),
    byManager: ltvByGroup(data, sums, managers, ltvOptions),
    byChannel: ltvByGroup(data, sums, channels, ltvOptions),
    bySegment: ltvByGroup(data, sums, segmentKeys(scored), ltvOptions),
    series: ltvSeries(data, currentWindow, seriesPeriod, ltvOptions),
  }));
  const clvResult =
    options.clv === false ? null : timed('clv', () => clv(data, asOf, options.clv || {}));
  const due = timed('due', () =>
    dueToBuy(data, asOf, {
      ...options.due,
      ...(clvResult
        ? { pAlive: clvResult.pAlive, expectedPurchases: clvResult.expectedPurchases }
        : {}),
    }),
  );
  const rest = timed('rest', () => ({
    pareto: pareto(sums, options.topShare),
    funnel: repeatFunnel(data, asOf, options.funnelSteps ? { steps: options.funnelSteps } : {}),
    channels: byChannel(data, sums, channels, retentionOptions),
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
    ...rest,
    timings,
  };
}
