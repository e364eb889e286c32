/**
 * Only workbooks are opened: every workbook carries Kartoteka's application_id and its schema
 * version in user_version; any other file is refused and left byte for byte as it was; one made
 * before the mark is recognised and marked; one from a newer version is refused before anything
 * is written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkbook, WorkbookOpenError, type Workbook } from '../../db/workbook';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const dirs: string[] = [];
const open: Workbook[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) wb.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const MIGRATIONS = (
  JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

function folder() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

function openAt(file: string, options: { readOnly?: boolean; create?: boolean } = {}) {
  const wb = openWorkbook(file, { migrationsDir: MIGRATIONS_DIR, ...options });
  open.push(wb);
  return wb;
}

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The folder's files with their checksums: what a refused open must leave exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, checksum(path.join(dir, name))]),
  );
}

/** Another program's database, as plain SQLite makes it. */
function foreignDatabase(file: string, journal: 'delete' | 'wal', applicationId = 0) {
  const db = new Database(file);
  db.pragma(`journal_mode = ${journal}`);
  if (applicationId) db.pragma(`application_id = ${applicationId}`);
  db.exec(
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('мой текст')",
  );
  db.close();
}

function refusal(fn: () => unknown): WorkbookOpenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbookOpenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Reads the marks with plain SQLite, as an outside tool would. */
function marks(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }),
      userVersion: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('the mark', () => {
  it('a new workbook carries the application_id "KART" and its schema version', () => {
    const file = path.join(folder(), 'new.kartoteka');
    const wb = openAt(file);
    expect(wb.schemaVersion).toBe(MIGRATIONS);
    wb.close();
    open.pop();
    expect(Buffer.from([0x4b, 0x41, 0x52, 0x54]).readUInt32BE(0)).toBe(APPLICATION_ID);
    expect(marks(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: MIGRATIONS });
  });

  it('a workbook made before the mark is recognised, marked, and keeps its data (no backup needed)', () => {
    const dir = folder();
    const file = path.join(dir, 'old.kartoteka');
    const wb = openAt(file);
    wb.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('userName', '\"Анна\"', 'x')")
      .run();
    // What the versions before the mark left: no application_id, no user_version.
    wb.sqlite.pragma('application_id = 0');
    wb.sqlite.pragma('user_version = 0');
    wb.close();
    open.pop();
    expect(marks(file)).toEqual({ applicationId: 0, userVersion: 0 });

    const again = openAt(file);
    expect(
      again.sqlite.prepare("SELECT value FROM settings WHERE key = 'userName'").pluck().get(),
    ).toBe('"Анна"');
    again.close();
    open.pop();
    expect(marks(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: MIGRATIONS });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

describe('a file that is not a workbook is refused and left byte for byte as it was', () => {
  it.each(['delete', 'wal'] as const)(
    'an SQLite database of another program (%s journal)',
    (journal) => {
      const dir = folder();
      const file = path.join(dir, 'other.db');
      foreignDatabase(file, journal);
      const before = snapshot(dir);
      expect(refusal(() => openAt(file)).reason).toBe('foreign_database');
      expect(refusal(() => openAt(file, { readOnly: true })).reason).toBe('foreign_database');
      // No migration, no WAL switch, no backup file, no side files: the folder is as it was.
      expect(snapshot(dir)).toEqual(before);
      const db = new Database(file, { readonly: true });
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
      ).toEqual(['notes']);
      db.close();
    },
  );

  it('a database marked by another program is refused without SQLite opening it', () => {
    const dir = folder();
    const file = path.join(dir, 'other.sqlite');
    foreignDatabase(file, 'wal', 0x12345678);
    const before = snapshot(dir);
    expect(refusal(() => openAt(file)).reason).toBe('foreign_database');
    expect(snapshot(dir)).toEqual(before);
  });

  // Random bytes in whole pages may be an encrypted workbook: its password is asked for
  // (test/unit/workbook-password.test.ts opens them with a wrong one).
  it.each([
    ['a text file', Buffer.from('Фамилия;Телефон\nИванова;+7 912 345-67-89\n'), 'not_a_workbook'],
    ['an empty file', Buffer.alloc(0), 'not_a_workbook'],
    ['random bytes', crypto.randomBytes(8000), 'not_a_workbook'],
    ['random bytes in whole pages', crypto.randomBytes(8192), 'password_required'],
  ])('%s', (_what, bytes, reason) => {
    const dir = folder();
    const file = path.join(dir, 'clients.kartoteka');
    fs.writeFileSync(file, bytes);
    const before = snapshot(dir);
    expect(refusal(() => openAt(file)).reason).toBe(reason);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a missing file is not made when creating is not asked for', () => {
    const dir = folder();
    expect(refusal(() => openAt(path.join(dir, 'gone.kartoteka'), { create: false })).reason).toBe(
      'not_found',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a workbook from a newer version', () => {
  it('is refused before anything is written: no WAL switch, no backup, the same bytes', () => {
    const dir = folder();
    const file = path.join(dir, 'future.kartoteka');
    openAt(file).close();
    open.pop();
    // As a newer program would leave it: one more migration, and the file at rest in rollback mode.
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'future',
      4102444800000,
    );
    db.pragma(`user_version = ${MIGRATIONS + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = snapshot(dir);
    const error = refusal(() => openAt(file));
    expect(error.reason).toBe('newer_version');
    expect(error.details).toEqual({ found: MIGRATIONS + 1, known: MIGRATIONS });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('reading only', () => {
  it('opens without writing anything, and refuses writes', () => {
    const dir = folder();
    const file = path.join(dir, 'ro.kartoteka');
    openAt(file).close();
    open.pop();
    const before = snapshot(dir);
    const wb = openAt(file, { readOnly: true });
    expect(wb.readOnly).toBe(true);
    expect(wb.sqlite.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(() =>
      wb.transaction(() =>
        wb.sqlite
          .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 'x')")
          .run(),
      ),
    ).toThrow(/readonly/i);
    wb.close();
    open.pop();
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses one that needs a migration, saying so', () => {
    const dir = folder();
    const file = path.join(dir, 'older.kartoteka');
    openAt(file).close();
    open.pop();
    const db = new Database(file);
    db.prepare(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
    ).run();
    db.close();
    const before = snapshot(dir);
    expect(refusal(() => openAt(file, { readOnly: true })).reason).toBe('needs_migration');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('one file', () => {
  it('close folds the WAL back: the file alone has the last change', () => {
    const dir = folder();
    const file = path.join(dir, 'one.kartoteka');
    const wb = openAt(file);
    wb.transaction(() =>
      wb.sqlite
        .prepare(
          "INSERT INTO settings (key, value, updated_at) VALUES ('last', '\"изменение\"', 'x')",
        )
        .run(),
    );
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    wb.close();
    open.pop();
    expect(fs.readdirSync(dir)).toEqual(['one.kartoteka']);
    // The file copied alone, as a user copies it to a stick.
    const copy = path.join(dir, 'copy.kartoteka');
    fs.copyFileSync(file, copy);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'last'").pluck().get()).toBe(
      '"изменение"',
    );
    db.close();
  });

  it('checkpoint empties the WAL while the workbook stays open', () => {
    const file = path.join(folder(), 'live.kartoteka');
    const wb = openAt(file);
    wb.transaction(() =>
      wb.sqlite
        .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'x')")
        .run(),
    );
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(wb.checkpoint()).toBe(true);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
  });
});
