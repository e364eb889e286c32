/**
 * The analytics channels over the store: each reads the in-memory sales data, runs the pure
 * engine and turns typed arrays into rows that carry `clientId` and `externalId`.
 */
import type {
  AbcXyzResult,
  AnalyticsSettings,
  ClvResultOut,
  DueResultOut,
  LtvResult,
  LtvRow,
  MigrationResultOut,
  RetentionResult,
  RfmResultOut,
  SlippingClient,
  XyzPeriod,
} from '../../api/contract';
import { ABC_CODES, abcFromSums } from '../../analytics/abc';
import { clv } from '../../analytics/clv';
import { dayFromIso, isoFromDay, type DayWindow } from '../../analytics/days';
import { dueToBuy, type DueClient } from '../../analytics/due-to-buy';
import { ltvByGroup, ltvFromSums, ltvSeries } from '../../analytics/ltv';
import { MATRIX_CLASSES, abcXyzMatrix, matrixClasses, migration } from '../../analytics/migration';
import { RFM_SEGMENTS, rfm, segmentKeys } from '../../analytics/rfm';
import { retention } from '../../analytics/retention';
import { isNewIn } from '../../analytics/sales-data';
import { windowSums } from '../../analytics/window-sums';
import { XYZ_CODES, xyz } from '../../analytics/xyz';
import { contactsOf, lostIds } from '../../../db/queries/analytics-reads';
import type { AnalyticsSource } from './source';
import type { Workbook } from '../../../db/workbook';

const toWindow = (w: { from: string; to: string }): DayWindow => ({
  from: dayFromIso(w.from),
  to: dayFromIso(w.to),
});

const finite = (v: number | undefined): number | null =>
  v === undefined || !Number.isFinite(v) ? null : v;

export function retentionFigures(
  source: AnalyticsSource,
  periods: { from: string; to: string }[],
  activeDays: number,
): RetentionResult {
  return {
    periods: retention(source.data, periods.map(toWindow), { activeWindowDays: activeDays }),
  };
}

function classes(source: AnalyticsSource, w: DayWindow, s: AnalyticsSettings, period?: XyzPeriod) {
  const sums = windowSums(source.data, w);
  const a = abcFromSums(sums, { a: s.abcA, b: s.abcB });
  const x = xyz(source.data, w, { period: period ?? s.xyzPeriod, x: s.xyzX }, sums);
  return { a, x, sums };
}

export function abcxyzFigures(
  source: AnalyticsSource,
  input: { from: string; to: string; period?: XyzPeriod | undefined },
  settings: AnalyticsSettings,
): AbcXyzResult {
  const w = toWindow(input);
  const { a, x, sums } = classes(source, w, settings, input.period);
  const clients: AbcXyzResult['clients'] = [];
  const ids = source.data.clientIds;
  for (let c = 0; c < ids.length; c++) {
    const abcClass = ABC_CODES[a.classOf[c]!] ?? null;
    const xyzClass = XYZ_CODES[x.classOf[c]!] ?? null;
    if (!abcClass && !xyzClass) continue;
    clients.push({
      clientId: ids[c]!,
      externalId: source.clients.externalId[c] ?? null,
      revenue: sums.revenue[c]!,
      abc: abcClass,
      cv: finite(x.cv[c]),
      xyz: xyzClass,
    });
  }
  return {
    from: input.from,
    to: input.to,
    clients,
    matrix: abcXyzMatrix(matrixClasses(a, x), sums.revenue),
  };
}

export const MATRIX_LABELS = [...MATRIX_CLASSES, 'none'];

export function migrationFigures(
  source: AnalyticsSource,
  input: {
    a: { from: string; to: string };
    b: { from: string; to: string };
    period?: XyzPeriod | undefined;
  },
  settings: AnalyticsSettings,
  managerNames: ReadonlyMap<string, string>,
): MigrationResultOut {
  const before = classes(source, toWindow(input.a), settings, input.period);
  const windowB = toWindow(input.b);
  const after = classes(source, windowB, settings, input.period);
  const result = migration(
    source.data.clientIds,
    matrixClasses(before.a, before.x),
    matrixClasses(after.a, after.x),
    (c) => isNewIn(source.data, c, windowB),
    source.clients.managerId,
  );
  return {
    ...result,
    classes: MATRIX_LABELS,
    clients: result.clients.map((m) => ({
      ...m,
      externalId: source.clients.externalId[source.indexOf.get(m.clientId)!] ?? null,
    })),
    byManager: result.byManager.map((m) => ({
      ...m,
      name: m.managerId ? (managerNames.get(m.managerId) ?? null) : null,
    })),
  };
}

