/**
 * Analytics channels: retention, ABC/XYZ and its migration, RFM, LTV, CLV (BG/NBD), the
 * dashboard that shows them all, drill-downs to the clients behind a figure, the "slipping away"
 * list, thresholds, and NPS answers recorded on cards. Every client row carries `clientId` and
 * `externalId`. Ratios are fractions (0.25 = 25 %); money is in minor units.
 */
import { z } from 'zod';
import { XYZ_PERIODS, type XyzPeriod } from './enums';
import type { AbcXyzMatrix, MigrationTable } from '../../analytics/migration';
import type { FunnelResult } from '../../analytics/repeat-funnel';
import type { LtvParts } from '../../analytics/ltv';
import type { NpsMonth } from '../../analytics/nps';
import type { ParetoResult } from '../../analytics/pareto';
import type { RetentionPeriod } from '../../analytics/retention';
import type { RfmSegment } from '../../analytics/rfm';
import { isCalendarDate, id, optionalText } from './validators';

export type {
  AbcXyzMatrix,
  FunnelResult,
  LtvParts,
  MigrationTable,
  NpsMonth,
  ParetoResult,
  RetentionPeriod,
  RfmSegment,
};

const day = z.string().refine((s) => isCalendarDate(s), { params: { key: 'date_invalid' } });
const window = z
  .object({ from: day, to: day })
  .strict()
  .refine((w) => w.from <= w.to, { params: { key: 'window_order' }, path: ['to'] });

export { XYZ_PERIODS, type XyzPeriod } from './enums';
export const LTV_GROUPS = ['base', 'manager', 'channel', 'segment'] as const;

