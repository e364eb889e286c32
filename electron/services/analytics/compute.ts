/**
 * The analytics channels that only read, as one table of implementations over an analytics
 * context. The main process runs them in the analytics worker (its own connection and its own
 * copy of the sales in memory), or inline where no worker is built (unit tests).
 */
import type { OutputOf, ParsedInputOf } from '../../api/contract';
import type { Workbook } from '../../../db/workbook';
import { today } from '../../../kernel/local-date';
import type { DashboardCache } from './dashboard';
import {
  abcxyzFigures,
  clvFigures,
  dueFigures,
  ltvFigures,
  migrationFigures,
  retentionFigures,
  rfmFigures,
} from './figures';
import { readAnalyticsSettings } from './settings';
import { JsonText } from '../workers/json-text';
import { managerNamesById, winBack, winBackList } from '../../../db/queries/analytics-reads';
import type { AnalyticsStore } from './store';

export const ANALYTICS_READS = [
  'analytics.retention',
  'analytics.abcxyz',
  'analytics.migration',
  'analytics.rfm',
  'analytics.ltv',
  'analytics.clv',
  'analytics.dashboard',
  'analytics.drill',
  'analytics.due',
  'analytics.winBack',
  'analytics.winBackList',
  'analytics.settings',
] as const;
export type AnalyticsRead = (typeof ANALYTICS_READS)[number];

export interface AnalyticsContext {
  wb: Workbook;
  now: () => Date;
  store: AnalyticsStore;
  dashboards: DashboardCache;
}

const source = (ctx: AnalyticsContext) => ctx.store.current().source;

type Implementations = {
  [C in AnalyticsRead]: (input: ParsedInputOf<C>, ctx: AnalyticsContext) => OutputOf<C>;
};

export const analyticsReads: Implementations = {
  'analytics.retention': (input, ctx) =>
    retentionFigures(
      source(ctx),
      input.periods,
      input.activeDays ?? readAnalyticsSettings(ctx.wb).activeDays,
    ),
  'analytics.abcxyz': (input, ctx) =>
    abcxyzFigures(source(ctx), input, readAnalyticsSettings(ctx.wb)),
  'analytics.migration': (input, ctx) =>
    migrationFigures(source(ctx), input, readAnalyticsSettings(ctx.wb), managerNamesById(ctx.wb)),
  'analytics.rfm': (input, ctx) => rfmFigures(source(ctx), input.asOf),
  'analytics.ltv': (input, ctx) => ltvFigures(source(ctx), input, managerNamesById(ctx.wb)),
  'analytics.clv': (input, ctx) => clvFigures(source(ctx), input),
  'analytics.dashboard': (input, ctx) =>
    ctx.dashboards.get(
      {
        asOf: input?.asOf ?? today(ctx.now),
        months: input?.months ?? 12,
        managerId: input?.managerId ?? null,
      },
      readAnalyticsSettings(ctx.wb),
    ).out,
  'analytics.drill': (input, ctx) =>
    ctx.dashboards.drill(
      {
        asOf: input.asOf ?? today(ctx.now),
        months: input.months ?? 12,
        managerId: input.managerId ?? null,
      },
      readAnalyticsSettings(ctx.wb),
      input.kind,
      input.key,
      input.limit ?? 1000,
    ),
  'analytics.due': (input, ctx) =>
    dueFigures(
      ctx.wb,
      source(ctx),
      input?.asOf ?? today(ctx.now),
      input?.limit ?? 100,
      readAnalyticsSettings(ctx.wb),
    ),
  'analytics.winBack': (_input, ctx) => winBack(ctx.wb),
  'analytics.winBackList': (input, ctx) => winBackList(ctx.wb, input?.limit ?? 500),
  'analytics.settings': (_input, ctx) => readAnalyticsSettings(ctx.wb),
};

/**
 * The channel's answer as JSON text: written once where it is computed (in the worker), it
 * crosses to the main process as one string and the browser shell sends it as it is.
 */
export function computeAnalytics<C extends AnalyticsRead>(
  channel: C,
  input: ParsedInputOf<C>,
  ctx: AnalyticsContext,
): JsonText<OutputOf<C>> {
  return JsonText.of(analyticsReads[channel](input, ctx));
}
