/**
 * A month shown on its own (a chart's axis, a period menu) is in the nominative: "май 26", not
 * "мая 26" as in the date "12 мая 2026".
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthLabel } from '../../renderer/src/features/analytics/format';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { formatDate, formatMonth, monthNames } from '../../renderer/src/lib/format';

beforeAll(async () => {
  await i18next.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'ru',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

describe('month labels', () => {
  it('Russian: "май 26" on charts and in menus, "14 мая 2026" in a date', async () => {
    await i18next.changeLanguage('ru');
    expect(formatMonth('2026-05')).toBe('май 26');
    expect(formatMonth('2026-05-14')).toBe('май 26');
    expect(monthLabel('2026-05')).toBe('май 26');
    expect(monthNames()[4]).toBe('май');
    expect(formatDate('2026-05-14')).toBe('14 мая 2026');
    // Every standalone name is a month's nominative (Intl's own standalone form agrees).
    const intl = Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat('ru', { month: 'long' }).format(new Date(2026, m, 1)),
    );
    monthNames().forEach((name, m) => expect(intl[m]?.startsWith(name), name).toBe(true));
  });

  it('English: "May 26"', async () => {
    await i18next.changeLanguage('en');
    expect(formatMonth('2026-05')).toBe('May 26');
    expect(monthLabel('2026-11')).toBe('Nov 26');
    expect(formatDate('2026-05-14')).toBe('May 14, 2026');
  });

  it('the names follow the language back and forth, and a new init with other words', async () => {
    await i18next.changeLanguage('ru');
    expect(formatDate('2026-01-02')).toBe('2 янв 2026');
    await i18next.changeLanguage('en');
    expect(formatDate('2026-01-02')).toBe('Jan 2, 2026');
    expect(monthNames()[0]).toBe('Jan');
    await i18next.changeLanguage('ru');
    expect(formatDate('2026-01-02')).toBe('2 янв 2026');
    expect(monthNames()[0]).toBe('янв');
    const other = { ...ru, months: ru.months.map((m) => m.toUpperCase()) };
    await i18next.init({
      resources: { en: { translation: en }, ru: { translation: other } },
      lng: 'ru',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    expect(formatDate('2026-01-02')).toBe('2 ЯНВ 2026');
  });
});
