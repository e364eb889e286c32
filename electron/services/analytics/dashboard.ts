/**
 * The dashboard: every figure for the current window and the one before it, computed in one
 * `refreshAll` over the in-memory sales, filtered to one manager's clients when asked, cached
 * until the workbook changes. Drill-downs read the same cached result.
 */
import type {
  AnalyticsSettings,
  Dashboard,
  DrillResult,
  DrillRow,
  LtvRow,
} from '../../api/contract';
import { AppError } from '../../api/errors';
import { ABC_CODES } from '../../analytics/abc';
import { dayFromIso } from '../../analytics/days';
import { directionOf, MATRIX_CLASSES, matrixClasses, NONE } from '../../analytics/migration';
import { isNewIn } from '../../analytics/sales-data';
import { selectClients } from '../../analytics/patch';
import type { BgNbdParams } from '../../analytics/bg-nbd';
import {
  refreshAll,
  refreshLive,
  type Dashboard as EngineDashboard,
  type RefreshOptions,
} from '../../analytics/refresh-all';
import { segmentKeys } from '../../analytics/rfm';
import type { SalesData } from '../../analytics/sales-data';
import { XYZ_CODES } from '../../analytics/xyz';
import type { AnalyticsSource } from './source';
import type { Workbook } from '../../../db/workbook';
import { dueToBuy } from '../../analytics/due-to-buy';
import {
  commentsChangedSince,
  drillClients,
  lastChangeRow,
  lostIds,
  lostReasons,
  managerNamesById,
  npsAnswers,
} from '../../../db/queries/analytics-reads';
import { activity } from './activity';
import { MATRIX_LABELS, slippingRows } from './figures';
import type { AnalyticsStore } from './store';

export interface DashboardQuery {
  asOf: string;
  months: number;
  managerId: string | null;
}

interface Computed {
  key: string;
  /** The query and settings without the data's version: what a live update must match. */
  queryKey: string;
  /** The store's version the figures are of. */
  version: number;
  data: SalesData;
  /** Index in the store's source of each client of `data`; null when they are the same. */
  sourceIndex: Int32Array | null;
  engine: EngineDashboard;
  out: Dashboard;
}

/** Clients changed since the last fit before the BG/NBD model is fitted again. */
const REFIT_AFTER = 200;
/** Up to this many changed clients the dashboard is brought up to date from them alone. */
const LIVE_LIMIT = 2000;

const fitKey = (query: DashboardQuery, settings: AnalyticsSettings) =>
  JSON.stringify([query.asOf, query.managerId, settings.horizonWeeks]);

export class DashboardCache {
  private last: Computed | null = null;
  private activityCache: {
    key: string;
    /** The store's version and the history's last row when it was counted. */
    version: number;
    row: number;
    rows: Dashboard['activity'];
  } | null = null;
  /** The last BG/NBD fit, its query, and how many clients changed since. */
  private lastFit: { key: string; params: BgNbdParams; patched: number } | null = null;

  /**
   * Refit BG/NBD after a reload, a new window or many changes; after a few new sales keep the
   * fitted parameters and only recompute each client's predictions (the optimum of thousands of
   * clients does not move with one sale, and the fit is the slowest part of a refresh).
   */
  private fitPolicy(query: DashboardQuery, settings: AnalyticsSettings) {
    const last = this.lastFit;
    const refresh = this.store.lastRefresh;
    if (last && refresh.kind === 'patch') last.patched += refresh.clients;
    if (this.fixedFit) return { params: this.fixedFit };
    if (
      last &&
      last.key === fitKey(query, settings) &&
      refresh.kind !== 'load' &&
      last.patched <= REFIT_AFTER
    ) {
      return { params: last.params };
    }
    return last ? { fit: { start: last.params } } : {};
  }

  /**
   * `fixedFit`: BG/NBD parameters to use instead of fitting (a test's fresh dashboard with the
   * parameters another one kept).
   */
  constructor(
    private readonly wb: Workbook,
    private readonly store: AnalyticsStore,
    private readonly fixedFit?: BgNbdParams,
  ) {}

