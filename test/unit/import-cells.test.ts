/**
 * One bad cell keeps the row (`onInvalid: 'blank'`), real e-mails and phones in the import, and
 * companies told by their tax id or legal form (issue 11).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../electron/api/contract';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

function write(name: string, lines: string[]): string {
  const file = path.join(world.dir, name);
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'win1251'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

type RunInput = InputOf<'import.run'>;
const clientsInput = (
  file: string,
  mapping: Record<string, string>,
  extra: Partial<RunInput> = {},
) => ({
  path: file,
  target: 'clients' as const,
  mapping,
  onDuplicate: 'update' as const,
  onInvalid: 'blank' as const,
  ...extra,
});

const CLIENTS = [
  'Код;ФИО;Телефон;E-mail;Дата рождения;Адрес',
  '000000041;Смирнова Ольга;8 912 ABC-00-41;olga@mail.ru;31.02.1985;Москва',
  '000000042;Иванов Иван;+7 900 000-00-42;ivan@@mail;01.01.1980;Тула',
  '000000043;Петрова Анна;+7 900 000-00-43;anna@mail.ru;05.05.1990;Омск',
];
const MAPPING = {
  Код: 'externalId',
  ФИО: 'name',
  Телефон: 'phone',
  'E-mail': 'email',
  'Дата рождения': 'birthday',
  Адрес: 'address',
};

describe('one bad cell keeps the row', () => {
  it('blank leaves a bad cell empty and imports the row; keys still leave the row out', async () => {
    const file = write('c.csv', CLIENTS);
    const check = await world.call('import.check', clientsInput(file, MAPPING));
    // The phone and the e-mail are matching keys: a bad one still keeps the row out by default.
    expect(check).toMatchObject({ total: 3, willCreate: 1, invalid: 2, blanked: 0 });
    expect(check.errors.map((e) => [e.row, e.column, e.blanked ?? false])).toEqual([
      [2, 'Телефон', false],
      [2, 'Дата рождения', false],
      [3, 'E-mail', false],
    ]);
    const perColumn = { onInvalidColumns: { Телефон: 'blank' as const } };
    const result = await world.call('import.run', clientsInput(file, MAPPING, perColumn));
    expect(result).toMatchObject({ inserted: 2, invalid: 1, skipped: 0, total: 3, blanked: 1 });
    expect(result.errors.filter((e) => e.blanked).map((e) => [e.row, e.column])).toEqual([
      [2, 'Телефон'],
      [2, 'Дата рождения'],
    ]);
    const olga = (await world.call('clients.list', { query: 'Смирнова' })).rows[0]!;
    expect(olga).toMatchObject({
      externalId: '000000041',
      phone: null,
      birthday: null,
      email: 'olga@mail.ru',
      address: 'Москва',
    });
  });

  it('a column set to skip leaves its bad rows out, as before', async () => {
    const file = write('c.csv', CLIENTS);
    const result = await world.call(
      'import.run',
      clientsInput(file, MAPPING, { onInvalidColumns: { 'Дата рождения': 'skip' } }),
    );
    expect(result).toMatchObject({ inserted: 1, invalid: 2, blanked: 0 });
  });

  it('an update leaves the field a blanked cell would have set as it was', async () => {
    const olga = await world.call('clients.create', {
      name: 'Смирнова Ольга',
      externalId: '000000041',
      birthday: '1985-03-01',
    });
    const file = write('c.csv', CLIENTS);
    const blankPhone = { onInvalidColumns: { Телефон: 'blank' as const } };
    const result = await world.call('import.run', clientsInput(file, MAPPING, blankPhone));
    expect(result).toMatchObject({ updated: 1, blanked: 1 });
    expect(await world.call('clients.get', { id: olga.id })).toMatchObject({
      birthday: '1985-03-01',
      address: 'Москва',
    });
  });

  it('sales of a client kept that way import', async () => {
    const clients = write('c.csv', CLIENTS);
    await world.call(
      'import.run',
      clientsInput(clients, MAPPING, { onInvalidColumns: { Телефон: 'blank' } }),
    );
    const sales = write('s.csv', [
      'Код клиента;Дата;Сумма;Категория',
      '000000041;15.01.2026;1 500,00;Плитка',
      '000000041;16.02.2026;500,00;abc',
      '000000041;17.02.2026;100,00;',
    ]);
    const result = await world.call('import.run', {
      path: sales,
      target: 'sales',
      mapping: {
        'Код клиента': 'externalId',
        Дата: 'date',
        Сумма: 'amount',
        Категория: 'category',
      },
      onDuplicate: 'skip',
      onInvalid: 'blank',
    });
    expect(result).toMatchObject({ inserted: 3, invalid: 0, errorsTotal: 0, total: 3 });
    const olga = (await world.call('clients.list', { query: 'Смирнова' })).rows[0]!;
    expect(await world.call('sales.summary', { clientId: olga.id })).toMatchObject({
      total: 210_000,
      count: 3,
    });
  });

  it('a sale’s bad optional cell is left empty with blank; its date never is', async () => {
    await world.call('clients.create', { name: 'А', externalId: 'K1' });
    const sales = write('s.csv', [
      'Код клиента;Дата;Сумма;Количество',
      'K1;15.01.2026;100;два',
      'K1;31.02.2026;100;2',
    ]);
    const result = await world.call('import.run', {
      path: sales,
      target: 'sales',
      mapping: {
        'Код клиента': 'externalId',
        Дата: 'date',
        Сумма: 'amount',
        Количество: 'quantity',
      },
      onDuplicate: 'skip',
      onInvalid: 'blank',
    });
    expect(result).toMatchObject({ inserted: 1, invalid: 1, blanked: 1, total: 2 });
  });

  it('the preview says which columns a bad cell empties and which it leaves out', async () => {
    const file = write('c.csv', CLIENTS);
    const preview = await world.call('import.preview', { path: file, target: 'clients' });
    const badCell = Object.fromEntries(preview.fields.map((f) => [f.key, f.badCell]));
    expect(badCell).toMatchObject({
      name: 'fixed',
      phone: 'skip',
      email: 'skip',
      externalId: 'skip',
      id: 'skip',
      birthday: 'blank',
      address: 'blank',
    });
  });
});

describe('real e-mails and phones in the import', () => {
  it('internationalised addresses import, and match a client in any case', async () => {
    const vera = await world.call('clients.create', { name: 'Вера', email: 'vera@пример.рф' });
    const file = write('e.csv', [
      'ФИО;E-mail',
      'Иванов Иван;c1@пример.рф',
      'Петрова Анна;имя@почта.рф',
      'Вера Орлова;VERA@ПРИМЕР.РФ',
    ]);
    const result = await world.call(
      'import.run',
      clientsInput(file, { ФИО: 'name', 'E-mail': 'email' }, { onInvalid: 'skip' }),
    );
    expect(result).toMatchObject({ inserted: 2, updated: 1, invalid: 0, errorsTotal: 0 });
    const emails = (
      await world.call('clients.list', { sort: { field: 'name', dir: 'asc' } })
    ).rows.map((r) => r.email);
    expect(emails).toEqual(['VERA@ПРИМЕР.РФ', 'c1@пример.рф', 'имя@почта.рф']);
    expect((await world.call('clients.get', { id: vera.id })).name).toBe('Вера Орлова');
  });

  it('8 912 … and +7 (912) … are the same client; the card keeps the file’s spelling', async () => {
    const anna = await world.call('clients.create', { name: 'Анна', phone: '+7 (912) 345-67-89' });
    const file = write('p.csv', [
      'ФИО;Телефон;Адрес',
      'Анна;8 912 345 67 89;Москва',
      'Борис;8 (900) 111-22-33;Тула',
      'Борис Н.;+7 900 111 22 33;Тула',
    ]);
    const check = await world.call(
      'import.check',
      clientsInput(file, { ФИО: 'name', Телефон: 'phone', Адрес: 'address' }),
    );
    expect(check.duplicates.map((d) => [d.row, d.matchedBy, d.clientId, d.firstRow])).toEqual([
      [2, 'phone', anna.id, null],
      [4, 'phone', null, 3],
    ]);
    expect(check.groups.map((g) => g.rows.map((r) => r.row))).toEqual([[3, 4]]);
    await world.call(
      'import.run',
      clientsInput(
        file,
        { ФИО: 'name', Телефон: 'phone', Адрес: 'address' },
        { groupChoice: 'first' },
      ),
    );
    expect(await world.call('clients.get', { id: anna.id })).toMatchObject({
      phone: '8 912 345 67 89',
      address: 'Москва',
    });
    const boris = await world.call('clients.list', {
      filters: [{ field: 'phone', op: 'eq', value: '+7 (900) 111-22-33' }],
    });
    expect(boris.rows.map((r) => [r.name, r.phone])).toEqual([['Борис', '8 (900) 111-22-33']]);
  });
});

describe('companies', () => {
  it('are told by a 10-digit tax id, a legal form or a name in «quotes»; 12 digits is a person', async () => {
    const file = write('k.csv', [
      'Наименование;ИНН;Тип',
      'ООО «СтройМаркет»;;',
      'ИП Кузнецов Игорь;;',
      'АО Тандер;;',
      'ЗАО Ромашка;;',
      'ПАО Сбербанк;;',
      'НКО Фонд помощи;;',
      '«Лилия»;;',
      'Вектор;7707083893;',
      'ИП Сидоров Пётр;500100732259;',
      'Заозёрный Пётр;;',
      'Иванова Мария;;',
      'ООО Пример;;физлицо',
    ]);
    await world.call(
      'import.run',
      clientsInput(
        file,
        { Наименование: 'name', ИНН: 'taxId', Тип: 'kind' },
        { onDuplicate: 'create' },
      ),
    );
    const { rows } = await world.call('clients.list', { limit: 100 });
    const kinds = Object.fromEntries(rows.map((r) => [r.name, r.kind]));
    expect(kinds).toEqual({
      'ООО «СтройМаркет»': 'company',
      'ИП Кузнецов Игорь': 'company',
      'АО Тандер': 'company',
      'ЗАО Ромашка': 'company',
      'ПАО Сбербанк': 'company',
      'НКО Фонд помощи': 'company',
      '«Лилия»': 'company',
      Вектор: 'company',
      'ИП Сидоров Пётр': 'person',
      'Заозёрный Пётр': 'person',
      'Иванова Мария': 'person',
      'ООО Пример': 'person',
    });
  });

  it('an update does not turn an existing client into a company by its name', async () => {
    const a = await world.call('clients.create', { name: 'ООО Ромашка', externalId: 'K1' });
    expect(a.kind).toBe('person');
    const file = write('k.csv', ['Код;Наименование', 'K1;ООО «Ромашка»']);
    await world.call('import.run', clientsInput(file, { Код: 'externalId', Наименование: 'name' }));
    expect((await world.call('clients.get', { id: a.id })).kind).toBe('person');
  });
});
