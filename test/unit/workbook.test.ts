import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbook, WorkbookOpenError, type Workbook } from '../../db/workbook';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const dirs: string[] = [];
const open: Workbook[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) wb.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fresh() {
  const dir = tempDir();
  dirs.push(dir);
  return { dir, file: path.join(dir, 'book.kartoteka') };
}

function openAt(file: string, migrationsDir = MIGRATIONS_DIR) {
  const wb = openWorkbook(file, { migrationsDir, now: () => new Date('2026-11-12T10:00:00Z') });
  open.push(wb);
  return wb;
}

/** A migrations folder with the real migrations plus extra ones given as SQL. */
function migrationsWith(extra: { tag: string; sql: string; when: number }[]) {
  const dir = path.join(tempDir('kartoteka-migrations-'), 'migrations');
  dirs.push(path.dirname(dir));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: object[] };
  for (const m of extra) {
    fs.writeFileSync(path.join(dir, `${m.tag}.sql`), m.sql);
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: m.when,
      tag: m.tag,
      breakpoints: true,
    });
  }
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('opening a workbook', () => {
  it('creates the file with every table of the design and durable pragmas', () => {
    const { file } = fresh();
    const wb = openAt(file);
    expect(fs.existsSync(file)).toBe(true);
    const tables = (
      wb.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    for (const t of [
      'clients',
      'managers',
      'field_defs',
      'field_values',
      'comments',
      'reminders',
      'changes',
      'batches',
      'sales',
      'plans',
      'nps_answers',
      'settings',
      'lost_reasons',
      'saved_views',
    ]) {
      expect(tables).toContain(t);
    }
    expect(wb.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(wb.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(wb.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(wb.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('gives every table a text id (or key) and an updated_at column', () => {
    const wb = openAt(fresh().file);
    const tables = (
      wb.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'client_search%' AND name NOT LIKE 'client_tag_search%'",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    // The sync bookkeeping (the change log, this device's state, conflicts) is not records:
    // it stays on each device and is never itself synced.
    const records = tables.filter((t) => !t.startsWith('sync_'));
    expect(tables.filter((t) => t.startsWith('sync_')).sort()).toEqual([
      'sync_conflicts',
      'sync_devices',
      'sync_log',
      'sync_meta',
      'sync_peers',
    ]);
    for (const table of records) {
      const columns = wb.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        pk: number;
      }[];
      expect(
        columns.map((c) => c.name),
        table,
      ).toContain('updated_at');
      const pk = columns.find((c) => c.pk === 1);
      expect(pk?.type.toLowerCase(), table).toBe('text');
    }
  });

  it('applies migrations once: reopening runs nothing and takes no backup', () => {
    const { dir, file } = fresh();
    openAt(file).close();
    open.pop();
    openAt(file);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('takes a backup copy before migrating an existing workbook, then keeps its data', () => {
    const { dir, file } = fresh();
    const v1 = openAt(file);
    v1.sqlite
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('userName', '\"Петров\"', 'x')",
      )
      .run();
    v1.close();
    open.pop();
    const migrations = migrationsWith([
      {
        tag: '0099_add_column',
        sql: 'ALTER TABLE `clients` ADD `vip` integer DEFAULT 0 NOT NULL;',
        when: 4102444800000,
      },
    ]);
    const v2 = openAt(file, migrations);
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(v2.sqlite.prepare("SELECT value FROM settings WHERE key='userName'").get()).toEqual({
      value: '"Петров"',
    });
    const columns = (
      v2.sqlite.prepare('PRAGMA table_info(clients)').all() as { name: string }[]
    ).map((c) => c.name);
    expect(columns).toContain('vip');
  });

  it('rolls a failing migration back whole, leaving the workbook as it was', () => {
    const { file } = fresh();
    openAt(file).close();
    open.pop();
    const migrations = migrationsWith([
      {
        tag: '0099_broken',
        sql: 'ALTER TABLE `clients` ADD `half` integer;\n--> statement-breakpoint\nTHIS IS NOT SQL;',
        when: 4102444800000,
      },
    ]);
    expect(() => openAt(file, migrations)).toThrow();
    const wb = openAt(file);
    const columns = (
      wb.sqlite.prepare('PRAGMA table_info(clients)').all() as { name: string }[]
    ).map((c) => c.name);
    expect(columns).not.toContain('half');
  });

  it('refuses a migration that leaves broken references', () => {
    const { file } = fresh();
    openAt(file).close();
    open.pop();
    const migrations = migrationsWith([
      {
        tag: '0099_orphan',
        sql: "INSERT INTO comments (id, client_id, kind, author, body, at, created_at, updated_at) VALUES ('c1', 'nobody', 'note', 'a', 'b', 'x', 'x', 'x');",
        when: 4102444800000,
      },
    ]);
    expect(() => openAt(file, migrations)).toThrow(WorkbookOpenError);
    expect(openAt(file).sqlite.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({
      n: 0,
    });
  });

  it('refuses a workbook written by a newer version', () => {
    const { file } = fresh();
    const wb = openAt(file);
    wb.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', 4102444800000);
    wb.close();
    open.pop();
    expect(() => openAt(file)).toThrow(/newer version/);
  });

  it('refuses a file that is not a workbook', () => {
    const { file } = fresh();
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openAt(file)).toThrow(WorkbookOpenError);
  });
});

describe('the committed migrations', () => {
  it('have journal timestamps that strictly increase (drizzle skips an older one silently)', () => {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
    ) as {
      entries: { when: number; tag: string }[];
    };
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((entry, i) => {
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`))).toBe(true);
      if (i > 0) expect(entry.when).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
  });
});

describe('migration 0006: phone keys', () => {
  it('fills the normalised phones of the clients a workbook already has', () => {
    const { file } = fresh();
    // A workbook as the previous version left it: migrations up to 0005 only.
    const older = path.join(tempDir('kartoteka-migrations-'), 'migrations');
    dirs.push(path.dirname(older));
    fs.cpSync(MIGRATIONS_DIR, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
      entries: { tag: string }[];
    };
    const at = journal.entries.findIndex((e) => e.tag.startsWith('0006_'));
    expect(at).toBe(6);
    journal.entries = journal.entries.slice(0, at);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const v5 = openAt(file, older);
    const insert = v5.sqlite.prepare(
      "INSERT INTO clients (id, name, phone, phone2, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')",
    );
    insert.run('a', 'Анна', '8 (912) 345-67-89', '+7 900 111-22-33');
    insert.run('b', 'Борис', '912 000 11 22', null);
    insert.run('c', 'Вера', null, null);
    v5.close();
    open.pop();

    const v6 = openAt(file);
    expect(
      v6.sqlite
        .prepare('SELECT id, phone, phone_key, phone2_key FROM clients ORDER BY id')
        .raw()
        .all(),
    ).toEqual([
      ['a', '8 (912) 345-67-89', '79123456789', '79001112233'],
      ['b', '912 000 11 22', '79120001122', null],
      ['c', null, null, null],
    ]);
    const plan = v6.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE phone_key = '79123456789'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('clients_phone_key_idx');
  });
});

describe('two connections (the main process and a worker)', () => {
  it('a write transaction holds the lock from its start, so a worker cannot slip in between its read and its write', () => {
    const { file } = fresh();
    const main = openAt(file);
    const worker = openWorkbook(file, { migrationsDir: MIGRATIONS_DIR, secondary: true });
    open.push(worker);
    worker.sqlite.pragma('busy_timeout = 0');
    const insert = (wb: Workbook, name: string) =>
      wb.sqlite
        .prepare(
          "INSERT INTO managers (id, name, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')",
        )
        .run(name, name);
    main.transaction(() => {
      main.sqlite.prepare('SELECT count(*) FROM managers').get();
      // With a deferred BEGIN this commit would succeed and the write below fail (BUSY_SNAPSHOT).
      expect(() => insert(worker, 'worker')).toThrow(/locked|busy/i);
      insert(main, 'main');
    });
    expect(worker.sqlite.prepare('SELECT name FROM managers').pluck().all()).toEqual(['main']);
    // A long read in the worker does not hold the main process's writes up.
    worker.read(() => {
      worker.sqlite.prepare('SELECT count(*) FROM managers').get();
      insert(main, 'while reading');
    });
    expect(main.sqlite.prepare('SELECT count(*) FROM managers').pluck().get()).toBe(2);
  });
});