  get(query: DashboardQuery, settings: AnalyticsSettings): Computed {
    const started = performance.now();
    const { source, version } = this.store.current();
    const loadMs = performance.now() - started;
    const queryKey = JSON.stringify([query, settings]);
    const key = `${version} ${queryKey}`;
    if (this.last?.key === key) return this.last;
    const { data, sourceIndex } = subset(source, query.managerId);
    const keysOf = <T>(all: readonly T[]) =>
      sourceIndex ? Array.from(sourceIndex, (i) => all[i]!) : all;
    const policy = this.fitPolicy(query, settings);
    const options: RefreshOptions = {
      asOf: dayFromIso(query.asOf),
      windowMonths: query.months,
      activeWindowDays: settings.activeDays,
      abc: { a: settings.abcA, b: settings.abcB },
      xyz: { period: settings.xyzPeriod, x: settings.xyzX },
      clv: { horizonWeeks: settings.horizonWeeks, ...policy },
      managers: keysOf(source.clients.managerId),
      channels: keysOf(source.clients.channel),
      due: { limit: 20, exclude: lostIds(this.wb) },
      nps: npsAnswers(this.wb, query.managerId),
      lostReasons: lostReasons(this.wb, query.managerId),
    };
    const changed = this.liveChanges(queryKey, query, policy);
    const engine =
      changed && this.last
        ? refreshLive(this.last.engine.state, data, changed, options)
        : refreshAll(data, options);
    if (
      !changed &&
      engine.clv &&
      Number.isFinite(engine.clv.params.r) &&
      engine.clv.evaluations > 1
    ) {
      this.lastFit = { key: fitKey(query, settings), params: engine.clv.params, patched: 0 };
    }
    const names = managerNamesById(this.wb);
    const label = (rows: Omit<LtvRow, 'label'>[], named: boolean): LtvRow[] =>
      rows.map((r) => ({ ...r, label: named && r.key ? (names.get(r.key) ?? r.key) : r.key }));
    const previousShares = new Map(engine.previous.portfolio.map((p) => [p.managerId, p]));
    const out: Dashboard = {
      asOf: engine.asOf,
      window: { from: engine.current.from, to: engine.current.to },
      previous: { from: engine.previous.from, to: engine.previous.to },
      settings,
      revenueByMonth: engine.revenueByMonth,
      revenue: { current: engine.current.revenue, previous: engine.previous.revenue },
      retention: engine.retention,
      matrix: { ...engine.current.matrix, unclassed: unclassed(engine) },
      previousMatrix: engine.previous.matrix,
      migration: {
        table: engine.migration.table,
        up: engine.migration.up,
        down: engine.migration.down,
        same: engine.migration.same,
        new: engine.migration.new,
        returned: engine.migration.returned,
        gone: engine.migration.gone,
        classes: MATRIX_LABELS,
      },
      rfm: {
        segments: engine.rfm.segments.map((s) => {
          const rule = RULES.get(s.segment)!;
          return { ...s, r: rule.r, f: rule.f };
        }),
        grid: engine.rfm.grid,
      },
      ltv: {
        base: engine.ltv.base,
        byManager: label(engine.ltv.byManager, true),
        byChannel: label(engine.ltv.byChannel, false),
        bySegment: label(engine.ltv.bySegment, false),
        series: engine.ltv.series.map(({ from: _f, to: _t, ...rest }) => rest),
      },
      clv: engine.clv
        ? {
            params: { ...engine.clv.params },
            logLikelihood: engine.clv.logLikelihood,
            converged: engine.clv.converged,
          }
        : null,
      slipping: slippingRows(this.wb, source, engine.due.slipping),
      slippingCount: engine.due.slippingCount,
      pareto: engine.pareto,
      funnel: engine.funnel,
      nps: engine.nps,
      lostReasons: engine.lostReasons,
      channels: engine.channels,
      managers: engine.current.portfolio.map((p) => ({
        managerId: p.managerId,
        name: p.managerId ? (names.get(p.managerId) ?? null) : null,
        shareA: p.shareA,
        shareX: p.shareX,
        previousShareA: previousShares.get(p.managerId)?.shareA ?? null,
        previousShareX: previousShares.get(p.managerId)?.shareX ?? null,
        classed: p.classed,
      })),
      activity: this.activity(engine.current.from, engine.current.to, query.managerId, names),
      timings: {
        load: loadMs,
        ...engine.timings,
        live: changed ? 1 : 0,
        total: performance.now() - started,
      },
    };
    this.last = { key, queryKey, version, data, sourceIndex, engine, out };
    return this.last;
  }