export function rfmFigures(source: AnalyticsSource, asOf: string): RfmResultOut {
  const result = rfm(source.data, dayFromIso(asOf));
  const keys = segmentKeys(result);
  const clients: RfmResultOut['clients'] = [];
  for (let c = 0; c < keys.length; c++) {
    const segment = keys[c];
    if (!segment) continue;
    clients.push({
      clientId: source.data.clientIds[c]!,
      externalId: source.clients.externalId[c] ?? null,
      recencyDays: result.recency[c]!,
      frequency: result.frequency[c]!,
      monetary: result.monetary[c]!,
      r: result.r[c]!,
      f: result.f[c]!,
      m: result.m[c]!,
      segment,
    });
  }
  const rules = new Map(RFM_SEGMENTS.map((s) => [s.segment, s]));
  return {
    asOf,
    clients,
    segments: result.segments.map((s) => ({
      ...s,
      r: rules.get(s.segment)!.r,
      f: rules.get(s.segment)!.f,
    })),
    grid: result.grid,
  };
}

export function ltvFigures(
  source: AnalyticsSource,
  input: {
    from: string;
    to: string;
    groupBy?: 'base' | 'manager' | 'channel' | 'segment' | undefined;
    series?: 'month' | 'quarter' | undefined;
  },
  managerNames: ReadonlyMap<string, string>,
): LtvResult {
  const w = toWindow(input);
  const data = source.data;
  const sums = windowSums(data, w);
  const groupBy = input.groupBy ?? 'base';
  let rows: LtvRow[];
  if (groupBy === 'base') {
    rows = [{ ...ltvFromSums(data, sums), key: null, label: null }];
  } else {
    const keys =
      groupBy === 'manager'
        ? source.clients.managerId
        : groupBy === 'channel'
          ? source.clients.channel
          : segmentKeys(rfm(data, w.to));
    rows = ltvByGroup(data, sums, keys).map((r) => ({
      ...r,
      label: groupBy === 'manager' && r.key ? (managerNames.get(r.key) ?? r.key) : r.key,
    }));
  }
  const series = ltvSeries(data, w, input.series ?? 'month').map(
    ({ from: _f, to: _t, ...rest }) => rest,
  );
  return { from: input.from, to: input.to, rows, series };
}

export function clvFigures(
  source: AnalyticsSource,
  input: { calibrationEnd: string; horizonWeeks: number },
): ClvResultOut {
  const result = clv(source.data, dayFromIso(input.calibrationEnd), {
    horizonWeeks: input.horizonWeeks,
  });
  const { r, alpha, a, b } = result.params;
  return {
    params: { r, alpha, a, b },
    logLikelihood: result.logLikelihood,
    converged: result.converged,
    calibrationEnd: result.calibrationEnd,
    horizonWeeks: result.horizonWeeks,
    clients: result.clients.map((c) => ({
      clientId: c.clientId,
      externalId: source.clients.externalId[source.indexOf.get(c.clientId)!] ?? null,
      frequency: c.x,
      recency: c.recencyWeeks,
      T: c.ageWeeks,
      pAlive: c.pAlive,
      expectedPurchases: c.expectedPurchases,
    })),
  };
}

export function slippingRows(
  wb: Workbook,
  source: AnalyticsSource,
  list: DueClient[],
): SlippingClient[] {
  const contacts = contactsOf(
    wb,
    list.map((d) => d.clientId),
  );
  return list.map((d) => ({
    clientId: d.clientId,
    externalId: source.clients.externalId[source.indexOf.get(d.clientId)!] ?? null,
    name: contacts.get(d.clientId)?.name ?? '',
    phone: contacts.get(d.clientId)?.phone ?? null,
    lastPurchase: d.lastPurchase,
    rhythmDays: d.medianIntervalDays,
    expected: d.expected,
    overdueDays: d.overdueDays,
    revenue: d.revenue,
    pAlive: d.pAlive,
  }));
}

export function dueFigures(
  wb: Workbook,
  source: AnalyticsSource,
  asOf: string,
  limit: number,
  settings: AnalyticsSettings,
): DueResultOut {
  const day = dayFromIso(asOf);
  const fitted = clv(source.data, day, { horizonWeeks: settings.horizonWeeks });
  const result = dueToBuy(source.data, day, {
    limit,
    exclude: lostIds(wb),
    ...(Number.isFinite(fitted.params.r)
      ? { pAlive: fitted.pAlive, expectedPurchases: fitted.expectedPurchases }
      : {}),
  });
  return {
    asOf: isoFromDay(day),
    slipping: slippingRows(wb, source, result.slipping),
    slippingCount: result.slippingCount,
    due: slippingRows(wb, source, result.due),
    dueCount: result.dueCount,
  };
}
