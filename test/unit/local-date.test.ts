// A machine in Moscow (UTC+3, no daylight saving): 01:30 there is still yesterday in UTC.
process.env['TZ'] = 'Europe/Moscow';

import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  localDay,
  localDayOf,
  localMinute,
  localSecond,
  localTime,
  parseDay,
  today,
  yearStart,
} from '../../kernel/local-date';

/** 01:30 on 12 November 2026 in Moscow: 22:30 on 11 November in UTC. */
const NIGHT = new Date('2026-11-11T22:30:00.000Z');

describe('the local day', () => {
  it('is the day date-fns formats, for every hour of years around now and far off', () => {
    const start = Date.parse('1999-12-30T00:00:00Z');
    for (let t = start; t < start + 30 * 366 * 86_400_000; t += 3_600_000 * 7) {
      const at = new Date(t);
      expect(localDay(at)).toBe(format(at, 'yyyy-MM-dd'));
    }
    for (const far of ['0999-05-01T12:00:00Z', '0012-01-01T12:00:00Z', '9999-12-31T12:00:00Z']) {
      expect(localDay(new Date(far))).toBe(format(new Date(far), 'yyyy-MM-dd'));
    }
    expect(() => localDay(new Date('not a date'))).toThrow(RangeError);
  });

  it('is the day on the wall calendar, not UTC’s', () => {
    expect(NIGHT.toISOString().slice(0, 10)).toBe('2026-11-11');
    expect(localDay(NIGHT)).toBe('2026-11-12');
    expect(today(() => NIGHT)).toBe('2026-11-12');
    expect(localTime(NIGHT)).toBe('01:30');
    expect(localMinute(NIGHT)).toBe('2026-11-12T01:30');
    expect(localSecond(NIGHT)).toBe('2026-11-12T01:30:00');
    expect(localDayOf('2026-11-11T22:30:00.000Z')).toBe('2026-11-12');
  });

  it('counts and shifts calendar days, months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-12', -12)).toBe('2025-11-12');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(daysBetween('2026-11-01', '2026-11-12')).toBe(11);
    expect(daysBetween('2026-11-12', '2026-11-01')).toBe(-11);
    expect(yearStart('2026-11-12')).toBe('2026-01-01');
    expect(localDay(parseDay('2026-11-12T14:03'))).toBe('2026-11-12');
  });
});