export const retentionInput = z
  .object({
    periods: z.array(window).min(1).max(120),
    /** W: a client is active at d when its last purchase is at most W days before d (365). */
    activeDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const abcxyzInput = z
  .object({ from: day, to: day, period: z.enum(XYZ_PERIODS).optional() })
  .strict()
  .refine((w) => w.from <= w.to, { params: { key: 'window_order' }, path: ['to'] });

export const migrationInput = z
  .object({ a: window, b: window, period: z.enum(XYZ_PERIODS).optional() })
  .strict();

export const rfmInput = z.object({ asOf: day }).strict();

export const ltvInput = z
  .object({
    from: day,
    to: day,
    groupBy: z.enum(LTV_GROUPS).optional(),
    /** The LTV parts per month or quarter of the window, to track it over time. */
    series: z.enum(['month', 'quarter']).optional(),
  })
  .strict()
  .refine((w) => w.from <= w.to, { params: { key: 'window_order' }, path: ['to'] });

export const clvInput = z
  .object({
    calibrationEnd: day,
    horizonWeeks: z.number().int().min(1).max(520),
  })
  .strict();

export const dashboardInput = z
  .object({
    /** The last day of the current window (today by default). */
    asOf: day.optional(),
    /** Calendar months in each window (12): the current one ends at asOf, the previous before it. */
    months: z.number().int().min(1).max(60).optional(),
    managerId: id.nullable().optional(),
  })
  .strict()
  .optional();

export const drillInput = z
  .object({
    kind: z.enum(['matrix', 'migration', 'rfm', 'slipping', 'due']),
    /** matrix: a cell like `AX`; migration: `AX>BY` (or `new>AX`, `AX>gone`, `up`, `down`); rfm: a segment. */
    key: z.string().max(40),
    asOf: day.optional(),
    months: z.number().int().min(1).max(60).optional(),
    managerId: id.nullable().optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

/**
 * An analytics drill-down as an audience: the descriptor `analytics.drill` takes (without its
 * `limit`: every client behind the figure), or `winBack` (every lost client).
 */
export const listDrillSchema = drillInput
  .omit({ limit: true, kind: true })
  .extend({ kind: z.enum([...drillInput.shape.kind.options, 'winBack']) })
  .strict();
export type ListDrill = z.output<typeof listDrillSchema>;

export const dueInput = z
  .object({ asOf: day.optional(), limit: z.number().int().min(1).max(1000).optional() })
  .strict()
  .optional();

/** `analytics.winBackList`: the most valuable lost clients, and how many there are in all. */
export const winBackListInput = z
  .object({ limit: z.number().int().min(1).max(5000).optional() })
  .strict()
  .optional();

export const analyticsSettingsInput = z
  .object({
    activeDays: z.number().int().min(1).max(3650).optional(),
    abcA: z.number().gt(0).lt(1).optional(),
    abcB: z.number().gt(0).lt(1).optional(),
    xyzX: z.number().gt(0).max(10).optional(),
    xyzPeriod: z.enum(XYZ_PERIODS).optional(),
    horizonWeeks: z.number().int().min(1).max(520).optional(),
  })
  .strict()
  .refine((s) => s.abcA === undefined || s.abcB === undefined || s.abcA < s.abcB, {
    params: { key: 'abc_order' },
    path: ['abcB'],
  });

export const npsAddInput = z
  .object({
    clientId: id,
    score: z.number().int().min(0).max(10),
    comment: optionalText(2000),
    at: day.optional(),
  })
  .strict();
export const npsListInput = z.object({ clientId: id }).strict();
export const npsIdInput = z.object({ id }).strict();

export interface AnalyticsSettings {
  activeDays: number;
  abcA: number;
  abcB: number;
  xyzX: number;
  xyzPeriod: XyzPeriod;
  horizonWeeks: number;
}

export interface NpsAnswer {
  id: string;
  clientId: string;
  score: number;
  comment: string | null;
  at: string;
}

export interface RetentionResult {
  periods: RetentionPeriod[];
}

export type AbcClassName = 'A' | 'B' | 'C';
export type XyzClassName = 'X' | 'Y' | 'Z';

export interface AbcXyzClient {
  clientId: string;
  externalId: string | null;
  revenue: number;
  abc: AbcClassName | null;
  /** Null for one purchase day (Z) or no purchase in the window. */
  cv: number | null;
  xyz: XyzClassName | null;
}

export interface AbcXyzResult {
  from: string;
  to: string;
  clients: AbcXyzClient[];
  /** Rows A, B, C; columns X, Y, Z. */
  matrix: AbcXyzMatrix;
}

export interface MigrationResultOut extends MigrationTable {
  /**
   * Row and column labels of `table`: AX … CZ, then `none` (new and returned as a row, gone as a
   * column).
   */
  classes: string[];
  clients: {
    clientId: string;
    externalId: string | null;
    from: string | null;
    to: string | null;
    /** `new`: first purchase ever in window b (as retention's new); `returned`: bought before. */
    direction: 'up' | 'down' | 'same' | 'new' | 'returned' | 'gone';
  }[];
  byManager: (MigrationTable & { managerId: string | null; name: string | null })[];
}

export interface RfmClient {
  clientId: string;
  externalId: string | null;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export interface RfmSegmentRow {
  segment: RfmSegment;
  clients: number;
  revenue: number;
  /** The (R, F) score ranges of the segment, for the explanation in the UI. */
  r: readonly [number, number];
  f: readonly [number, number];
}

export interface RfmResultOut {
  asOf: string;
  clients: RfmClient[];
  segments: RfmSegmentRow[];
  /** Clients by R (rows 1–5) and F (columns 1–5). */
  grid: number[][];
}

export interface LtvRow extends LtvParts {
  key: string | null;
  label: string | null;
}

export interface LtvResult {
  from: string;
  to: string;
  rows: LtvRow[];
  series: (LtvParts & { label: string })[];
}

export interface ClvClientOut {
  clientId: string;
  externalId: string | null;
  frequency: number;
  recency: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
}

export interface ClvResultOut {
  params: { r: number; alpha: number; a: number; b: number };
  logLikelihood: number;
  converged: boolean;
  calibrationEnd: string;
  horizonWeeks: number;
  clients: ClvClientOut[];
}

export interface SlippingClient {
  clientId: string;
  externalId: string | null;
  name: string;
  phone: string | null;
  lastPurchase: string;
  /** Median days between its purchase days. */
  rhythmDays: number;
  expected: string;
  overdueDays: number;
  revenue: number;
  pAlive: number | null;
}

export interface DueResultOut {
  asOf: string;
  slipping: SlippingClient[];
  slippingCount: number;
  due: SlippingClient[];
  dueCount: number;
}

export interface DrillRow {
  clientId: string;
  externalId: string | null;
  name: string;
  managerName: string | null;
  revenue: number;
  abc: string | null;
  xyz: string | null;
  segment: string | null;
  detail: string | null;
}

export interface DrillResult {
  rows: DrillRow[];
  total: number;
}

export interface WinBackClient {
  clientId: string;
  externalId: string | null;
  name: string;
  phone: string | null;
  lostReason: string | null;
  revenue: number;
  lastPurchase: string | null;
  lastContact: string | null;
}

export interface WinBackList {
  /** The first `limit` (500 by default), most valuable first. */
  rows: WinBackClient[];
  /** Every lost client: the badge's number. */
  total: number;
}

export interface Dashboard {
  asOf: string;
  window: { from: string; to: string };
  previous: { from: string; to: string };
  settings: AnalyticsSettings;
  /** Revenue, buyers and purchase days by month of the current window. */
  revenueByMonth: { label: string; revenue: number; buyers: number; purchases: number }[];
  /**
   * The revenue of the current and of the previous window: every sale in the window, purchases
   * minus returns, by any live client. The months, Pareto's total and the channels add up to it.
   */
  revenue: { current: number; previous: number };
  retention: { window: RetentionPeriod; series: RetentionPeriod[] };
  matrix: AbcXyzMatrix & { unclassed: number };
  previousMatrix: AbcXyzMatrix;
  migration: MigrationTable & { classes: string[] };
  rfm: { segments: RfmSegmentRow[]; grid: number[][] };
  ltv: {
    base: LtvParts;
    byManager: LtvRow[];
    byChannel: LtvRow[];
    bySegment: LtvRow[];
    series: (LtvParts & { label: string })[];
  };
  clv: { params: ClvResultOut['params']; logLikelihood: number; converged: boolean } | null;
  slipping: SlippingClient[];
  slippingCount: number;
  pareto: ParetoResult;
  funnel: FunnelResult;
  nps: { months: NpsMonth[]; total: NpsMonth };
  lostReasons: { reason: string | null; count: number; share: number }[];
  channels: {
    key: string | null;
    buyers: number;
    revenue: number;
    revenueShare: number | null;
    retention: RetentionPeriod;
  }[];
  managers: {
    managerId: string | null;
    name: string | null;
    shareA: number | null;
    shareX: number | null;
    previousShareA: number | null;
    previousShareX: number | null;
    classed: number;
  }[];
  /**
   * Comments in the window by author, most first. `managerId` is the manager the author is (by id
   * or name), null when the author is not a manager (the computer's user, before a manager was
   * chosen): the UI counts those under "no manager" and never lists them as managers.
   */
  activity: {
    author: string;
    managerId: string | null;
    total: number;
    perDay: number;
    byKind: Record<string, number>;
  }[];
  /** Milliseconds per part of the refresh, and the load. */
  timings: Record<string, number>;
}
