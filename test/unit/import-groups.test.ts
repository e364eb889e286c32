/**
 * Import must never mix two people (issue 11): rows of one file that match each other are
 * shown as groups and decided by the user; no card is built from two rows unless merged; every
 * row has one outcome and the counts add up, in the check and in the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportCheck, ImportResult, InputOf } from '../../electron/api/contract';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

const HEADER = ['Код', 'Наименование', 'E-mail', 'Телефон', 'ИНН'];
const MAPPING = {
  Код: 'externalId',
  Наименование: 'name',
  'E-mail': 'email',
  Телефон: 'phone',
  ИНН: 'taxId',
};
type Row = { code: string; name: string; email: string; phone: string; inn: string };

/**
 * The file of the issue: 300 rows of a 1C export; row 7 is Степанова, rows 72 and 82 repeat the
 * codes of rows 71 and 7 (ООО «СтройМаркет» with her code), and seven rows have a bad e-mail.
 */
function storyFile(): { file: string; rows: Map<number, Row> } {
  const rows = new Map<number, Row>();
  for (let row = 2; row <= 301; row += 1) {
    const n = String(row - 1).padStart(9, '0');
    rows.set(row, {
      code: n,
      name: `Клиент ${row}`,
      email: [10, 50, 90, 130, 170, 210, 250].includes(row) ? `bad${row}@@mail` : `c${row}@mail.ru`,
      phone: `+7 900 ${String(row).padStart(7, '0')}`,
      inn: '',
    });
  }
  rows.set(7, { ...rows.get(7)!, name: 'Степанова Ольга', email: 'stepanova@mail.ru' });
  rows.set(72, { ...rows.get(72)!, code: rows.get(71)!.code, name: 'Кузьмин Олег' });
  rows.set(82, {
    ...rows.get(82)!,
    code: rows.get(7)!.code,
    name: 'ООО «СтройМаркет»',
    email: 'info@stroymarket.ru',
    inn: '7701234567',
  });
  const lines = [
    HEADER,
    ...[...rows.values()].map((r) => [r.code, r.name, r.email, r.phone, r.inn]),
  ];
  const file = path.join(world.dir, 'клиенты-1с.csv');
  fs.writeFileSync(file, iconv.encode(lines.map((l) => l.join(';')).join('\r\n'), 'win1251'));
  world.app.ctx.importer.allowFile(file);
  return { file, rows };
}

type RunInput = InputOf<'import.run'>;
const input = (file: string, extra: Partial<RunInput> = {}): RunInput => ({
  path: file,
  target: 'clients',
  mapping: MAPPING,
  onDuplicate: 'update',
  onInvalid: 'skip',
  ...extra,
});

function addsUp(c: ImportCheck | ImportResult): void {
  if ('willCreate' in c) {
    expect(c.willCreate + c.willUpdate + c.willSkip + c.invalid).toBe(c.total);
  } else {
    expect(c.inserted + c.updated + c.skipped + c.invalid).toBe(c.total);
  }
}

/** Every live client's fields are those of exactly one row of the file. */
async function noCardMixesRows(rows: Map<number, Row>): Promise<void> {
  const { rows: clients } = await world.call('clients.list', { limit: 1000 });
  for (const c of clients) {
    const mine = [...rows.values()].filter((r) => r.name === c.name);
    expect(mine, c.name).toHaveLength(1);
    expect([c.externalId, c.email, c.phone], c.name).toEqual([
      mine[0]!.code,
      mine[0]!.email,
      mine[0]!.phone,
    ]);
  }
}

