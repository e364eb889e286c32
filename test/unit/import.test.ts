/**
 * Importing files through the real dispatch on a real workbook: every format the issue names,
 * built here as small fixture files; mapping, duplicates, all-or-nothing, undo, sales.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../electron/api/contract';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

/** Writes a file and hands it to the import, as an upload to the browser shell does. */
function write(name: string, content: Buffer | string): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, content);
  world.app.ctx.importer.allowFile(file);
  return file;
}

const RU_CSV = [
  'ФИО;Телефон;E-mail;Дата рождения;Код клиента;Сумма покупок',
  'Иванова Мария;8 (912) 345-67-89;maria@example.ru;31.12.1985;К-001;1 234,50',
  '"Петров Пётр; ИП";+7 912 000-11-22;petrov@example.ru;01.02.1990;К-002;99,9',
  '"Сидорова Анна";+79120003344;;;К-003;',
].join('\r\n');

type RunInput = InputOf<'import.run'>;
const run = (input: Partial<RunInput> & { path: string }) =>
  world.call('import.run', {
    target: 'clients',
    onDuplicate: 'update',
    onInvalid: 'skip',
    mapping: {},
    ...input,
  });

describe('reading files', () => {
  it('reads Windows-1251 with semicolons and suggests the mapping from Russian headers', async () => {
    const file = write('clients.csv', iconv.encode(RU_CSV, 'win1251'));
    const preview = await world.call('import.preview', { path: file, target: 'clients' });
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      totalRows: 3,
      headers: ['ФИО', 'Телефон', 'E-mail', 'Дата рождения', 'Код клиента', 'Сумма покупок'],
    });
    expect(preview.rows[1]![0]).toBe('Петров Пётр; ИП');
    expect(preview.suggestedMapping).toEqual({
      ФИО: 'name',
      Телефон: 'phone',
      'E-mail': 'email',
      'Дата рождения': 'birthday',
      'Код клиента': 'externalId',
      'Сумма покупок': null,
    });
    expect(preview.dateColumns['Дата рождения']).toBe('dmy');
    expect(preview.fields.find((f) => f.key === 'name')).toMatchObject({
      label: 'Имя / название',
      required: true,
    });
  });

  it.each([
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU_CSV)]),
      'utf-8-bom',
    ],
    ['UTF-8 without a BOM', Buffer.from(RU_CSV), 'utf-8'],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RU_CSV, 'utf-16le')]),
      'utf-16le',
    ],
    ['UTF-16LE without a BOM', iconv.encode(RU_CSV, 'utf-16le'), 'utf-16le'],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RU_CSV, 'utf-16be')]),
      'utf-16be',
    ],
  ])('reads %s', async (_name, bytes, encoding) => {
    const file = write('clients.csv', bytes);
    const preview = await world.call('import.preview', { path: file, target: 'clients' });
    expect(preview.encoding).toBe(encoding);
    expect(preview.headers[0]).toBe('ФИО');
    expect(preview.rows[0]![0]).toBe('Иванова Мария');
    expect(preview.rows[1]![0]).toBe('Петров Пётр; ИП');
  });

  it('detects comma and tab delimiters and keeps quoted newlines and quotes', async () => {
    const comma = write(
      'a.csv',
      'Name,Phone,Note\n"Smith, John",+1 555 0100,"line one\nline two"\n"O""Brien",555-0101,plain\n',
    );
    const p1 = await world.call('import.preview', { path: comma, target: 'clients' });
    expect(p1.delimiter).toBe(',');
    expect(p1.rows).toEqual([
      ['Smith, John', '+1 555 0100', 'line one\nline two'],
      ['O"Brien', '555-0101', 'plain'],
    ]);
    expect(p1.suggestedMapping).toEqual({ Name: 'name', Phone: 'phone', Note: 'note' });
    const tab = write('b.tsv', 'Name\tEmail\nAnn\tann@example.com\n');
    const p2 = await world.call('import.preview', { path: tab, target: 'clients' });
    expect(p2.delimiter).toBe('\t');
    expect(p2.rows).toEqual([['Ann', 'ann@example.com']]);
  });

  it('reads the first sheet of an xlsx, or the one chosen, with real dates and numbers', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('Клиенты');
    first.addRow(['Имя', 'Телефон', 'Дата рождения', 'Площадь']);
    first.addRow(['Анна', '+7 900 111-22-33', new Date(Date.UTC(1990, 4, 17)), 12.5]);
    const second = book.addWorksheet('Продажи');
    second.addRow(['Код клиента', 'Дата', 'Сумма']);
    second.addRow(['K1', new Date(Date.UTC(2026, 0, 5)), 1500.5]);
    const file = write('book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const p1 = await world.call('import.preview', { path: file, target: 'clients' });
    expect(p1).toMatchObject({ format: 'xlsx', sheets: ['Клиенты', 'Продажи'], sheet: 'Клиенты' });
    expect(p1.rows[0]).toEqual(['Анна', '+7 900 111-22-33', '1990-05-17', '12.5']);
    const p2 = await world.call('import.preview', {
      path: file,
      target: 'sales',
      sheet: 'Продажи',
    });
    expect(p2.rows[0]).toEqual(['K1', '2026-01-05', '1500.5']);
    expect(p2.suggestedMapping).toEqual({
      'Код клиента': 'externalId',
      Дата: 'date',
      Сумма: 'amount',
    });
  });

  it('asks for the order of day and month when dates read both ways, then honours it', async () => {
    const file = write('us.csv', 'Name,Birthday\nAnn,01/02/1990\nBob,03/04/1991\n');
    const mapping = { Name: 'name', Birthday: 'birthday' };
    const refused = await world.send('import.check', { path: file, target: 'clients', mapping });
    expect(refused).toMatchObject({ ok: false, error: { field: 'dateOrders.Birthday' } });
    if (!refused.ok) expect(refused.error.message).toContain('01/02/1990');
    await run({ path: file, mapping, dateOrders: { Birthday: 'mdy' } });
    const { rows } = await world.call('clients.list', { sort: { field: 'name', dir: 'asc' } });
    expect(rows.map((r) => r.birthday)).toEqual(['1990-01-02', '1991-03-04']);
    // 12/31/2025 reads one way only: month first, no question asked.
    const us = write('us2.csv', 'Name,Birthday\nCy,12/31/1985\n');
    const preview = await world.call('import.preview', { path: us, target: 'clients' });
    expect(preview.dateColumns['Birthday']).toBe('mdy');
  });
});

