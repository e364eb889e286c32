// Run this file in a zone with a DST change: Berlin moves clocks forward on 29 March 2026.
process.env['TZ'] = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import type { RepeatRule } from '../../electron/api/contract';
import { birthdayIn, dueInstant, neverFires, nextAfter, occurrence } from '../../kernel/repeat';

const series = (rule: RepeatRule, first: string, n: number) =>
  Array.from({ length: n }, (_, i) => occurrence(rule, first, i + 1));

describe('repeat rules', () => {
  it('keeps the 31st through short months: 31 Jan, 28 Feb, 31 Mar, 30 Apr', () => {
    expect(series({ every: 1, unit: 'month' }, '2026-01-31', 4)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(occurrence({ every: 1, unit: 'month' }, '2028-01-31', 2)).toBe('2028-02-29');
  });

  it('brings 29 February back in leap years and uses 28 February otherwise', () => {
    expect(series({ every: 1, unit: 'year' }, '2024-02-29', 5)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('repeats on chosen weekdays every other week', () => {
    // 2026-11-27 is a Friday: Mon and Wed of the same ISO week are before it, so the first is the Friday's week + 2.
    const rule: RepeatRule = { every: 2, unit: 'week', weekdays: [1, 3] };
    expect(series(rule, '2026-11-23', 4)).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-12-07',
      '2026-12-09',
    ]);
    expect(occurrence({ every: 1, unit: 'week', weekdays: [1] }, '2026-11-27', 1)).toBe(
      '2026-11-30',
    );
  });

  it('ends on the until date (inclusive) or after count occurrences', () => {
    expect(series({ every: 10, unit: 'day', until: '2026-01-21' }, '2026-01-01', 4)).toEqual([
      '2026-01-01',
      '2026-01-11',
      '2026-01-21',
      null,
    ]);
    expect(series({ every: 1, unit: 'day', count: 2 }, '2026-01-01', 3)).toEqual([
      '2026-01-01',
      '2026-01-02',
      null,
    ]);
    expect(nextAfter({ every: 1, unit: 'week', count: 3 }, '2026-01-01', '2026-01-15')).toBeNull();
    expect(nextAfter({ every: 1, unit: 'week' }, '2026-01-01', '2026-01-10')).toEqual({
      date: '2026-01-15',
      n: 3,
    });
  });

  it('knows a rule that never fires', () => {
    expect(neverFires({ every: 1, unit: 'day', until: '2025-12-31' }, '2026-01-01')).toBe(
      'repeat_until_before',
    );
    // Friday start, Mondays only, ending on Sunday: no Monday in range.
    expect(
      neverFires({ every: 1, unit: 'week', weekdays: [1], until: '2026-11-29' }, '2026-11-27'),
    ).toBe('repeat_never');
    expect(neverFires({ every: 1, unit: 'week', weekdays: [1] }, '2026-11-27')).toBeNull();
  });

  it('keeps 09:00 on the wall clock across the spring DST change', () => {
    const before = dueInstant('2026-03-28T09:00');
    const after = dueInstant('2026-03-29T09:00');
    expect(before.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(23);
    expect(occurrence({ every: 1, unit: 'day' }, '2026-03-28', 2)).toBe('2026-03-29');
  });

  it('celebrates a 29 February birthday on 28 February in common years', () => {
    expect(birthdayIn('2000-02-29', 2027)).toBe('2027-02-28');
    expect(birthdayIn('2000-02-29', 2028)).toBe('2028-02-29');
    expect(birthdayIn('1990-12-31', 2026)).toBe('2026-12-31');
  });
});
