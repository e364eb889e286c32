/**
 * Export and import agree: the client list exported through `export.clients` (CSV in UTF-8 and
 * Windows-1251, Excel; Russian and English workbooks) imports back through `import.check` and
 * `import.run` with no errors and no changes, every standard field and every custom field type
 * included, and the suggested mapping finds every column without the user's help.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportEncoding, ExportFormat, Locale } from '../../electron/api/contract';
import { exportWords, type ExportedField } from '../../electron/services/export/words';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

const STANDARD: ExportedField[] = [
  'kind',
  'name',
  'company',
  'position',
  'phone',
  'phone2',
  'email',
  'address',
  'birthday',
  'channel',
  'managerId',
  'stage',
  'lostReason',
  'tags',
  'note',
  'externalId',
  'taxId',
];
/** The import's key for an export column, where they differ. */
const IMPORT_KEY: Partial<Record<string, string>> = { managerId: 'manager' };

/** Custom fields of every type, with options that hold the list separators themselves. */
async function defineFields() {
  await world.call('fields.define', { key: 'about', label: 'О себе', type: 'text' });
  await world.call('fields.define', { key: 'area', label: 'Площадь', type: 'number' });
  await world.call('fields.define', { key: 'limit', label: 'Лимит', type: 'money' });
  await world.call('fields.define', { key: 'since', label: 'Клиент с', type: 'date' });
  await world.call('fields.define', { key: 'vip', label: 'VIP', type: 'boolean' });
  await world.call('fields.define', {
    key: 'size',
    label: 'Размер',
    type: 'choice',
    options: ['S', 'M', 'L, XL'],
  });
  await world.call('fields.define', {
    key: 'brands',
    label: 'Бренды',
    type: 'multichoice',
    options: ['Краски, лаки', 'Клей', 'Alpha'],
  });
}
const CUSTOM = ['about', 'area', 'limit', 'since', 'vip', 'size', 'brands'];
const CUSTOM_LABELS = ['О себе', 'Площадь', 'Лимит', 'Клиент с', 'VIP', 'Размер', 'Бренды'];

/** Clients that fill every field in the ways that broke round trips: all of it Windows-1251. */
async function makeClients(withCodes: boolean): Promise<string[]> {
  const petrov = await world.call('managers.add', { name: 'Петров Олег' });
  const code = (c: string) => (withCodes ? { externalId: c } : {});
  const clients = [
    {
      kind: 'person' as const,
      name: 'Степанова Анна',
      company: 'Салон «Лилия»',
      position: 'Директор; совладелец',
      phone: '+7 (901) 872-17-84',
      phone2: '8 912 345-67-89',
      email: 'anna@example.ru',
      address: 'Москва, ул. Ленина, д. 1\nкв. 5',
      birthday: '1985-03-14',
      channel: 'Рекомендация',
      managerId: petrov.id,
      stage: 'regular' as const,
      tags: ['опт', 'vip', 'розница, сети'],
      note: 'Заметка № 5 — «тест»; "кавычки"\nвторая строка',
      taxId: '7707083893',
      ...code('000123'),
      custom: {
        about: '=SUM(A1)',
        area: 42.5,
        limit: 123456,
        since: '2020-02-29',
        vip: true,
        size: 'L, XL',
        brands: ['Краски, лаки', 'Alpha'],
      },
    },
    {
      kind: 'company' as const,
      name: 'ООО «СтройМаркет»',
      position: '@главный',
      stage: 'lost' as const,
      lostReason: 'Дорого',
      note: "-2+3*cmd|' /C calc'!A0\n'=уже с апострофом",
      ...code('К-7'),
      custom: { area: -3, limit: -5, vip: false, brands: ['Клей'] },
    },
    { name: 'Ёлкин Пётр', stage: 'won_back' as const, ...code('7') },
    { name: 'Иванов', stage: 'first_purchase' as const, ...code('8') },
    { name: 'Сидоров', stage: 'advocate' as const, ...code('9'), custom: { area: 1234567.25 } },
    { name: 'Павлова', stage: 'repeat' as const, ...code('10'), custom: { limit: 100000000 } },
    { name: '+Плюсова', stage: 'prospect' as const, ...code('11') },
  ];
  const ids: string[] = [];
  for (const client of clients) ids.push((await world.call('clients.create', client)).id);
  return ids;
}

