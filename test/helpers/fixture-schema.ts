/**
 * Writes a workbook as an older program left it: a new file migrated up to one migration of
 * the journal (the same statements and bookkeeping as db/workbook.ts applies), every table
 * filled from a workbook of today's schema with the columns that existed then, and the data
 * the program derives (search text, the full-text index and its version) as that version kept
 * it. Checks nothing out: the migrations are the committed SQL files.
 */
import { attachCapture } from '../../db/sync-capture';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { phoneKey } from '../../kernel/phones';
import { digitsOf, fold, reindexClients } from '../../db/queries/search';
import * as schema from '../../db/schema';
import type { Workbook } from '../../db/workbook';

const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The migrations' tags in journal order (`0005_nps_deleted_at`, …). */
export function journalTags(migrationsDir: string): string[] {
  const file = path.join(migrationsDir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** Tables a fixture holds rows of: all but SQLite's own, the bookkeeping and the FTS indexes. */
export function dataTables(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'client_search%' AND name NOT LIKE 'client_tag_search%'
         AND name <> '${MIGRATIONS_TABLE}' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

export function columnsOf(db: Database.Database, table: string, schemaName = 'main'): string[] {
  return (db.pragma(`${schemaName}.table_info("${table}")`) as { name: string }[]).map(
    (c) => c.name,
  );
}

interface ClientText {
  id: string;
  name: string;
  tags: string;
  [column: string]: string | null;
}

/**
 * Before 0006 the search text held the phones' digits as typed only (no normalised form),
 * and the index was version 1: today's program rebuilds both on open.
 */
function searchTextBefore0006(r: ClientText): string {
  const fields = ['name', 'company', 'email', 'position', 'external_id', 'tax_id', 'channel'];
  const text = [...fields, 'address', 'note']
    .map((f) => r[f])
    .filter((s): s is string => Boolean(s))
    .map(fold);
  const digits = [r['phone'], r['phone2']].filter((s): s is string => Boolean(s)).map(digitsOf);
  const tags = (JSON.parse(r.tags) as string[]).map(fold);
  return [...text, ...digits, ...tags].join(' ');
}

/** The one index row per client that versions 1 and 2 kept: all its text, tags included. */
function indexBefore0010(db: Database.Database): void {
  db.function('kartoteka_fold', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? fold(v) : v,
  );
  db.exec(
    `DELETE FROM client_search;
     INSERT INTO client_search (rowid, body)
       SELECT c.seq, c.search_text
         || coalesce(' ' || (SELECT group_concat(kartoteka_fold(v.value), ' ') FROM field_values v
              JOIN field_defs d ON d.id = v.field_id
              WHERE v.client_id = c.id AND d.type IN ('text', 'choice', 'multichoice')), '')
         || coalesce(' ' || (SELECT group_concat(kartoteka_fold(m.body), ' ') FROM comments m
              WHERE m.client_id = c.id AND m.deleted_at IS NULL), '')
       FROM clients c WHERE c.deleted_at IS NULL AND c.seq IS NOT NULL ORDER BY c.seq;`,
  );
}

function asWorkbook(file: string, sqlite: Database.Database): Workbook {
  return {
    file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    readOnly: false,
    schemaVersion: 0,
    key: null,
    transaction: (fn) => sqlite.transaction(fn)(),
    read: (fn) => sqlite.transaction(fn).deferred(),
    checkpoint: () => true,
    close: () => sqlite.close(),
    capture: attachCapture(sqlite),
  };
}

export function writeAtSchema(
  source: string,
  target: string,
  tag: string,
  migrationsDir: string,
): void {
  const tags = journalTags(migrationsDir);
  const upTo = tags.indexOf(tag);
  if (upTo < 0) throw new Error(`no migration ${tag} in ${migrationsDir}`);
  const migrations = readMigrationFiles({ migrationsFolder: migrationsDir }).slice(0, upTo + 1);
  fs.rmSync(target, { force: true });
  const db = new Database(target);
  try {
    db.pragma('journal_mode = WAL');
    // The migrations call it (0006 fills the phone keys); db/workbook.ts registers the same.
    db.function('kphone', { deterministic: true }, (v: unknown) =>
      typeof v === 'string' ? phoneKey(v) : v,
    );
    db.exec(
      `CREATE TABLE "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
    );
    db.transaction(() => {
      for (const m of migrations) {
        for (const statement of m.sql) if (statement.trim()) db.exec(statement);
        db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`).run(
          m.hash,
          m.folderMillis,
        );
      }
    })();
    // Tables are filled in name order, children before their parents: check the whole at the end.
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS src').run(source);
    db.transaction(() => {
      for (const table of dataTables(db)) {
        const theirs = new Set(columnsOf(db, table, 'src'));
        const cols = columnsOf(db, table)
          .filter((c) => theirs.has(c))
          .map((c) => `"${c}"`)
          .join(', ');
        db.exec(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}"`);
      }
    })();
    db.exec('DETACH DATABASE src');
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) throw new Error(`broken references: ${JSON.stringify(dangling)}`);
    if (!columnsOf(db, 'clients').includes('phone_key')) {
      const update = db.prepare('UPDATE clients SET search_text = ? WHERE id = ?');
      const rows = db.prepare('SELECT * FROM clients').all() as ClientText[];
      db.transaction(() => {
        for (const r of rows) update.run(searchTextBefore0006(r), r.id);
        db.prepare("UPDATE settings SET value = '1' WHERE key = 'searchIndexVersion'").run();
      })();
    }
    const tagsApart = columnsOf(db, 'clients').includes('tags_fold');
    if (!tagsApart && columnsOf(db, 'clients').includes('phone_key')) {
      // Before 0010 the tags were the end of the search text (index version 2).
      const update = db.prepare('UPDATE clients SET search_text = ? WHERE id = ?');
      const rows = db.prepare('SELECT id, search_text, tags FROM clients').all() as ClientText[];
      db.transaction(() => {
        for (const r of rows) {
          const folded = (JSON.parse(r.tags) as string[]).map(fold);
          update.run([r['search_text'], ...folded].filter(Boolean).join(' '), r.id);
        }
        db.prepare("UPDATE settings SET value = '2' WHERE key = 'searchIndexVersion'").run();
      })();
    }
    if (tagsApart) reindexClients(asWorkbook(target, db));
    else if (tags.indexOf('0002_client_search') <= upTo) indexBefore0010(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}