describe('duplicates inside one file: the story of the issue', () => {
  it('without a choice, each row stays itself: rows repeating a code are invalid, naming the row', async () => {
    const { file, rows } = storyFile();
    const check = await world.call('import.check', input(file));
    addsUp(check);
    expect(check).toMatchObject({ total: 300, willCreate: 291, invalid: 9, groupsTotal: 2 });
    expect(check.groupColumns).toEqual(HEADER);
    expect(check.groups.map((g) => [g.id, g.keys, g.chosen, g.rows.map((r) => r.row)])).toEqual([
      ['7', ['externalId'], false, [7, 82]],
      ['71', ['externalId'], false, [71, 72]],
    ]);
    // Every row of a group is shown whole.
    expect(check.groups[0]!.rows[1]).toMatchObject({
      row: 82,
      cells: [
        '000000006',
        'ООО «СтройМаркет»',
        'info@stroymarket.ru',
        rows.get(82)!.phone,
        '7701234567',
      ],
      client: null,
      outcome: 'invalid',
    });
    const row82 = check.errors.find((e) => e.row === 82)!;
    expect(row82.message).toBe(
      'Код «000000006» уже у строки 7 этого файла: выберите для их группы, какую строку оставить.',
    );

    const result = await world.call('import.run', input(file));
    addsUp(result);
    expect(result).toMatchObject({ inserted: 291, updated: 0, skipped: 0, invalid: 9, total: 300 });
    await noCardMixesRows(rows);
    const stepanova = await world.call('clients.list', { query: 'Степанова' });
    expect(stepanova.rows[0]).toMatchObject({
      name: 'Степанова Ольга',
      email: 'stepanova@mail.ru',
    });
  });

  it('keep the first, keep the last, skip: the others are left out, counted as skipped', async () => {
    const { file, rows } = storyFile();
    const first = await world.call('import.check', input(file, { groupChoice: 'first' }));
    addsUp(first);
    expect(first).toMatchObject({ willCreate: 291, willSkip: 2, skippedByChoice: 2, invalid: 7 });
    expect(first.groups.every((g) => g.chosen && g.choice === 'first')).toBe(true);
    expect(first.groups[0]!.rows.map((r) => r.outcome)).toEqual(['create', 'skip']);

    const last = await world.call('import.run', input(file, { groupChoice: 'last' }));
    addsUp(last);
    expect(last).toMatchObject({ inserted: 291, skipped: 2, skippedByChoice: 2, invalid: 7 });
    await noCardMixesRows(rows);
    const company = await world.call('clients.list', { query: 'СтройМаркет' });
    expect(company.rows[0]).toMatchObject({
      externalId: '000000006',
      email: 'info@stroymarket.ru',
      kind: 'company',
    });
    expect((await world.call('clients.list', { query: 'Степанова' })).total).toBe(0);
  });

  it('per-group choices override the one for all; merge builds one card only when chosen', async () => {
    const { file } = storyFile();
    const choices = { groupChoice: 'skip' as const, groupChoices: { '7': 'merge' as const } };
    const check = await world.call('import.check', input(file, choices));
    addsUp(check);
    expect(check.groups.map((g) => [g.id, g.choice])).toEqual([
      ['7', 'merge'],
      ['71', 'skip'],
    ]);
    expect(check.groups[0]!.rows.map((r) => r.outcome)).toEqual(['create', 'merge']);
    const result = await world.call('import.run', input(file, choices));
    addsUp(result);
    // Row 7 makes the card, row 82 is merged into it (counted as updated); 71, 72 skipped.
    expect(result).toMatchObject({ inserted: 290, updated: 1, merged: 1, skipped: 2, invalid: 7 });
    const card = await world.call('clients.list', {
      filters: [{ field: 'externalId', op: 'eq', value: '000000006' }],
    });
    expect(card.rows.map((r) => [r.name, r.email])).toEqual([
      ['ООО «СтройМаркет»', 'info@stroymarket.ru'],
    ]);
  });
});

describe('groups and the clients already in the workbook', () => {
  const write = (lines: string[]) => {
    const file = path.join(world.dir, 'g.csv');
    fs.writeFileSync(file, lines.join('\n'));
    world.app.ctx.importer.allowFile(file);
    return file;
  };
  const mapping = { Имя: 'name', Телефон: 'phone', Код: 'externalId', Адрес: 'address' };

  it('only one row of a group goes to the client it matches; with each, the others are new', async () => {
    const anna = await world.call('clients.create', {
      name: 'Анна',
      phone: '+7 (912) 345-67-89',
      externalId: 'K-1',
    });
    const file = write([
      'Имя;Телефон;Код;Адрес',
      'Анна Иванова;8 912 345 67 89;;Москва',
      'Анна Петровна;;K-1;Тула',
      'Вера;8 912 345 67 89;;Омск',
    ]);
    const base = {
      path: file,
      target: 'clients' as const,
      mapping,
      onDuplicate: 'update' as const,
    };
    const check = await world.call('import.check', base);
    addsUp(check);
    expect(check.groups).toHaveLength(1);
    expect(check.groups[0]).toMatchObject({ id: '2', keys: ['phone', 'client'] });
    expect(check.groups[0]!.rows.map((r) => [r.row, r.client?.id ?? null, r.outcome])).toEqual([
      [2, anna.id, 'update'],
      [3, anna.id, 'invalid'],
      [4, anna.id, 'create'],
    ]);
    expect(check.errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'Код «K-1» уже у клиента «Анна».'],
    ]);

    const result = await world.call('import.run', { ...base, onInvalid: 'skip' });
    addsUp(result);
    expect(result).toMatchObject({ inserted: 1, updated: 1, invalid: 1, total: 3 });
    expect(await world.call('clients.get', { id: anna.id })).toMatchObject({
      name: 'Анна Иванова',
      address: 'Москва',
      externalId: 'K-1',
    });
    const vera = await world.call('clients.list', { query: 'Вера' });
    expect(vera.rows.map((r) => [r.name, r.address, r.externalId])).toEqual([
      ['Вера', 'Омск', null],
    ]);
  });

  it('keep the last sends the last row to the client; merge sends them all, counted', async () => {
    const anna = await world.call('clients.create', {
      name: 'Анна',
      phone: '+7 (912) 345-67-89',
      externalId: 'K-1',
    });
    const file = write([
      'Имя;Телефон;Код;Адрес',
      'Анна И.;8 912 345 67 89;;Москва',
      'Анна П.;;K-1;',
    ]);
    const base = {
      path: file,
      target: 'clients' as const,
      mapping,
      onDuplicate: 'update' as const,
      onInvalid: 'skip' as const,
    };
    const last = await world.call('import.check', { ...base, groupChoice: 'last' });
    expect(last.groups[0]!.rows.map((r) => r.outcome)).toEqual(['skip', 'update']);
    const merged = await world.call('import.run', { ...base, groupChoice: 'merge' });
    addsUp(merged);
    expect(merged).toMatchObject({ inserted: 0, updated: 2, merged: 1, total: 2 });
    expect(await world.call('clients.get', { id: anna.id })).toMatchObject({
      name: 'Анна П.',
      address: 'Москва',
    });
    // The same file again changes nothing: both rows are counted, as unchanged.
    const again = await world.call('import.run', { ...base, groupChoice: 'merge' });
    addsUp(again);
    expect(again).toMatchObject({ updated: 0, skipped: 2, unchanged: 2 });
  });
});

