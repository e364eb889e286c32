/** Analytics over the in-memory sales (see electron/services/analytics), and NPS answers. */
import { addNpsAnswer, deleteNpsAnswer, listNpsAnswers } from '../../../db/queries/nps';
import { managerNames, winBack } from '../../services/analytics/dashboard';
import {
  abcxyzFigures,
  clvFigures,
  dueFigures,
  ltvFigures,
  migrationFigures,
  retentionFigures,
  rfmFigures,
} from '../../services/analytics/figures';
import { readAnalyticsSettings, writeAnalyticsSettings } from '../../services/analytics/settings';
import { AppError } from '../errors';
import type { AppContext } from '../context';
import type { HandlerSlice } from './types';

/** Today on the user's calendar (the machine's time zone), not UTC's. */
const today = (ctx: AppContext) => {
  const now = ctx.now();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};
const source = (ctx: AppContext) => ctx.analytics.store.current().source;

export const analyticsHandlers: HandlerSlice<
  | 'analytics.retention'
  | 'analytics.abcxyz'
  | 'analytics.migration'
  | 'analytics.rfm'
  | 'analytics.ltv'
  | 'analytics.clv'
  | 'analytics.dashboard'
  | 'analytics.drill'
  | 'analytics.due'
  | 'analytics.winBack'
  | 'analytics.settings'
  | 'settings.setAnalytics'
  | 'nps.add'
  | 'nps.list'
  | 'nps.delete'
> = {
  'analytics.retention': (input, ctx) =>
    retentionFigures(
      source(ctx),
      input.periods,
      input.activeDays ?? readAnalyticsSettings(ctx.wb).activeDays,
    ),
  'analytics.abcxyz': (input, ctx) =>
    abcxyzFigures(source(ctx), input, readAnalyticsSettings(ctx.wb)),
  'analytics.migration': (input, ctx) =>
    migrationFigures(source(ctx), input, readAnalyticsSettings(ctx.wb), managerNames(ctx.wb)),
  'analytics.rfm': (input, ctx) => rfmFigures(source(ctx), input.asOf),
  'analytics.ltv': (input, ctx) => ltvFigures(source(ctx), input, managerNames(ctx.wb)),
  'analytics.clv': (input, ctx) => clvFigures(source(ctx), input),
  'analytics.dashboard': (input, ctx) =>
    ctx.analytics.dashboards.get(
      {
        asOf: input?.asOf ?? today(ctx),
        months: input?.months ?? 12,
        managerId: input?.managerId ?? null,
      },
      readAnalyticsSettings(ctx.wb),
    ).out,
  'analytics.drill': (input, ctx) =>
    ctx.analytics.dashboards.drill(
      {
        asOf: input.asOf ?? today(ctx),
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
      input?.asOf ?? today(ctx),
      input?.limit ?? 100,
      readAnalyticsSettings(ctx.wb),
    ),
  'analytics.winBack': (_input, ctx) => winBack(ctx.wb),
  'analytics.settings': (_input, ctx) => readAnalyticsSettings(ctx.wb),
  'settings.setAnalytics': (input, ctx) => {
    const current = readAnalyticsSettings(ctx.wb);
    if ((input.abcA ?? current.abcA) >= (input.abcB ?? current.abcB)) {
      throw new AppError(
        'invalid_input',
        'abc_order',
        {},
        input.abcB !== undefined ? 'abcB' : 'abcA',
      );
    }
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return writeAnalyticsSettings(ctx.wb, patch, ctx.now());
  },
  'nps.add': (input, ctx) => addNpsAnswer(ctx, input),
  'nps.list': (input, ctx) => listNpsAnswers(ctx.wb, input.clientId),
  'nps.delete': (input, ctx) => deleteNpsAnswer(ctx, input.id),
};
