import { describe, expect, it } from 'vitest';
import { snoozeTarget } from '../../kernel/snooze';

// Local moments: Monday 30 November 2026 and Sunday 6 December 2026, 22:15.
const monday = new Date(2026, 10, 30, 22, 15);
const sunday = new Date(2026, 11, 6, 22, 15);

describe('the snooze choices (Today and the card)', () => {
  it('an hour from now crosses midnight on the local clock', () => {
    expect(snoozeTarget('hour', '09:30', sunday)).toBe('2026-12-06T23:15');
    expect(snoozeTarget('hour', null, new Date(2026, 11, 6, 23, 30))).toBe('2026-12-07T00:30');
  });

  it('tomorrow and next week keep the reminder’s own time, or stay all day without one', () => {
    expect(snoozeTarget('tomorrow', '09:30', monday)).toBe('2026-12-01T09:30');
    expect(snoozeTarget('tomorrow', null, monday)).toBe('2026-12-01');
    expect(snoozeTarget('nextWeek', '09:30', monday)).toBe('2026-12-07T09:30');
    expect(snoozeTarget('nextWeek', null, sunday)).toBe('2026-12-07');
  });
});
