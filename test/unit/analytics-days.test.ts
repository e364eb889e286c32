import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayFromIso,
  isoFromDay,
  monthOfDay,
  periodLabel,
  periodOfDay,
  periodWindow,
  periodWindows,
} from '../../electron/analytics/days';

const d = dayFromIso;

describe('analytics days', () => {
  it('numbers days from 1970-01-01 and back (values from Python date arithmetic)', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(d('1969-12-31')).toBe(-1);
    expect(d('2000-03-01')).toBe(11017);
    expect(d('2024-02-29')).toBe(19782);
    expect(d('1997-09-30')).toBe(10134);
    expect(d('2026-11-12T11:03:00.000Z')).toBe(d('2026-11-12'));
    for (let day = -800; day < 40000; day += 37) expect(d(isoFromDay(day))).toBe(day);
    expect(isoFromDay(19782)).toBe('2024-02-29');
  });

  it('refuses malformed dates', () => {
    for (const bad of ['', '2024-1-01', '2024/01/01', '2024-13-01', '2024-00-10', 'abcd-ef-gh'])
      expect(d(bad), bad).toBeNaN();
  });

  it('starts weeks on Monday (ISO) and labels them by the year of their Thursday', () => {
    // 2024-01-01 is a Monday; 2023-12-31 a Sunday, so it is in the week before.
    expect(periodOfDay(d('2024-01-07'), 'week')).toBe(periodOfDay(d('2024-01-01'), 'week'));
    expect(periodOfDay(d('2023-12-31'), 'week')).toBe(periodOfDay(d('2024-01-01'), 'week') - 1);
    expect(periodWindow(periodOfDay(d('2024-01-03'), 'week'), 'week')).toEqual({
      from: d('2024-01-01'),
      to: d('2024-01-07'),
    });
    expect(periodLabel(periodOfDay(d('2024-01-03'), 'week'), 'week')).toBe('2024-W01');
    // 2021-01-01 (a Friday) is in ISO week 53 of 2020.
    expect(periodLabel(periodOfDay(d('2021-01-01'), 'week'), 'week')).toBe('2020-W53');
  });

  it('counts months, quarters and years as consecutive integers', () => {
    expect(monthOfDay(d('1970-01-31'))).toBe(0);
    expect(monthOfDay(d('1971-02-01'))).toBe(13);
    expect(monthOfDay(d('1969-12-01'))).toBe(-1);
    expect(periodLabel(periodOfDay(d('2024-05-20'), 'quarter'), 'quarter')).toBe('2024-Q2');
    expect(periodWindow(periodOfDay(d('2024-02-10'), 'month'), 'month')).toEqual({
      from: d('2024-02-01'),
      to: d('2024-02-29'),
    });
    expect(periodLabel(periodOfDay(d('2024-12-31'), 'year'), 'year')).toBe('2024');
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(isoFromDay(addMonths(d('2025-01-01'), -12))).toBe('2024-01-01');
    expect(isoFromDay(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoFromDay(addMonths(d('2024-02-29'), -12))).toBe('2023-02-28');
    expect(isoFromDay(addMonths(d('2024-11-30'), 3))).toBe('2025-02-28');
  });

  it('splits a range into whole periods clipped to it', () => {
    const windows = periodWindows({ from: d('2024-01-15'), to: d('2024-03-10') }, 'month');
    expect(windows.map((w) => [w.label, isoFromDay(w.from), isoFromDay(w.to)])).toEqual([
      ['2024-01', '2024-01-15', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-10'],
    ]);
  });
});