describe('the Kartoteka id', () => {
  it('is suggested for the export’s column and finds the client before any other key', async () => {
    const a = await world.call('clients.create', { name: 'Анна', externalId: 'K-1' });
    const b = await world.call('clients.create', { name: 'Борис', phone: '+7 900 000-00-01' });
    const file = path.join(world.dir, 'export.csv');
    fs.writeFileSync(
      file,
      [
        'ID в Картотеке;Имя;Телефон;Код клиента',
        `${b.id};Борис Николаевич;+7 900 000-00-01;`,
        `${b.id.slice(0, -1)}x;Вера;;`,
        `${b.id};Борис-2;;K-1`,
      ].join('\n'),
    );
    world.app.ctx.importer.allowFile(file);
    const preview = await world.call('import.preview', { path: file, target: 'clients' });
    expect(preview.suggestedMapping['ID в Картотеке']).toBe('id');
    const mapping = Object.fromEntries(
      Object.entries(preview.suggestedMapping).filter((e): e is [string, string] => !!e[1]),
    );
    const check = await world.call('import.check', { path: file, target: 'clients', mapping });
    addsUp(check);
    expect(check.duplicates.map((d) => [d.row, d.matchedBy, d.clientId])).toEqual([
      [2, 'id', b.id],
      [4, 'id', b.id],
    ]);
    // Row 4 names Борис by id but gives Анна's code: refused, never moved onto Борис.
    const result = await world.call('import.run', {
      path: file,
      target: 'clients',
      mapping,
      onDuplicate: 'update',
      onInvalid: 'skip',
    });
    addsUp(result);
    expect(result).toMatchObject({ inserted: 1, updated: 1, invalid: 1 });
    expect(await world.call('clients.get', { id: b.id })).toMatchObject({
      name: 'Борис Николаевич',
      externalId: null,
    });
    expect((await world.call('clients.get', { id: a.id })).name).toBe('Анна');
  });

  it('finds the client of a sale; a client in the trash is refused by name', async () => {
    const a = await world.call('clients.create', { name: 'Анна' });
    const gone = await world.call('clients.create', { name: 'Глеб' });
    await world.call('clients.delete', { id: gone.id });
    const sales = path.join(world.dir, 'sales.csv');
    fs.writeFileSync(sales, `ID клиента в Картотеке;Дата;Сумма\n${a.id};2026-01-05;100\n`);
    world.app.ctx.importer.allowFile(sales);
    const preview = await world.call('import.preview', { path: sales, target: 'sales' });
    expect(preview.suggestedMapping['ID клиента в Картотеке']).toBe('id');
    const sold = await world.call('import.run', {
      path: sales,
      target: 'sales',
      mapping: { 'ID клиента в Картотеке': 'id', Дата: 'date', Сумма: 'amount' },
      onDuplicate: 'skip',
      onInvalid: 'skip',
    });
    expect(sold).toMatchObject({ inserted: 1, invalid: 0 });
    const file = path.join(world.dir, 'c.csv');
    fs.writeFileSync(file, `ID в Картотеке;Имя\n${gone.id};Глеб Новый\n`);
    world.app.ctx.importer.allowFile(file);
    const check = await world.call('import.check', {
      path: file,
      target: 'clients',
      mapping: { 'ID в Картотеке': 'id', Имя: 'name' },
    });
    expect(check).toMatchObject({ invalid: 1, willCreate: 0 });
    expect(check.errors[0]!.message).toBe(
      `Клиент с ID в Картотеке «${gone.id}» («Глеб») в корзине: сначала восстановите его.`,
    );
  });
});
