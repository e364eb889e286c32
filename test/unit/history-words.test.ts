/**
 * Changes of a sale or a plan read in words in the History, not as column names and kopecks
 * ("amount: 150000 → 120000" becomes "Продажа, сумма: 1 500,00 ₽ → 1 200,00 ₽").
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/api/contract';
import { changeLabel, changeValue, type Lookups } from '../../renderer/src/features/card/values';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

let t: TFunction;
beforeAll(async () => {
  t = await i18next.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'ru',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

const lookups: Lookups = { fields: [], managers: [] };
const entry = (entity: string, field: string): HistoryEntry => ({
  id: '1',
  entity,
  field,
  oldValue: null,
  newValue: null,
  actor: 'Петров',
  at: '2026-05-14T10:00:00.000Z',
  batchId: 'b',
  batchKind: 'edit',
  creation: false,
  batchLabel: null,
});
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('sale and plan changes in words', () => {
  it('Russian', async () => {
    await i18next.changeLanguage('ru');
    const amount = entry('sale', 'amount');
    expect(changeLabel(amount, lookups, t)).toBe('Продажа, сумма');
    expect(spaces(changeValue(amount, 150_000, lookups, t))).toBe('1 500,00 ₽');
    const date = entry('sale', 'date');
    expect(changeLabel(date, lookups, t)).toBe('Продажа, дата');
    expect(changeValue(date, '2026-05-14', lookups, t)).toBe('14 мая 2026');
    expect(changeLabel(entry('sale', 'created'), lookups, t)).toBe('Продажа, добавлена');
    const plan = entry('plan', 'potential');
    expect(changeLabel(plan, lookups, t)).toBe('Потенциал');
    expect(spaces(changeValue(plan, 5_000_000, lookups, t))).toBe('50 000,00 ₽');
  });

  it('English', async () => {
    await i18next.changeLanguage('en');
    expect(changeLabel(entry('sale', 'quantity'), lookups, t)).toBe('Sale, quantity');
    expect(changeValue(entry('sale', 'margin'), 12_345, lookups, t)).toBe('₽123.45');
  });
});
