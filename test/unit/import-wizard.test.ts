import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportCheck } from '../../electron/api/contract';
import { delimiterKey, encodingKey, readAs } from '../../renderer/src/features/import/describe';
import { columnPolicies } from '../../renderer/src/features/import/column-policies';
import { problemsCsv } from '../../renderer/src/features/import/problems-csv';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

beforeAll(async () => {
  await i18next.init({
    lng: 'ru',
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false },
    returnObjects: true,
    showSupportNotice: false,
  });
});

const check: ImportCheck = {
  total: 4,
  valid: 2,
  invalid: 1,
  willCreate: 2,
  willUpdate: 1,
  willSkip: 0,
  unchanged: 0,
  skippedByChoice: 0,
  merged: 0,
  blanked: 0,
  groups: [],
  groupsTotal: 0,
  groupColumns: [],
  errors: [{ row: 4, column: 'E-mail', value: 'a;b"c', message: 'Это не адрес почты.' }],
  errorsTotal: 1,
  duplicates: [
    { row: 3, matchedBy: 'phone', clientId: 'c1', name: 'Орлова Вера', firstRow: null },
    { row: 5, matchedBy: 'email', clientId: null, name: 'Иванова Мария', firstRow: 2 },
  ],
  duplicatesTotal: 2,
  newManagers: [],
};

describe('the import wizard', () => {
  it('names encodings and delimiters as people know them', () => {
    expect(i18next.t(encodingKey('windows-1251') ?? '')).toBe('Windows-1251');
    expect(i18next.t(encodingKey('utf-8-bom') ?? '')).toBe('UTF-8 с BOM');
    expect(i18next.t(encodingKey('utf-16le') ?? '')).toBe('UTF-16');
    expect(i18next.t(delimiterKey(';') ?? '')).toBe('точка с запятой');
    expect(i18next.t(delimiterKey('\t') ?? '')).toBe('табуляция');
    expect(encodingKey(null)).toBeNull();
  });

  it('shows what a date that reads both ways means in each order', () => {
    expect(readAs('03/04/1985', 'dmy')).toBe('3 апр 1985');
    expect(readAs('03/04/1985', 'mdy')).toBe('4 мар 1985');
    expect(readAs('13/04/1985', 'mdy')).toBeNull();
    expect(readAs('нет', 'dmy')).toBeNull();
  });

  it('writes the problems as a CSV Excel opens: BOM, the language’s separator, rows in order', () => {
    const text = problemsCsv(check, i18next.t, 'ru');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Строка;Вид;Столбец;Значение;Описание',
      '3;дубликат;телефону;Орлова Вера;уже есть в книге: Орлова Вера',
      '4;ошибка;E-mail;"a;b""c";Это не адрес почты.',
      '5;дубликат;почте;Иванова Мария;повторяет строку 2',
    ]);
    const english = problemsCsv(check, i18next.getFixedT('en'), 'en');
    expect(english.split('\r\n')[0]).toBe('\uFEFFRow,Kind,Column,Value,Problem');
    expect(english).toContain('4,error,E-mail,"a;b""c",Это не адрес почты.');
  });

  it('sends each mapped column’s bad-value policy: the user’s, else the field’s default', () => {
    const field = (key: string, badCell: 'blank' | 'skip' | 'fixed') => ({
      key,
      label: key,
      required: badCell === 'fixed',
      clientKey: false,
      badCell,
    });
    const fields = [
      field('name', 'fixed'),
      field('phone', 'skip'),
      field('birthday', 'blank'),
      field('address', 'blank'),
    ];
    const mapping = {
      ФИО: 'name',
      Телефон: 'phone',
      ДР: 'birthday',
      Адрес: 'address',
      Лишнее: null,
    };
    const chosen = { Телефон: 'blank' as const, Адрес: 'skip' as const };
    expect(columnPolicies(fields, mapping, chosen)).toEqual({
      Телефон: 'blank',
      ДР: 'blank',
      Адрес: 'skip',
    });
  });
});
