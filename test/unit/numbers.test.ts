/**
 * One table of numbers as people write them, read by the kernel, by the card's inputs (the
 * renderer's money helpers) and by the import's cell conversion: all three agree on every row.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldDef } from '../../electron/api/contract';
import { convertCell, type ConvertContext } from '../../electron/services/import/convert';
import { SALE_TARGET, targetFields } from '../../electron/services/import/targets';
import { numberConvention } from '../../electron/services/import/values';
import { minorToDecimal, parseMoney, parseNumber, type NumberLocale } from '../../kernel/numbers';
import * as renderer from '../../renderer/src/lib/money';
import { makeWorld } from '../helpers/world';

/** [text, locale, number, money in minor units]; null: "not a number" / "not an amount". */
const TABLE: [string, NumberLocale, number | null, number | null][] = [
  ['1 234,56', 'ru', 1234.56, 123456],
  ['1 234,56', 'en', 1234.56, 123456],
  ['1\u00a0234,5', 'ru', 1234.5, 123450],
  ['1\u202f234\u202f567,89 ₽', 'ru', 1234567.89, 123456789],
  ['1\u2009000\u2009000 ₽', 'ru', 1000000, 100000000],
  ['₽1,234,567.89', 'en', 1234567.89, 123456789],
  ['-₽1,234.50', 'en', -1234.5, -123450],
  ['1 234.5', 'ru', 1234.5, 123450],
  // A single comma: decimal in Russian; in English, thousands when three digits follow it.
  ['1,234', 'ru', 1.234, null],
  ['1,234', 'en', 1234, 123400],
  ['1,5', 'ru', 1.5, 150],
  ['1,5', 'en', 1.5, 150],
  ['1,500', 'ru', 1.5, 150],
  ['1,500', 'en', 1500, 150000],
  ['0,123', 'en', 0.123, null],
  ['12345,678', 'en', 12345.678, null],
  // A single dot is decimal in both.
  ['1.234', 'ru', 1.234, null],
  ['1.234', 'en', 1.234, null],
  ['0.10', 'ru', 0.1, 10],
  ['.5', 'en', 0.5, 50],
  // Several of one kind: thousands groups.
  ['1.234.567', 'ru', 1234567, 123456700],
  ['1,234,567', 'ru', 1234567, 123456700],
  ['1,234,567', 'en', 1234567, 123456700],
  ['1.2.3', 'ru', null, null],
  ['1,2,3', 'en', null, null],
  // Both: the later one is decimal.
  ['1.234,5', 'en', 1234.5, 123450],
  ['1,234.5', 'ru', 1234.5, 123450],
  ['12,345.678', 'en', 12345.678, null],
  ['12.345.678,90', 'ru', 12345678.9, 1234567890],
  ['1,23.4', 'en', null, null],
  // Signs and currencies.
  ['(1 200)', 'ru', -1200, -120000],
  ['−5,5', 'ru', -5.5, -550],
  ['-0,05', 'ru', -0.05, -5],
  ['+12', 'en', 12, 1200],
  ['100 руб.', 'ru', 100, 10000],
  ['100 р.', 'ru', 100, 10000],
  ['100р', 'ru', 100, 10000],
  ['€ 50', 'en', 50, 5000],
  ['50 RUB', 'en', 50, 5000],
  // Not numbers.
  ['много', 'ru', null, null],
  ['+7 (901) 872-17-84', 'ru', null, null],
  ['1e5', 'en', null, null],
  ['5.', 'en', null, null],
  ['--5', 'ru', null, null],
  ['12:30', 'ru', null, null],
];

const money: FieldDef = {
  id: 'f1',
  key: 'limit',
  label: 'Лимит',
  type: 'money',
  options: [],
  group: null,
  position: 0,
  retiredAt: null,
};
const number: FieldDef = { ...money, id: 'f2', key: 'area', label: 'Площадь', type: 'number' };
const fields = targetFields('clients', [money, number]);
const field = (list: typeof fields, key: string) => list.find((f) => f.key === key)!;

function ctx(locale: NumberLocale): ConvertContext {
  return {
    locale: 'ru',
    today: '2026-11-30',
    dateOrders: {},
    numbers: { locale, sheet: false },
  };
}

/** The import's reading of a cell: the value, or null when the cell is refused. */
function imported(f: (typeof fields)[number], text: string, locale: NumberLocale) {
  const converted = convertCell(f, 'column', text, ctx(locale));
  return converted.ok ? converted.value : null;
}

