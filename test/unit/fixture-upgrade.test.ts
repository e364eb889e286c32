/**
 * Workbooks of every released schema version (test/fixtures/workbooks, written by
 * scripts/make-fixture-workbook.mjs) open in today's program with every row of every table
 * preserved, and keep working; one claiming a newer schema is refused and left untouched.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../db/queries/search';
import { openWorkbook, WorkbookOpenError } from '../../db/workbook';
import { createApp, type App } from '../../electron/app';
import type { ChannelName, InputOf, OutputOf } from '../../electron/api/contract';
import { phoneKey } from '../../kernel/phones';
import { dataTables, journalTags } from '../helpers/fixture-schema';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const FIXTURES = path.resolve(__dirname, '../fixtures/workbooks');
/** The first released schema: workbooks in users' hands start here. */
const FIRST_RELEASED = '0005_nps_deleted_at';
const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.kartoteka'))
  .sort();

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});

/** A temp copy of a fixture: the committed file is never opened for writing. */
function copyOf(fixture: string): string {
  const dir = tempDir('kartoteka-fixture-');
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, fixture);
  fs.copyFileSync(path.join(FIXTURES, fixture), file);
  return file;
}

function openApp(file: string): App {
  const app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    // Its backups before the migration go to a temp folder, never the user's data folder.
    dataDir: tempDir('kartoteka-data-'),
    shell: 'web',
    version: 'test',
    systemLocale: 'ru',
  });
  cleanup.push(() => app.close());
  return app;
}

async function call<C extends ChannelName>(app: App, channel: C, input: InputOf<C>) {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.data as OutputOf<C>;
}

type Row = Record<string, unknown>;
type Snapshot = Map<string, { key: string; rows: Map<string, Row> }>;

/** Every row of every data table, by primary key. */
function snapshot(db: Database.Database): Snapshot {
  const out: Snapshot = new Map();
  for (const table of dataTables(db)) {
    const info = db.pragma(`table_info("${table}")`) as { name: string; pk: number }[];
    const key = info.find((c) => c.pk === 1)!.name;
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Row[];
    out.set(table, { key, rows: new Map(rows.map((r) => [String(r[key]), r])) });
  }
  return out;
}

function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

it(`keeps a fixture of every schema from ${FIRST_RELEASED} to the newest migration`, () => {
  const tags = journalTags(MIGRATIONS_DIR);
  const released = tags.slice(tags.indexOf(FIRST_RELEASED));
  expect(fixtures, 'make the missing one: node scripts/make-fixture-workbook.mjs <tag>').toEqual(
    released.map((t) => `${t}.kartoteka`),
  );
});

describe.each(fixtures)('the workbook of schema %s', (fixture) => {
  it('upgrades with every row of every table preserved, column by column', () => {
    const file = copyOf(fixture);
    const before = readOnly(file, snapshot);
    const migrationsBefore = readOnly(file, (db) =>
      db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all(),
    );
    const app = openApp(file);
    const after = snapshot(app.wb.sqlite);
    const settings = before.get('settings')!.rows;
    // An older search index is rebuilt on open: the columns derived for it, and its version.
    const rebuilt =
      settings.get('searchIndexVersion')?.['value'] !== JSON.stringify(SEARCH_INDEX_VERSION);
    const derivedColumns = new Set(rebuilt ? ['clients.search_text'] : []);
    const derivedRows = new Set(rebuilt ? ['settings.searchIndexVersion'] : []);

    expect([...after.keys()]).toEqual(expect.arrayContaining([...before.keys()]));
    for (const [table, { key, rows }] of before) {
      const now = after.get(table)!;
      // The one row the program adds: the workbook's id, which names its backups' folder.
      const added = table === 'settings' && !rows.has('workbookId') && now.rows.has('workbookId');
      expect(now.rows.size - (added ? 1 : 0), `rows of ${table}`).toBe(rows.size);
      for (const [id, row] of rows) {
        if (derivedRows.has(`${table}.${id}`)) continue;
        const kept = now.rows.get(id);
        expect(kept, `${table} ${key} = ${id}`).toBeDefined();
        for (const column of Object.keys(row)) {
          if (derivedColumns.has(`${table}.${column}`)) continue;
          expect(kept![column], `${table} ${id} ${column}`).toStrictEqual(row[column]);
        }
      }
    }
    const migrationsAfter = app.wb.sqlite
      .prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at')
      .all();
    expect(migrationsAfter.slice(0, migrationsBefore.length)).toEqual(migrationsBefore);
    expect(migrationsAfter).toHaveLength(journalTags(MIGRATIONS_DIR).length);
    // Migration 0006 keeps the phones' normalised form: filled for the clients already there.
    for (const client of after.get('clients')!.rows.values()) {
      expect(client['phone_key']).toBe(phoneKey(client['phone'] as string | null));
    }
    expect(app.wb.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(app.wb.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('works after the upgrade: the list, search by name, phone and comment, undo of a batch', async () => {
    const app = openApp(copyOf(fixture));
    const list = await call(app, 'clients.list', {});
    // Six clients in the fixture, one of them in the trash.
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => r.name)).toContain('Иванова Мария Сергеевна');
    const found = async (query: string) =>
      (await call(app, 'clients.list', { query })).rows.map((r) => r.name);
    expect(await found('иванова')).toEqual(['Иванова Мария Сергеевна']);
    // Typed `8 (912) 345-67-89` in the card: found as +7 too (the normalised form).
    expect(await found('+7 912 345-67-89')).toEqual(['Иванова Мария Сергеевна']);
    expect(await found('весенний заказ')).toEqual(['ООО «СтройМаркет»']);
    expect(await found('Аммиак')).toEqual(['Иванова Мария Сергеевна']);
    // Tags are indexed apart since 0010: an older workbook's tags are found after the open,
    // alone, beside a name word, and with ё typed as е.
    expect(await found('постоянная')).toEqual(['Иванова Мария Сергеевна']);
    expect(await found('иванова елка')).toEqual(['Иванова Мария Сергеевна']);
    expect(await found('весна-2025')).toHaveLength(3);

    const batches = await call(app, 'history.batches', {});
    const spring = batches.find((b) => b.label === 'addTag' && !b.undoneAt)!;
    expect(spring.clients).toBe(3);
    await call(app, 'history.undoBatch', { batchId: spring.id });
    const tagged = await call(app, 'clients.list', {
      filters: [{ field: 'tags', op: 'contains', value: 'весна-2025' }],
    });
    expect(tagged.total).toBe(0);
    expect(await found('весна-2025')).toEqual([]);
    const maria = (await call(app, 'clients.list', { query: 'иванова' })).rows[0]!;
    expect(maria.tags).toEqual(['постоянная', 'ёлка']);
    expect(maria.custom).toMatchObject({ hair_type: 'Сухие', vip: true, visits_plan: 12 });
  });

  it('claiming a newer schema, is refused with a clear message and left byte for byte unchanged', () => {
    const file = copyOf(fixture);
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'from-a-newer-kartoteka',
      Number.MAX_SAFE_INTEGER,
    );
    db.close();
    const dir = path.dirname(file);
    const files = fs.readdirSync(dir).sort();
    const sum = sha256(file);

    const open = () => openWorkbook(file, { migrationsDir: MIGRATIONS_DIR });
    expect(open).toThrow(WorkbookOpenError);
    expect(open).toThrow(expect.objectContaining({ reason: 'newer_version' }));
    expect(open).toThrow(/newer version/);
    expect(sha256(file)).toBe(sum);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });
});
