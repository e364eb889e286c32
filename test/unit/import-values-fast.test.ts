/**
 * The short ways a sales file's cells are read (`31.12.2025`, `1234,56`: a million rows of
 * them) give what the general readers give, cell for cell: the calendar's month lengths and
 * leap years, years Date.UTC reads otherwise, amounts in either language, and everything else
 * (thousands, signs, currency) still read the long way.
 */
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../electron/api/contract/validators';
import { DateColumnReader, parseDate, parseMoney } from '../../electron/services/import/values';
import { parseMoney as kernelMoney } from '../../kernel/numbers';

const two = (n: number) => String(n).padStart(2, '0');

describe('reading the cells of a sales file', () => {
  it('reads every dotted date as the calendar has it, day first unless told otherwise', () => {
    for (const year of ['2025', '2024', '2000', '1900', '2100', '0050', '0000']) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const iso = `${year}-${two(month)}-${two(day)}`;
          const expected = isCalendarDate(iso) ? iso : null;
          expect(parseDate(`${two(day)}.${two(month)}.${year}`, null)).toBe(expected);
          expect(parseDate(`${two(day)}.${two(month)}.${year}`, 'dmy')).toBe(expected);
        }
      }
    }
    expect(parseDate('29.02.2024', null)).toBe('2024-02-29');
    expect(parseDate('29.02.2025', null)).toBeNull();
    expect(parseDate('01.02.2025', 'mdy')).toBe('2025-01-02');
    expect(parseDate(' 05.01.2026 ', null)).toBe('2026-01-05');
    expect(parseDate('5.1.2026', null)).toBe('2026-01-05');
  });

  it("tells a date column's order from dotted dates as from any other short date", () => {
    // `31.12.2025` takes a short way; `31.12.25` the general one, which reads day and month
    // alike: each column must come out the same either way.
    const columns = [
      ['01.02.2025', '31.12.2025', '05.06.2025'],
      ['02.13.2025', '12.01.2025'],
      ['31.12.2025', '12.31.2025'],
      ['01.02.2025', '03.04.2025'],
      ['1a.02.2025', '2025-01-05'],
      ['99.99.9999', ' 07.08.2025 '],
    ];
    for (const values of columns) {
      const dotted = new DateColumnReader();
      const general = new DateColumnReader();
      for (const v of values) {
        dotted.add(v);
        general.add(v.replace(/^(\s*\d{2}\.\d{2}\.)\d{2}(\d{2}\s*)$/, '$1$2'));
      }
      expect(dotted.reading()).toBe(general.reading());
      expect(dotted.example).toBe(values[0]);
    }
  });

  it('reads amounts as the kernel does, in both languages', () => {
    const cells = [
      '1234,56',
      '1234.56',
      '1234,5',
      '1234.5',
      '0,05',
      '007',
      '0',
      '0,00',
      '9999999999999,99',
      '12,345',
      '1,234',
      '1 234,56',
      '-5,50',
      '(12,00)',
      '12,3456',
      '₽ 100',
      '100 руб.',
      '1.234,56',
      '',
      'много',
    ];
    for (const locale of ['ru', 'en'] as const) {
      for (const cell of cells) expect(parseMoney(cell, locale)).toBe(kernelMoney(cell, locale));
    }
    expect(parseMoney('1234,56', 'ru')).toBe(123456);
    expect(parseMoney('1234,5', 'en')).toBe(123450);
    expect(parseMoney('1,234', 'en')).toBe(123400);
  });
});
