/** The repeat editor's inputs as typed, and the rule they make for the API. */
import type { RepeatRule, RepeatUnit } from '../../../../electron/api/contract';

export interface RepeatDraft {
  unit: RepeatUnit | 'none';
  every: string;
  /** ISO weekdays, 1 = Monday; weekly only. */
  weekdays: number[];
  ends: 'never' | 'until' | 'count';
  until: string;
  count: string;
}

export function draftOf(rule: RepeatRule | null | undefined): RepeatDraft {
  return {
    unit: rule?.unit ?? 'none',
    every: String(rule?.every ?? 1),
    weekdays: rule?.weekdays ?? [],
    ends: rule?.until ? 'until' : rule?.count ? 'count' : 'never',
    until: rule?.until ?? '',
    count: rule?.count ? String(rule.count) : '',
  };
}

/** A whole number as typed; anything else becomes 0 so the API explains the field. */
function whole(text: string): number {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : 0;
}

export function ruleOf(d: RepeatDraft): RepeatRule | null {
  if (d.unit === 'none') return null;
  return {
    every: whole(d.every),
    unit: d.unit,
    ...(d.unit === 'week' && d.weekdays.length > 0
      ? { weekdays: [...d.weekdays].sort((a, b) => a - b) }
      : {}),
    ...(d.ends === 'until' ? { until: d.until } : {}),
    ...(d.ends === 'count' ? { count: whole(d.count) } : {}),
  };
}