  /**
   * Comments by author over the window, counted again only when comments changed (a scan of
   * every comment of the window: seconds on a large workbook, never needed after a sale).
   */
  private activity(
    from: string,
    to: string,
    managerId: string | null,
    names: ReadonlyMap<string, string>,
  ): Dashboard['activity'] {
    const key = JSON.stringify([from, to, managerId, [...names]]);
    const cached = this.activityCache;
    const changed = cached?.key === key ? this.store.changedSince(cached.version) : null;
    // One manager's comments follow their clients: a client reassigned moves its comments.
    const clientsKept = changed !== null && (managerId === null || changed.size === 0);
    if (cached && clientsKept && !commentsChangedSince(this.wb, cached.row)) {
      return cached.rows;
    }
    const row = lastChangeRow(this.wb);
    const rows = activity(this.wb, from, to, managerId, names);
    this.activityCache = { key, version: this.store.currentVersion, row, rows };
    return rows;
  }

  /**
   * The clients changed since the last dashboard when it can be brought up to date from them
   * alone: the same query and settings, the whole base (a manager's part is small anyway), a
   * few changes the store can name, and the BG/NBD fit kept.
   */
  private liveChanges(
    queryKey: string,
    query: DashboardQuery,
    policy: ReturnType<DashboardCache['fitPolicy']>,
  ): Set<string> | null {
    const last = this.last;
    if (!last || last.queryKey !== queryKey || query.managerId !== null) return null;
    if (!('params' in policy) || last.engine.clv?.params !== policy.params) return null;
    const changed = this.store.changedSince(last.version);
    return changed && changed.size <= LIVE_LIMIT ? changed : null;
  }

  /** The clients behind one part of the dashboard. */
  drill(
    query: DashboardQuery,
    settings: AnalyticsSettings,
    kind: 'matrix' | 'migration' | 'rfm' | 'slipping' | 'due',
    key: string,
    limit: number,
  ): DrillResult {
    const computed = this.get(query, settings);
    const { engine, data } = computed;
    const n = data.clientIds.length;
    const picked: number[] = [];
    const detail = new Map<number, string>();
    // Slipping and due are ranked whole but cut to `limit`: their total is the list's count.
    let total: number | null = null;
    if (kind === 'matrix') {
      const cell = MATRIX_CLASSES.indexOf(key as (typeof MATRIX_CLASSES)[number]);
      if (cell < 0) throw new AppError('invalid_input', 'drill_key', { key }, 'key');
      const cells = matrixClasses(engine.current.abc, engine.current.xyz);
      for (let c = 0; c < n; c++) if (cells[c] === cell) picked.push(c);
    } else if (kind === 'migration') {
      const before = matrixClasses(engine.previous.abc, engine.previous.xyz);
      const after = matrixClasses(engine.current.abc, engine.current.xyz);
      const direction = key === 'up' || key === 'down' ? key : null;
      // `new>AX` and `AX>gone` name the same cells as `none>AX` and `AX>none`.
      const [fromKey, toKey] = key
        .replace(/^new>/, 'none>')
        .replace(/>gone$/, '>none')
        .split('>');
      const fromCell = MATRIX_LABELS.indexOf(fromKey ?? '');
      const toCell = MATRIX_LABELS.indexOf(toKey ?? '');
      if (!direction && (fromCell < 0 || toCell < 0)) {
        throw new AppError('invalid_input', 'drill_key', { key }, 'key');
      }
      const window = { from: dayFromIso(engine.current.from), to: dayFromIso(engine.current.to) };
      for (let c = 0; c < n; c++) {
        if (direction) {
          const moved = before[c]! !== NONE || after[c]! !== NONE;
          const isNew = before[c] === NONE && isNewIn(data, c, window);
          if (moved && directionOf(before[c]!, after[c]!, isNew) === direction) picked.push(c);
        } else if (
          before[c] === (fromCell === 9 ? NONE : fromCell) &&
          after[c] === (toCell === 9 ? NONE : toCell)
        ) {
          if (fromCell === 9 && toCell === 9) continue;
          picked.push(c);
        }
      }
      for (const c of picked) {
        detail.set(
          c,
          `${MATRIX_LABELS[before[c]!] ?? 'none'} → ${MATRIX_LABELS[after[c]!] ?? 'none'}`,
        );
      }
    } else if (kind === 'rfm') {
      const keys = segmentKeys(engine.rfm);
      if (!RULES.has(key)) throw new AppError('invalid_input', 'drill_key', { key }, 'key');
      for (let c = 0; c < n; c++) if (keys[c] === key) picked.push(c);
    } else {
      // The dashboard keeps the top of the lists; the drill-down ranks them whole.
      const full = dueToBuy(data, dayFromIso(query.asOf), {
        limit,
        exclude: lostIds(this.wb),
        ...(engine.clv
          ? { pAlive: engine.clv.pAlive, expectedPurchases: engine.clv.expectedPurchases }
          : {}),
      });
      const list = kind === 'slipping' ? full.slipping : full.due;
      total = kind === 'slipping' ? full.slippingCount : full.dueCount;
      const index = new Map(data.clientIds.map((id, i) => [id, i]));
      for (const d of list) picked.push(index.get(d.clientId)!);
    }
    const revenue = windowRevenue(computed, picked);
    if (kind !== 'slipping' && kind !== 'due') {
      picked.sort((x, y) => revenue.get(y)! - revenue.get(x)! || x - y);
    }
    const rows = rowsFor(this.wb, computed, picked.slice(0, limit), revenue, detail);
    return { rows, total: total ?? picked.length };
  }
}

