/** The analytics thresholds, kept in the workbook's settings; each has the default. */
import type { AnalyticsSettings } from '../../api/contract';
import { readSetting, writeSetting } from '../../../db/queries/settings';
import type { Workbook } from '../../../db/workbook';

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  activeDays: 365,
  abcA: 0.8,
  abcB: 0.95,
  xyzX: 0.5,
  xyzPeriod: 'month',
  horizonWeeks: 52,
};

const KEY = 'analytics';

export function readAnalyticsSettings(wb: Workbook): AnalyticsSettings {
  return {
    ...DEFAULT_ANALYTICS_SETTINGS,
    ...(readSetting<Partial<AnalyticsSettings>>(wb, KEY) ?? {}),
  };
}

export function writeAnalyticsSettings(
  wb: Workbook,
  patch: Partial<AnalyticsSettings>,
  now: Date,
): AnalyticsSettings {
  const next = { ...readAnalyticsSettings(wb), ...patch };
  writeSetting(wb, KEY, next, now);
  return next;
}