describe('importing clients', () => {
  const mapping = {
    ФИО: 'name',
    Телефон: 'phone',
    'E-mail': 'email',
    'Дата рождения': 'birthday',
    'Код клиента': 'externalId',
  };

  it('creates the clients in one batch, findable by search, and remembers the mapping', async () => {
    const file = write('clients.csv', iconv.encode(RU_CSV, 'win1251'));
    const result = await run({ path: file, mapping: { ...mapping, 'Сумма покупок': null } });
    expect(result).toMatchObject({
      inserted: 3,
      updated: 0,
      skipped: 0,
      errors: [],
      aborted: false,
    });
    const found = await world.call('clients.list', { query: 'петров' });
    expect(found.rows.map((r) => r.name)).toEqual(['Петров Пётр; ИП']);
    expect(found.rows[0]).toMatchObject({ birthday: '1990-02-01', externalId: 'К-002' });
    const byPhone = await world.call('clients.list', { query: '912 345' });
    expect(byPhone.rows.map((r) => r.name)).toEqual(['Иванова Мария']);
    const [batch] = await world.call('history.batches', { limit: 1 });
    expect(batch).toMatchObject({
      id: result.batchId,
      kind: 'import',
      label: 'clients.csv',
      clients: 3,
    });
    // The next file with these headers comes pre-mapped, the skipped column too.
    const again = await world.call('import.preview', { path: file, target: 'clients' });
    expect(again.suggestedMapping).toEqual({ ...mapping, 'Сумма покупок': null });
  });

  it('fills custom fields, tags, stage and managers (adding the ones the file names)', async () => {
    await world.call('fields.define', { key: 'area', label: 'Площадь магазина', type: 'number' });
    await world.call('fields.define', { key: 'vip', label: 'VIP', type: 'boolean' });
    await world.call('fields.define', {
      key: 'seg',
      label: 'Сегмент',
      type: 'choice',
      options: ['Опт', 'Розница'],
    });
    const file = write(
      'c.csv',
      'Имя;Площадь магазина;VIP;Сегмент;Теги;Этап;Менеджер\nООО Ромашка;120,5;да;опт;новый, север;постоянный;Петров\n',
    );
    const preview = await world.call('import.preview', { path: file, target: 'clients' });
    expect(preview.suggestedMapping).toEqual({
      Имя: 'name',
      'Площадь магазина': 'custom.area',
      VIP: 'custom.vip',
      Сегмент: 'custom.seg',
      Теги: 'tags',
      Этап: 'stage',
      Менеджер: 'manager',
    });
    const mappingAll = Object.fromEntries(
      Object.entries(preview.suggestedMapping).filter((e): e is [string, string] => e[1] !== null),
    );
    await run({ path: file, mapping: mappingAll });
    const { rows } = await world.call('clients.list', {});
    const managers = await world.call('managers.list', undefined);
    expect(managers.map((m) => m.name)).toEqual(['Петров']);
    expect(rows[0]).toMatchObject({
      name: 'ООО Ромашка',
      tags: ['новый', 'север'],
      stage: 'regular',
      managerId: managers[0]!.id,
      custom: { area: 120.5, vip: true, seg: 'Опт' },
    });
    const found = await world.call('clients.list', { query: 'ромашка' });
    expect(found.total).toBe(1);
  });

  it('reports bad rows by row and column; skip imports the rest, abort imports nothing', async () => {
    const file = write(
      'bad.csv',
      'Name,Email,Birthday\nGood,good@example.com,1990-01-01\nBad mail,not-an-email,1990-01-01\n,x@example.com,\nBad day,ok@example.com,31.02.1990\n',
    );
    const mappingEn = { Name: 'name', Email: 'email', Birthday: 'birthday' };
    world.app.wb.sqlite.exec("UPDATE settings SET value = '\"en\"' WHERE key = 'language'");
    await world.call('settings.set', { language: 'en' });
    const check = await world.call('import.check', {
      path: file,
      target: 'clients',
      mapping: mappingEn,
    });
    expect(check).toMatchObject({ total: 4, valid: 1, invalid: 3, willCreate: 1, errorsTotal: 3 });
    expect(check.errors).toEqual([
      {
        row: 3,
        column: 'Email',
        value: 'not-an-email',
        message: 'This is not an email address (expected name@example.com).',
      },
      { row: 4, column: 'Name', value: '', message: 'This field is required.' },
      { row: 5, column: 'Birthday', value: '31.02.1990', message: '"31.02.1990" is not a date.' },
    ]);
    const before = world.count('clients');
    const aborted = await run({ path: file, mapping: mappingEn, onInvalid: 'abort' });
    expect(aborted).toMatchObject({ batchId: null, inserted: 0, aborted: true, errorsTotal: 3 });
    expect(world.count('clients')).toBe(before);
    expect(world.count('batches')).toBe(0);
    const skipped = await run({ path: file, mapping: mappingEn, onInvalid: 'skip' });
    // Issue 11: bad rows are counted as invalid, apart from skipped ones, and the counts add up.
    expect(skipped).toMatchObject({
      inserted: 1,
      skipped: 0,
      invalid: 3,
      total: 4,
      errorsTotal: 3,
    });
  });

  it('finds duplicates by normalized phone, email and tax id; update, skip or create', async () => {
    const anna = await world.call(
      'clients.create',
      makeClient({ name: 'Анна', phone: '+7 (912) 345-67-89' }),
    );
    const boris = await world.call(
      'clients.create',
      makeClient({ name: 'Борис', email: 'Boris@Example.com', phone: null }),
    );
    const vera = await world.call(
      'clients.create',
      makeClient({ name: 'Вера', taxId: '7707083893', phone: null }),
    );
    const file = write(
      'dup.csv',
      [
        'Имя;Телефон;Почта;ИНН;Адрес',
        'Анна Иванова;8 912 345 67 89;;;Москва',
        'Борис;;boris@example.COM;;Казань',
        'Вера;;;7707 083 893;Тула',
        'Новый;+7 999 000-00-01;;;Омск',
        'Новый повтор;8 999 000 00 01;;;Омск, центр',
      ].join('\n'),
    );
    const mapping = {
      Имя: 'name',
      Телефон: 'phone',
      Почта: 'email',
      ИНН: 'taxId',
      Адрес: 'address',
    };
    const check = await world.call('import.check', {
      path: file,
      target: 'clients',
      mapping,
      onDuplicate: 'update',
    });
    expect(check.duplicates).toEqual([
      { row: 2, matchedBy: 'phone', clientId: anna.id, name: 'Анна', firstRow: null },
      { row: 3, matchedBy: 'email', clientId: boris.id, name: 'Борис', firstRow: null },
      { row: 4, matchedBy: 'taxId', clientId: vera.id, name: 'Вера', firstRow: null },
      { row: 6, matchedBy: 'phone', clientId: null, name: 'Новый', firstRow: 5 },
    ]);
    // Rows 5 and 6 match each other: a group. Without a choice for it, each is its own client
    // (issue 11: a card is never built from two rows unless the user chose to merge them).
    expect(check).toMatchObject({ willCreate: 2, willUpdate: 3, willSkip: 0, groupsTotal: 1 });
    expect(check.groups[0]).toMatchObject({
      id: '5',
      keys: ['phone'],
      choice: 'each',
      chosen: false,
    });

    const skip = await world.call('import.check', {
      path: file,
      target: 'clients',
      mapping,
      onDuplicate: 'skip',
    });
    expect(skip).toMatchObject({ willCreate: 2, willUpdate: 0, willSkip: 3 });
    const create = await world.call('import.check', {
      path: file,
      target: 'clients',
      mapping,
      onDuplicate: 'create',
    });
    expect(create).toMatchObject({ willCreate: 5, willUpdate: 0, willSkip: 0 });

    // Merged only because the user chose so: one client, the later row's values over the first.
    const result = await run({ path: file, mapping, onDuplicate: 'update', groupChoice: 'merge' });
    expect(result).toMatchObject({ inserted: 1, updated: 4, merged: 1, duplicates: 4, total: 5 });
    expect(await world.call('clients.get', { id: anna.id })).toMatchObject({
      name: 'Анна Иванова',
      address: 'Москва',
    });
    const merged = await world.call('clients.list', { query: 'омск' });
    expect(merged.rows.map((r) => [r.name, r.address])).toEqual([['Новый повтор', 'Омск, центр']]);
  });

  it('undoes the whole import in one step: new clients to the trash, updates put back', async () => {
    const anna = await world.call(
      'clients.create',
      makeClient({ name: 'Анна', phone: '+7 912 345-67-89', email: 'old@example.ru' }),
    );
    const file = write(
      'u.csv',
      'Имя;Телефон;Почта\nАнна;89123456789;new@example.ru\nБорис;+7 900 1;\nВера;;vera@example.ru\n',
    );
    const mapping = { Имя: 'name', Телефон: 'phone', Почта: 'email' };
    const result = await run({ path: file, mapping });
    expect(result).toMatchObject({ inserted: 2, updated: 1 });
    expect((await world.call('clients.get', { id: anna.id })).email).toBe('new@example.ru');
    const undo = await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(undo.skipped).toBe(0);
    expect((await world.call('clients.get', { id: anna.id })).email).toBe('old@example.ru');
    const live = await world.call('clients.list', {});
    expect(live.rows.map((r) => r.name)).toEqual(['Анна']);
    const trash = await world.call('clients.list', { trash: true });
    expect(trash.rows.map((r) => r.name).sort()).toEqual(['Борис', 'Вера']);
    expect((await world.call('clients.list', { query: 'vera' })).total).toBe(0);
  });

  it('refuses a mapping that names a missing column, an unknown field or a field twice', async () => {
    const file = write('m.csv', 'A,B\n1,2\n');
    const cases: [Record<string, string | null>, string][] = [
      [{ A: 'name', C: 'phone' }, 'mapping'],
      [{ A: 'name', B: 'shoeSize' }, 'mapping.B'],
      [{ A: 'name', B: 'name' }, 'mapping.B'],
      [{ A: 'phone' }, 'mapping'],
    ];
    for (const [mapping, field] of cases) {
      const envelope = await world.send('import.run', {
        path: file,
        target: 'clients',
        mapping,
        onDuplicate: 'update',
        onInvalid: 'skip',
      });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
    expect(world.count('clients')).toBe(0);
  });
});

describe('importing sales', () => {
  it('matches clients by code or phone, reads decimal commas, skips re-imported sales', async () => {
    const a = await world.call(
      'clients.create',
      makeClient({ name: 'А', externalId: 'K1', phone: null }),
    );
    const b = await world.call(
      'clients.create',
      makeClient({ name: 'Б', phone: '+7 912 111-22-33' }),
    );
    const file = write(
      's.csv',
      [
        'Код клиента;Телефон;Дата;Сумма;Маржа;Категория;Номер документа',
        'K1;;05.01.2026;1 500,50;300;Плитка;Д-1',
        ';8 912 111 22 33;2026-01-06;"2 000,00";;Обои;Д-2',
        'K9;;07.01.2026;10;;;Д-3',
        'K1;;32.01.2026;10;;;Д-4',
      ].join('\n'),
    );
    const preview = await world.call('import.preview', { path: file, target: 'sales' });
    expect(preview.suggestedMapping).toEqual({
      'Код клиента': 'externalId',
      Телефон: 'phone',
      Дата: 'date',
      Сумма: 'amount',
      Маржа: 'margin',
      Категория: 'category',
      'Номер документа': 'docNo',
    });
    const mapping = Object.fromEntries(
      Object.entries(preview.suggestedMapping).filter((e): e is [string, string] => e[1] !== null),
    );
    const input = { path: file, target: 'sales' as const, mapping };
    const result = await run(input);
    expect(result).toMatchObject({ inserted: 2, skipped: 0, invalid: 2, total: 4, errorsTotal: 2 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Код клиента'],
      [5, 'Дата'],
    ]);
    expect(result.errors[0]!.message).toBe('Клиента с «K9» нет.');
    expect(await world.call('sales.summary', { clientId: a.id })).toMatchObject({
      total: 150_050,
      margin: 30_000,
    });
    expect(await world.call('sales.summary', { clientId: b.id })).toMatchObject({ total: 200_000 });
    const again = await run({ ...input, onDuplicate: 'skip' });
    expect(again).toMatchObject({ inserted: 0, duplicates: 2 });
    const undo = await world.call('history.undoBatch', { batchId: result.batchId! });
    expect(undo.reverted).toBe(2);
    expect((await world.call('sales.summary', { clientId: a.id })).total).toBe(0);
  });

  it('needs a column that finds the client', async () => {
    const file = write('s.csv', 'Дата;Сумма\n2026-01-01;5\n');
    const envelope = await world.send('import.run', {
      path: file,
      target: 'sales',
      mapping: { Дата: 'date', Сумма: 'amount' },
      onDuplicate: 'skip',
      onInvalid: 'skip',
    });
    expect(envelope).toMatchObject({ ok: false, error: { field: 'mapping' } });
    if (!envelope.ok)
      expect(envelope.error.message).toContain('код клиента, телефон, почта или ИНН');
  });
});
