/**
 * Analytics, computed in the analytics worker (see electron/services/analytics/runner.ts), the
 * thresholds, and NPS answers.
 */
import { addNpsAnswer, deleteNpsAnswer, listNpsAnswers } from '../../../db/queries/nps';
import type { AnalyticsRead } from '../../services/analytics/compute';
import { readAnalyticsSettings, writeAnalyticsSettings } from '../../services/analytics/settings';
import type { ParsedInputOf } from '../contract';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { HandlerSlice } from './types';

const read =
  <C extends AnalyticsRead>(channel: C) =>
  (input: ParsedInputOf<C>, ctx: AppContext) =>
    ctx.analytics.runner.call(channel, input);

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
  | 'analytics.winBackList'
  | 'analytics.settings'
  | 'settings.setAnalytics'
  | 'nps.add'
  | 'nps.list'
  | 'nps.delete'
> = {
  'analytics.retention': read('analytics.retention'),
  'analytics.abcxyz': read('analytics.abcxyz'),
  'analytics.migration': read('analytics.migration'),
  'analytics.rfm': read('analytics.rfm'),
  'analytics.ltv': read('analytics.ltv'),
  'analytics.clv': read('analytics.clv'),
  'analytics.dashboard': read('analytics.dashboard'),
  'analytics.drill': read('analytics.drill'),
  'analytics.due': read('analytics.due'),
  'analytics.winBack': read('analytics.winBack'),
  'analytics.winBackList': read('analytics.winBackList'),
  'analytics.settings': read('analytics.settings'),
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
