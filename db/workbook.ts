/**
 * Opening a workbook: one SQLite file, durable pragmas, migrations applied in one transaction
 * after a backup copy is taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { emailKey } from '../kernel/emails';
import { phoneKey } from '../kernel/phones';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Workbook {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /**
   * Runs `fn` in one synchronous write transaction (BEGIN IMMEDIATE: the write lock is taken at
   * the start, waiting for a worker's transaction rather than failing half-way); a throw rolls
   * everything back. Nested calls become savepoints.
   */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` on one consistent snapshot without taking the write lock (long reads). */
  read<T>(fn: () => T): T;
  close(): void;
}

export interface OpenOptions {
  /** Folder with drizzle-kit's SQL migrations and `meta/_journal.json`. */
  migrationsDir: string;
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string;
  /** Clock for the backup file name; tests inject one. */
  now?: () => Date;
  /**
   * A second connection of a worker thread: the main process has migrated the file already, and
   * the worker must not write behind its back (no migrations, no statistics).
   */
  secondary?: boolean;
}

export class WorkbookOpenError extends Error {
  constructor(
    readonly reason: 'newer_version' | 'foreign_keys' | 'not_a_workbook',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookOpenError';
  }
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function openWorkbook(file: string, options: OpenOptions): Workbook {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const sqlite = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    registerFunctions(sqlite);
    if (!options.secondary) migrate(sqlite, file, existed, options);
    sqlite.pragma('foreign_keys = ON');
    if (!options.secondary) {
      // Fresh statistics for the query planner where tables changed a lot; bounded to stay fast.
      sqlite.pragma('analysis_limit = 1000');
      sqlite.pragma('optimize = 0x10002');
    }
  } catch (error) {
    sqlite.close();
    if (error instanceof Error && /file is not a database/i.test(error.message)) {
      throw new WorkbookOpenError('not_a_workbook', `${file} is not a Kartoteka workbook`);
    }
    throw error;
  }
  const db = drizzle(sqlite, { schema });
  return {
    file,
    sqlite,
    db,
    transaction: <T>(fn: () => T): T =>
      sqlite.inTransaction ? sqlite.transaction(fn)() : sqlite.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => sqlite.transaction(fn).deferred(),
    close: () => sqlite.close(),
  };
}

/**
 * SQL functions over the domain kernel, on every connection before anything else runs (a
 * migration fills the phone keys with `kphone`): Unicode case folding for filters (SQLite's
 * lower() folds ASCII only), and the one normalised form of phones and e-mails.
 */
function registerFunctions(sqlite: Database.Database): void {
  const text = (fn: (s: string) => string | null) => (value: unknown) =>
    typeof value === 'string' ? fn(value) : value;
  sqlite.function(
    'kfold',
    { deterministic: true },
    text((s) => s.toLowerCase().replace(/ё/g, 'е')),
  );
  sqlite.function('kphone', { deterministic: true }, text(phoneKey));
  sqlite.function('kemail', { deterministic: true }, text(emailKey));
}

/** Migrations that the file has not yet had, oldest first. */
function pendingMigrations(sqlite: Database.Database, all: MigrationMeta[]): MigrationMeta[] {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const last = sqlite
    .prepare(`SELECT created_at AS at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`)
    .get() as { at: number | string } | undefined;
  const lastAt = last ? Number(last.at) : -Infinity;
  const newest = all.at(-1)?.folderMillis ?? -Infinity;
  if (lastAt > newest) {
    throw new WorkbookOpenError(
      'newer_version',
      'This workbook was saved by a newer version of Kartoteka; update the program to open it.',
    );
  }
  return all.filter((m) => m.folderMillis > lastAt);
}

/**
 * Applies pending migrations the way drizzle's migrator does (same bookkeeping table), but with
 * foreign keys off outside the transaction and `foreign_key_check` inside it, so a table
 * rebuild can neither cascade-delete child rows nor leave dangling references.
 */
function migrate(sqlite: Database.Database, file: string, existed: boolean, options: OpenOptions) {
  const all = readMigrationFiles({ migrationsFolder: options.migrationsDir });
  const pending = pendingMigrations(sqlite, all);
  if (pending.length === 0) return;
  if (existed) backupBeforeMigration(sqlite, file, (options.now ?? (() => new Date()))());
  sqlite.pragma('foreign_keys = OFF');
  const apply = sqlite.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      sqlite
        .prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`)
        .run(migration.hash, migration.folderMillis);
    }
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new WorkbookOpenError(
        'foreign_keys',
        `Migration left ${violations.length} broken references; the workbook was not changed.`,
      );
    }
  });
  apply();
}

function backupBeforeMigration(sqlite: Database.Database, file: string, now: Date) {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.before-migration-${stamp}.bak`;
  sqlite.prepare('VACUUM INTO ?').run(target);
}
