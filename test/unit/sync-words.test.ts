/**
 * A conflict reads like the card: the field by its label and each value in the user's words
 * (a stage, a manager's name, a sale's money), whatever table of the hub it came from; and the
 * rail's "synced 5 minutes ago" says how long in the user's language.
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../electron/api/contract';
import type { Lookups } from '../../renderer/src/features/card/values';
import {
  conflictLabel,
  conflictValue,
  recordWord,
} from '../../renderer/src/features/sync/conflict-words';
import { timeAgo } from '../../renderer/src/features/sync/relative-time';
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

const lookups: Lookups = {
  fields: [
    {
      id: 'f1',
      key: 'area',
      label: 'Площадь, м²',
      type: 'number',
      options: [],
      group: null,
      position: 0,
      retiredAt: null,
    },
  ],
  managers: [{ id: 'm1', name: 'Сидорова А.', email: null, active: true }],
};

const side = (value: unknown) => ({
  value,
  deviceId: 'd',
  deviceName: 'Ноутбук',
  actor: 'Петров',
  at: '2026-11-30T10:00:00.000Z',
});
const conflict = (entity: string, field: string, mine: unknown, theirs: unknown): SyncConflict => ({
  id: 'c',
  entity,
  rowId: 'r',
  clientId: 'r',
  clientName: 'Иванова',
  field,
  mine: side(mine),
  theirs: side(theirs),
  winner: 'theirs',
  detectedAt: '2026-11-30T10:00:00.000Z',
  resolvedAt: null,
});
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a conflict in the card’s words', () => {
  it('Russian: standard fields, custom fields, managers, stages, sales', async () => {
    await i18next.changeLanguage('ru');
    const phone = conflict('clients', 'phone', '+7 912 000-00-00', null);
    expect(conflictLabel(phone, lookups, t)).toBe('Телефон');
    expect(conflictValue(phone, phone.theirs.value, lookups, t)).toBe('пусто');
    expect(recordWord(phone, t)).toBeNull();

    const stage = conflict('clients', 'stage', 'regular', 'lost');
    expect(conflictLabel(stage, lookups, t)).toBe('Этап');
    expect(conflictValue(stage, stage.mine.value, lookups, t)).toBe('Постоянный');

    const manager = conflict('clients', 'managerId', 'm1', null);
    expect(conflictValue(manager, manager.mine.value, lookups, t)).toBe('Сидорова А.');

    const area = conflict('clients', 'custom.area', 1250.5, 80);
    expect(conflictLabel(area, lookups, t)).toBe('Площадь, м²');
    expect(spaces(conflictValue(area, area.mine.value, lookups, t))).toBe('1 250,5');

    const sale = conflict('sales', 'amount', 150000, 120000);
    expect(recordWord(sale, t)).toBe('Продажа');
    expect(spaces(conflictValue(sale, sale.mine.value, lookups, t))).toBe('1 500,00 ₽');
  });

  it('English', async () => {
    await i18next.changeLanguage('en');
    const stage = conflict('clients', 'stage', 'regular', 'lost');
    expect(conflictLabel(stage, lookups, t)).toBe('Stage');
    expect(conflictValue(stage, stage.theirs.value, lookups, t)).toBe('Lost');
    expect(recordWord(conflict('comments', 'body', 'a', 'b'), t)).toBe('Comment');
  });
});

describe('how long since the last sync', () => {
  const at = '2026-11-30T10:00:00.000Z';
  const after = (minutes: number) => Date.parse(at) + minutes * 60_000;

  it('in Russian and English, "just now" under a minute and for a clock a little ahead', async () => {
    await i18next.changeLanguage('ru');
    expect(timeAgo(at, after(0.5))).toBe('только что');
    expect(timeAgo(at, after(-0.2))).toBe('только что');
    expect(timeAgo(at, after(5))).toBe('5 минут назад');
    expect(timeAgo(at, after(62))).toBe('1 час назад');
    expect(timeAgo(at, after(3 * 24 * 60))).toBe('3 дня назад');
    await i18next.changeLanguage('en');
    expect(timeAgo(at, after(5))).toBe('5 minutes ago');
    expect(timeAgo(at, after(0.5))).toBe('just now');
  });
});
