/** A repeat rule in words: "every 2 weeks on Mon, Wed, until Dec 31, 2026" / "каждые 2 недели по пн, ср, до 31 дек 2026". */
import type { TFunction } from 'i18next';
import type { RepeatRule } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';

const PLURAL = { day: 'days', week: 'weeks', month: 'months', year: 'years' } as const;

export function weekdayNames(t: TFunction): string[] {
  return t('rem.weekdays', { returnObjects: true }) as unknown as string[];
}

export function describeRepeat(rule: RepeatRule, t: TFunction): string {
  const parts = [
    rule.every === 1
      ? t(`rem.rule.${rule.unit}`)
      : t(`rem.rule.${PLURAL[rule.unit]}`, { count: rule.every }),
  ];
  if (rule.unit === 'week' && rule.weekdays && rule.weekdays.length > 0) {
    const names = weekdayNames(t);
    const days = [...new Set(rule.weekdays)]
      .sort((a, b) => a - b)
      .map((d) => names[d - 1] ?? String(d));
    parts[0] = `${parts[0]} ${t('rem.rule.on', { days: days.join(', ') })}`;
  }
  if (rule.until) parts.push(t('rem.rule.until', { date: formatDate(rule.until) }));
  if (rule.count) parts.push(t('rem.rule.count', { count: rule.count }));
  return parts.join(', ');
}