beforeAll(async () => {
  await i18next.init({ lng: 'ru', resources: {} });
});

describe('one number parser for the card and the import', () => {
  it.each(TABLE)('%j (%s) → %s, money %s', async (text, locale, n, minor) => {
    expect(parseNumber(text, locale)).toBe(n);
    expect(parseMoney(text, locale)).toBe(minor);

    await i18next.changeLanguage(locale);
    expect(renderer.parseNumber(text)).toBe(n);
    expect(renderer.parseMoney(text)).toBe(minor);

    expect(imported(field(SALE_TARGET, 'quantity'), text, locale)).toBe(n);
    expect(imported(field(SALE_TARGET, 'amount'), text, locale)).toBe(minor);
    expect(imported(field(fields, 'custom.area'), text, locale)).toBe(n);
    expect(imported(field(fields, 'custom.limit'), text, locale)).toBe(minor);
  });

  it('reads a file in its own convention: ; is Russian, a comma English, else the workbook', () => {
    expect(numberConvention(';', 'en')).toBe('ru');
    expect(numberConvention(',', 'ru')).toBe('en');
    expect(numberConvention('\t', 'ru')).toBe('ru');
    expect(numberConvention(null, 'en')).toBe('en');
  });

  it('takes an Excel number as a number and rounds money to the kopeck', () => {
    const sheet: ConvertContext = { ...ctx('ru'), numbers: { locale: 'ru', sheet: true } };
    const read = (key: string, text: string) => {
      const converted = convertCell(field(fields, key), 'column', text, sheet);
      return converted.ok ? converted.value : null;
    };
    expect(read('custom.limit', '1481.472')).toBe(148147);
    expect(read('custom.limit', '0.30000000000000004')).toBe(30);
    expect(read('custom.area', '1e+21')).toBe(1e21);
    expect(read('custom.area', '1234.5')).toBe(1234.5);
    // A text cell of the workbook still reads in the workbook's language.
    expect(read('custom.limit', '1 234,5')).toBe(123450);
  });

  it('writes minor units the way it reads them back', () => {
    for (const minor of [0, 5, -5, 123456, -123456, 100000000]) {
      expect(parseMoney(minorToDecimal(minor, ','), 'ru')).toBe(minor);
      expect(parseMoney(minorToDecimal(minor, '.'), 'en')).toBe(minor);
    }
    expect(minorToDecimal(-123456)).toBe('-1234.56');
  });
});

describe('amounts in imported files', () => {
  /** Imports one sale per amount from a file and returns what was stored, or the error. */
  async function importAmounts(name: string, content: Buffer | string) {
    const world = makeWorld({ locale: 'ru' });
    try {
      const { id } = await world.call('clients.create', { name: 'Покупатель', externalId: 'К-1' });
      const file = path.join(world.dir, name);
      fs.writeFileSync(file, content);
      world.app.ctx.importer.allowFile(file);
      const result = await world.call('import.run', {
        path: file,
        target: 'sales',
        mapping: { 'Код клиента': 'externalId', Дата: 'date', Сумма: 'amount' },
        onDuplicate: 'create',
        onInvalid: 'skip',
      });
      const sales = await world.call('sales.list', { clientId: id });
      return {
        amounts: sales.map((s) => s.amount).sort((a, b) => a - b),
        errors: result.errors.map((e) => e.value),
      };
    } finally {
      world.dispose();
    }
  }

  it('reads "1,234" as 1 234 in a comma-separated file and refuses it in a Russian one', async () => {
    const english = 'Код клиента,Дата,Сумма\r\nК-1,2026-01-05,"1,234"\r\nК-1,2026-01-06,99.5\r\n';
    expect(await importAmounts('en.csv', english)).toEqual({
      amounts: [9950, 123400],
      errors: [],
    });
    const russian = 'Код клиента;Дата;Сумма\r\nК-1;2026-01-05;1,234\r\nК-1;2026-01-06;1 234,5\r\n';
    expect(await importAmounts('ru.csv', russian)).toEqual({
      amounts: [123450],
      errors: ['1,234'],
    });
  });

  it('takes Excel numbers as numbers, rounded to the kopeck', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Продажи');
    sheet.addRow(['Код клиента', 'Дата', 'Сумма']);
    sheet.addRow(['К-1', '2026-01-05', 1481.472]);
    sheet.addRow(['К-1', '2026-01-06', '1 234,5']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importAmounts('sales.xlsx', bytes)).toEqual({
      amounts: [123450, 148147],
      errors: [],
    });
  });
});
