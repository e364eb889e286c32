import { describe, expect, it } from 'vitest';
import { readDay, readTime, showDay, showTime } from '../../renderer/src/lib/typed-dates';

describe('dates typed in the UI’s language', () => {
  it('shows a stored day as each language writes it', () => {
    expect(showDay('2026-11-30', 'ru')).toBe('30.11.2026');
    expect(showDay('2026-11-30', 'en')).toBe('11/30/2026');
    expect(showDay('', 'ru')).toBe('');
    expect(showDay('30.11', 'ru')).toBe('30.11');
  });

  it('reads what a Russian or an English user types, and the stored form in both', () => {
    expect(readDay('30.11.2026', 'ru')).toBe('2026-11-30');
    expect(readDay('5.3.2026', 'ru')).toBe('2026-03-05');
    expect(readDay('05.03.26', 'ru')).toBe('2026-03-05');
    expect(readDay('11/30/2026', 'en')).toBe('2026-11-30');
    expect(readDay('3/5/26', 'en')).toBe('2026-03-05');
    for (const lang of ['ru', 'en'] as const) {
      expect(readDay('2026-11-30', lang)).toBe('2026-11-30');
      expect(readDay('  ', lang)).toBe('');
    }
  });

  it('refuses what is no date: the form explains it', () => {
    expect(readDay('31.02.2026', 'ru')).toBeNull();
    expect(readDay('30.11', 'ru')).toBeNull();
    expect(readDay('13/30/2026', 'en')).toBeNull();
    // The other language's order is not silently swapped: 30 is no month.
    expect(readDay('30/11/2026', 'en')).toBeNull();
    expect(readDay('завтра', 'ru')).toBeNull();
  });

  it('reads and shows times in 24 hours (Russian) and with AM/PM (English)', () => {
    expect(showTime('14:30', 'ru')).toBe('14:30');
    expect(showTime('14:30', 'en')).toBe('2:30 PM');
    expect(readTime('14:30', 'ru')).toBe('14:30');
    expect(readTime('9.05', 'ru')).toBe('09:05');
    expect(readTime('2:30 pm', 'en')).toBe('14:30');
    expect(readTime('2pm', 'en')).toBe('14:00');
    expect(readTime('14:30', 'en')).toBe('14:30');
    expect(readTime('25:00', 'ru')).toBeNull();
    expect(readTime('', 'en')).toBe('');
    expect(showTime('14:30:05', 'en', true)).toBe('2:30:05 PM');
    expect(readTime('14:30:05', 'ru', true)).toBe('14:30:05');
    expect(readTime('14:30', 'ru', true)).toBe('14:30:00');
  });
});