const RULES = new Map(
  (
    [
      ['champions', [5, 5], [4, 5]],
      ['loyal', [3, 4], [4, 5]],
      ['potential_loyalists', [4, 5], [2, 3]],
      ['new', [5, 5], [1, 1]],
      ['promising', [4, 4], [1, 1]],
      ['need_attention', [3, 3], [3, 3]],
      ['about_to_sleep', [3, 3], [1, 2]],
      ['at_risk', [1, 2], [3, 4]],
      ['cant_lose', [1, 2], [5, 5]],
      ['hibernating', [2, 2], [1, 2]],
      ['lost', [1, 1], [1, 2]],
    ] as const
  ).map(([segment, r, f]) => [segment as string, { r, f }]),
);

/** Each picked client's revenue in the current window. */
function windowRevenue(computed: Computed, indices: number[]): Map<number, number> {
  const { data, engine } = computed;
  const from = dayFromIso(engine.current.from);
  const to = dayFromIso(engine.current.to);
  const out = new Map<number, number>();
  for (const c of indices) {
    let sum = 0;
    for (let i = data.start[c]!; i < data.start[c + 1]!; i++) {
      if (data.day[i]! >= from && data.day[i]! <= to) sum += data.revenue[i]!;
    }
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++) {
      if (data.adjDay[i]! >= from && data.adjDay[i]! <= to) sum += data.adjRevenue[i]!;
    }
    out.set(c, sum);
  }
  return out;
}

function rowsFor(
  wb: Workbook,
  computed: Computed,
  indices: number[],
  revenue: Map<number, number>,
  detail: Map<number, string>,
): DrillRow[] {
  const { data, engine } = computed;
  const ids = indices.map((c) => data.clientIds[c]!);
  const byId = drillClients(wb, ids);
  const segments = segmentKeys(engine.rfm);
  return indices.map((c) => {
    const id = data.clientIds[c]!;
    const row = byId.get(id);
    return {
      clientId: id,
      externalId: row?.externalId ?? null,
      name: row?.name ?? '',
      managerName: row?.managerName ?? null,
      revenue: revenue.get(c) ?? 0,
      abc: ABC_CODES[engine.current.abc.classOf[c]!] ?? null,
      xyz: XYZ_CODES[engine.current.xyz.classOf[c]!] ?? null,
      segment: segments[c] ?? null,
      detail: detail.get(c) ?? null,
    };
  });
}

function subset(source: AnalyticsSource, managerId: string | null) {
  const n = source.data.clientIds.length;
  // The whole base: the data and the client lookups as they are (no copy).
  if (!managerId) return { data: source.data, sourceIndex: null };
  const indices: number[] = [];
  for (let c = 0; c < n; c++) if (source.clients.managerId[c] === managerId) indices.push(c);
  return { data: selectClients(source.data, indices), sourceIndex: Int32Array.from(indices) };
}

function unclassed(engine: EngineDashboard): number {
  let count = 0;
  const { classOf } = engine.current.abc;
  for (let c = 0; c < classOf.length; c++) if (classOf[c] === 0) count++;
  return count;
}
