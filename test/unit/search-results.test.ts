/**
 * Search while typing on a real generated workbook (3,000 clients, some in the trash): every
 * keystroke lists the same clients in the same order, with the same total, as the plain SQL
 * statement of the search (bench/plain-search.ts), whatever plan the app picks to be fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../db/demo/generate';
import { plainSearch } from '../../bench/plain-search';
import { createApp, type App } from '../../electron/app';
import type { ClientListInput, ClientList } from '../../electron/api/contract';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const NOW = new Date('2026-11-12T11:03:00.000Z');

/** What a user types: names and their prefixes, phone fragments, several words, ё and е. */
const QUERIES = [
  // Surnames typed letter by letter.
  'п',
  'пр',
  'про',
  'прох',
  'прохор',
  'и',
  'ив',
  'ива',
  'иван',
  'иванова',
  // Common endings: thousands of hits among 3,000 clients.
  'ова',
  'ина',
  'ОВА',
  // Phone fragments, as typed and in other formats.
  '9',
  '91',
  '912',
  '912 3',
  '912 34',
  '+7 912',
  '8 912',
  '(912)',
  // Several words, long and short.
  'иванова ирина',
  'ирина иванова',
  'ив ир',
  'ива ир',
  'дарья петровна',
  // ё and е, companies, latin, nothing.
  'семён',
  'семен',
  'алёна',
  'королёв',
  'ооо',
  'ип смирнова',
  'anna',
  'щщщщ',
  '100%',
];

let dir: string;
let app: App;

async function list(input: NonNullable<ClientListInput>): Promise<ClientList> {
  const envelope = await app.dispatch('clients.list', input);
  if (!envelope.ok) throw new Error(`clients.list failed: ${envelope.error.message}`);
  return envelope.data as ClientList;
}

beforeAll(() => {
  dir = tempDir('kartoteka-search-');
  const file = path.join(dir, 'search.kartoteka');
  generateWorkbook({ file, migrationsDir: MIGRATIONS_DIR, clients: 3000, seed: 7, now: NOW });
  app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: 'ru',
    now: () => NOW,
    logger: { info: () => {}, error: () => {} },
  });
}, 120_000);

afterAll(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('search while typing', () => {
  it('lists the same clients in the same order with the same total as the plain statement', async () => {
    for (const query of QUERIES) {
      const got = await list({ query, limit: 100 });
      const want = plainSearch(app.wb.sqlite, query);
      expect({ query, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({
        query,
        total: want.total,
        ids: want.ids,
      });
    }
  });

  it('pages on (offset), sorts by name backwards and searches the trash the same way', async () => {
    for (const query of ['ова', 'про', 'ина', '912', 'ив', 'а']) {
      for (const offset of [100, 300]) {
        const got = await list({ query, limit: 100, offset });
        const want = plainSearch(app.wb.sqlite, query, { offset });
        expect({ query, offset, ids: got.rows.map((r) => r.id) }).toEqual({
          query,
          offset,
          ids: want.ids,
        });
      }
      const desc = await list({ query, limit: 100, sort: { field: 'name', dir: 'desc' } });
      expect(desc.rows.map((r) => r.id)).toEqual(
        plainSearch(app.wb.sqlite, query, { desc: true }).ids,
      );
      const trash = await list({ query, limit: 100, trash: true });
      const inTrash = plainSearch(app.wb.sqlite, query, { trash: true });
      expect({ ids: trash.rows.map((r) => r.id), total: trash.total }).toEqual({
        ids: inTrash.ids,
        total: inTrash.total,
      });
    }
  });

  it('shows what it showed before: the first names and the total of a few searches', async () => {
    const seen = async (query: string) => {
      const result = await list({ query, limit: 4 });
      return { total: result.total, names: result.rows.map((r) => r.name) };
    };
    expect(await seen('про')).toEqual(PINNED.pro);
    expect(await seen('ова')).toEqual(PINNED.ova);
    expect(await seen('912 3')).toEqual(PINNED.phone);
    expect(await seen('семён')).toEqual(PINNED.semyon);
    expect(await seen('ив ир')).toEqual(PINNED.twoShort);
  });

  it('shows the same figures beside the found clients: revenue, last purchase, contacts, suggested stages', async () => {
    const figures = async (query: string) => {
      const { rows } = await list({ query, limit: 100 });
      const stages: Record<string, number> = {};
      for (const r of rows) {
        if (r.suggestedStage) stages[r.suggestedStage] = (stages[r.suggestedStage] ?? 0) + 1;
      }
      return {
        revenue: rows.reduce((sum, r) => sum + r.revenueYear, 0),
        last: rows
          .map((r) => r.lastPurchase)
          .filter(Boolean)
          .sort()
          .at(-1),
        contacts: rows.filter((r) => r.lastContact).length,
        custom: rows.reduce((sum, r) => sum + Object.keys(r.custom).length, 0),
        stages,
      };
    };
    expect(await figures('про')).toEqual({
      revenue: 437509569,
      last: '2026-11-12',
      contacts: 97,
      custom: 165,
      stages: { won_back: 19, repeat: 4 },
    });
    expect(await figures('ив')).toEqual({
      revenue: 601446650,
      last: '2026-11-11',
      contacts: 87,
      custom: 170,
      stages: { won_back: 16, repeat: 4 },
    });
  });

  it('finds a client just moved to the trash no more, and finds it again once restored', async () => {
    const before = await list({ query: 'ова', limit: 100 });
    const gone = before.rows[0]!;
    await app.dispatch('clients.delete', { id: gone.id });
    const after = await list({ query: 'ова', limit: 100 });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.map((r) => r.id)).not.toContain(gone.id);
    expect(after.rows.map((r) => r.id)).toEqual(plainSearch(app.wb.sqlite, 'ова').ids);
    await app.dispatch('clients.restore', { id: gone.id });
    const restored = await list({ query: 'ова', limit: 100 });
    expect(restored.total).toBe(before.total);
    expect(restored.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
  });
});

/** Written down from the list before the search was made faster. */
const PINNED = {
  pro: {
    total: 1115,
    names: ['Anna Wright', 'Charlotte Baker', 'Charlotte Baker', 'Charlotte Baker'],
  },
  ova: { total: 1188, names: ['Charlotte Baker', 'Daniel Baker', 'Emily Evans', 'Emily Walker'] },
  phone: {
    total: 6,
    names: ['Беляев Фёдор', 'Гаврилова Наталья', 'Иванов Тимур', 'Казакова Елена'],
  },
  semyon: {
    total: 31,
    names: ['ИП Семёнов В. А.', 'ИП Семёнов И. Ю.', 'ИП Семёнова Е. Н.', 'ИП Семёнова Л. А.'],
  },
  twoShort: {
    total: 47,
    names: ['Алексеев Иван Петрович', 'Васильев Иван', 'Васильев Кирилл Иванович', 'Волков Иван'],
  },
};