function exportColumns(locale: Locale) {
  const headers = exportWords(locale).headers;
  return [
    ...STANDARD.map((key) => ({ key, label: headers[key] })),
    ...CUSTOM.map((key, i) => ({ key: `custom.${key}`, label: CUSTOM_LABELS[i]! })),
    { key: 'updatedAt', label: locale === 'ru' ? 'Изменён' : 'Changed' },
    { key: 'id', label: headers.id },
  ];
}

/** Everything a card shows, and the history, to compare before and after. */
async function snapshot(ids: string[]) {
  const cards = [];
  for (const id of ids) cards.push(await world.call('clients.get', { id }));
  return { cards, changes: world.count('changes'), batches: world.count('batches') };
}

async function exportFile(locale: Locale, format: ExportFormat, encoding?: ExportEncoding) {
  const file = await world.call('export.clients', {
    columns: exportColumns(locale),
    format,
    ...(encoding ? { encoding } : {}),
    timeZone: 'Europe/Moscow',
  });
  const out = path.join(world.dir, file.fileName);
  fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
  world.app.ctx.importer.allowFile(out);
  return out;
}

async function importBack(file: string) {
  const preview = await world.call('import.preview', { path: file, target: 'clients' });
  const input = {
    path: file,
    target: 'clients' as const,
    mapping: preview.suggestedMapping,
    onDuplicate: 'update' as const,
    onInvalid: 'skip' as const,
  };
  const check = await world.call('import.check', input);
  const result = await world.call('import.run', input);
  return { preview, check, result };
}

const FILES: [Locale, ExportFormat, ExportEncoding | undefined][] = [
  ['ru', 'csv', 'utf-8'],
  ['ru', 'csv', 'windows-1251'],
  ['ru', 'xlsx', undefined],
  ['en', 'csv', 'utf-8'],
  ['en', 'csv', 'windows-1251'],
  ['en', 'xlsx', undefined],
];

describe.each(FILES)('a %s %s export (%s)', (locale, format, encoding) => {
  beforeEach(async () => {
    world = makeWorld({ locale });
    await defineFields();
  });

  it('imports back with no errors and no changes, every field mapped by itself', async () => {
    const ids = await makeClients(true);
    const before = await snapshot(ids);
    const file = await exportFile(locale, format, encoding);

    const { preview, check, result } = await importBack(file);
    const headers = exportWords(locale).headers;
    for (const key of STANDARD) {
      expect(preview.suggestedMapping[headers[key]], key).toBe(IMPORT_KEY[key] ?? key);
    }
    CUSTOM.forEach((key, i) => {
      expect(preview.suggestedMapping[CUSTOM_LABELS[i]!], key).toBe(`custom.${key}`);
    });
    expect(preview.suggestedMapping[locale === 'ru' ? 'Изменён' : 'Changed']).toBeNull();

    expect(check.errors).toEqual([]);
    expect(check).toMatchObject({
      total: ids.length,
      invalid: 0,
      willCreate: 0,
      willUpdate: 0,
      willSkip: ids.length,
      unchanged: ids.length,
    });
    expect(result).toMatchObject({
      batchId: null,
      inserted: 0,
      updated: 0,
      skipped: ids.length,
      unchanged: ids.length,
      errorsTotal: 0,
      aborted: false,
    });
    expect(await snapshot(ids)).toEqual(before);
    expect(world.count('clients')).toBe(ids.length);
  });

  it('puts back exactly what was changed since the export, and nothing else', async () => {
    const ids = await makeClients(true);
    const file = await exportFile(locale, format, encoding);
    const exported = await snapshot(ids);
    await world.call('clients.update', {
      id: ids[0]!,
      patch: { phone: '+7 900 000-00-00', custom: { limit: 1 } },
    });
    const { result } = await importBack(file);
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: ids.length - 1 });
    expect((await snapshot(ids)).cards).toEqual(
      exported.cards.map((card, i) =>
        i === 0 ? { ...card, updatedAt: expect.any(String) as string } : card,
      ),
    );
  });

  it('matches clients with no code, phone or e-mail by their Kartoteka id', async () => {
    const ids = await makeClients(false);
    const before = await snapshot(ids);
    const file = await exportFile(locale, format, encoding);
    const { preview, check, result } = await importBack(file);
    expect(preview.suggestedMapping[exportWords(locale).headers.id]).toBe('id');
    expect(check.errors).toEqual([]);
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: ids.length });
    expect(await snapshot(ids)).toEqual(before);
  });
});
