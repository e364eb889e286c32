/**
 * Opening a workbook: one SQLite file, checked to be a workbook before anything is written
 * (see workbook-identity.ts), durable pragmas, migrations applied in one transaction after a
 * backup copy is taken, and folded back into one file (WAL checkpoint) when it closes.
 */
import { attachCapture, recordedDevice, type SyncCapture } from './sync-capture';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { emailKey } from '../kernel/emails';
import { localDay } from '../kernel/local-date';
import { phoneKey } from '../kernel/phones';
import * as schema from './schema';
import { unlock, type WorkbookKey } from './workbook-key';
import { floorSearchStatistics } from './search-upkeep';
import {
  APPLICATION_ID,
  inspectWorkbook,
  MIGRATIONS_TABLE,
  WorkbookOpenError,
  type Inspection,
} from './workbook-identity';

export { APPLICATION_ID, inspectWorkbook, WorkbookOpenError, type Inspection };
export { WorkbookKey } from './workbook-key';
export type { RefusalReason } from './workbook-identity';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Workbook {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Opened for reading only: nothing can be written through this connection. */
  readonly readOnly: boolean;
  /** Migrations applied to the file (kept in `PRAGMA user_version` too). */
  readonly schemaVersion: number;
  /** The key of an encrypted workbook (every other connection to it needs it); null when plain. */
  readonly key: WorkbookKey | null;
  /**
   * Runs `fn` in one synchronous write transaction (BEGIN IMMEDIATE: the write lock is taken at
   * the start, waiting for a worker's transaction rather than failing half-way); a throw rolls
   * everything back. Nested calls become savepoints.
   */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` on one consistent snapshot without taking the write lock (long reads). */
  read<T>(fn: () => T): T;
  /**
   * Folds the WAL back into the file and empties it (TRUNCATE), so the file alone holds every
   * committed change. False when a reader kept it from finishing (it is then retried at close).
   */
  checkpoint(): boolean;
  /** Checkpoints (unless read-only or a worker's connection) and closes. */
  close(): void;
  /** Logging this connection's changes for sync (db/sync-capture.ts). */
  readonly capture: SyncCapture;
}

export interface OpenOptions {
  /** Folder with drizzle-kit's SQL migrations and `meta/_journal.json`. */
  migrationsDir: string;
  /** Path of a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string | undefined;
  /** Clock for the backup file name; tests inject one. */
  now?: () => Date;
  /**
   * A second connection of a worker thread: the main process has checked and migrated the file
   * already, and the worker must not write behind its back (no migrations, no statistics, no
   * journal mode).
   */
  secondary?: boolean;
  /** Open for reading only: no WAL switch, no migration, no mark. One that needs a migration is refused. */
  readOnly?: boolean;
  /** Make a new workbook when there is no file at the path (the default); false refuses instead. */
  create?: boolean;
  /** The file's inspection, when the caller has just made it (the session does, to lock in between). */
  inspection?: Inspection;
  /**
   * Takes the backup before a migration changes an existing workbook (the app keeps it with the
   * workbook's other backups); without it, a copy is written beside the file.
   */
  beforeMigration?: ((sqlite: Database.Database, file: string) => void) | undefined;
  /**
   * The password of an encrypted workbook (ignored for a plain one); a new workbook made here
   * is encrypted with it.
   */
  key?: WorkbookKey | null | undefined;
}

export function openWorkbook(file: string, options: OpenOptions): Workbook {
  if (!options.secondary && options.create !== false && !fs.existsSync(file)) {
    createWorkbookFile(file, options);
  }
  // A worker's connection neither inspects nor migrates: it does not read (and hash) the
  // migration files either, which its start would wait for.
  const inspection = options.secondary
    ? null
    : (options.inspection ??
      inspectWorkbook(
        file,
        readMigrationFiles({ migrationsFolder: options.migrationsDir }),
        options.nativeBinding,
        options.key ?? null,
      ));
  // A worker's connection takes the key it is given: the main process inspected the file.
  const key = (inspection ? inspection.encrypted : true) ? (options.key ?? null) : null;
  const readOnly = options.readOnly === true;
  if (readOnly && inspection && inspection.pending.length > 0) {
    throw new WorkbookOpenError(
      'needs_migration',
      `${file} must be upgraded by this version of Kartoteka before it can be opened, and it can only be read.`,
    );
  }
  const sqlite = new Database(file, {
    fileMustExist: true,
    ...(readOnly ? { readonly: true } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  let schemaVersion = inspection?.schemaVersion ?? 0;
  let capture: SyncCapture;
  try {
    if (key) unlock(sqlite, key);
    sqlite.pragma('busy_timeout = 5000');
    if (!readOnly && !options.secondary) sqlite.pragma('journal_mode = WAL');
    // Only writes need it; and reading a damaged workbook's schema must not stop its opening.
    if (!readOnly) sqlite.pragma('synchronous = FULL');
    registerFunctions(sqlite);
    if (inspection && !readOnly && inspection.needsWrite) {
      schemaVersion = migrate(sqlite, file, inspection.pending, true, options);
    }
    sqlite.pragma('foreign_keys = ON');
    capture = attachCapture(sqlite);
    const device = readOnly ? null : recordedDevice(sqlite);
    if (device) capture.enable(device);
    if (!readOnly && !options.secondary) {
      // Fresh statistics for the query planner where tables changed a lot; bounded to stay fast.
      sqlite.pragma('analysis_limit = 1000');
      sqlite.pragma('optimize = 0x10002');
      floorSearchStatistics(sqlite);
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return wrap(file, sqlite, {
    readOnly,
    schemaVersion,
    secondary: options.secondary === true,
    key,
    capture,
  });
}

function wrap(
  file: string,
  sqlite: Database.Database,
  how: {
    readOnly: boolean;
    schemaVersion: number;
    secondary: boolean;
    key: WorkbookKey | null;
    capture: SyncCapture;
  },
): Workbook {
  const checkpoint = (): boolean => {
    if (how.readOnly) return true;
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  };
  const idle = how.readOnly || how.secondary ? null : idleCheckpoints(sqlite);
  return {
    file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    readOnly: how.readOnly,
    schemaVersion: how.schemaVersion,
    key: how.key,
    capture: how.capture,
    transaction: <T>(fn: () => T): T => {
      if (sqlite.inTransaction) return sqlite.transaction(fn)();
      const result = sqlite.transaction(fn).immediate();
      idle?.wrote();
      return result;
    },
    read: <T>(fn: () => T): T => sqlite.transaction(fn).deferred(),
    checkpoint,
    close: () => {
      idle?.stop();
      if (!sqlite.open) return;
      try {
        if (!how.secondary && !how.readOnly) {
          checkpoint();
          restInRollbackMode(sqlite);
        }
      } finally {
        sqlite.close();
      }
    },
  };
}

/** WAL pages after which a commit folds the WAL back itself, when no idle moment came first. */
const AUTO_CHECKPOINT_PAGES = 8192;
/** Quiet time after the last write before the WAL is folded back. */
const IDLE_MS = 1000;

/**
 * Keeps the WAL's folding-back out of the user's edits. SQLite's default folds the WAL into the
 * file inside whichever commit passes 1,000 pages, so about one edit in twenty on a large
 * workbook paid 10–30 ms for it. Here it runs once writes have paused for a second (a passive
 * checkpoint: it never waits for readers), and the commit itself does it only past 8,192 pages,
 * the safety net for a long stream of writes without a pause.
 */
function idleCheckpoints(sqlite: Database.Database) {
  sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const fold = () => {
    timer = null;
    // A transaction left open by an awaited read, or a closed file: nothing to do now.
    if (!sqlite.open || sqlite.inTransaction) return;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or shut down meanwhile: the next pause or the commit's own checkpoint does it.
    }
  };
  return {
    wrote: () => {
      stop();
      timer = setTimeout(fold, IDLE_MS);
      timer.unref();
    },
    stop,
  };
}

/**
 * Leaves the closed file in rollback-journal mode: one file with no `-wal`/`-shm` beside it,
 * which opens read-only anywhere (a write-protected stick, a CD) without making side files.
 * The next writable open switches it back to WAL. Skipped when another connection still has
 * the file open (the switch needs it alone; the file is whole after the checkpoint anyway).
 */
function restInRollbackMode(sqlite: Database.Database): void {
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw error;
  }
}

/**
 * Makes a new, marked workbook at `file`, which must not exist: built under a temporary name
 * beside it and moved into place whole, so the path never holds a half-made workbook (one
 * without its tables or its mark would be refused as foreign ever after).
 */
export function createWorkbookFile(file: string, options: OpenOptions): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.creating`,
  );
  try {
    const sqlite = new Database(temp, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      if (options.key) unlock(sqlite, options.key);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      registerFunctions(sqlite);
      const all = readMigrationFiles({ migrationsFolder: options.migrationsDir });
      migrate(sqlite, temp, all, false, options);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      sqlite.close();
    }
    syncFile(temp);
    moveIntoPlace(temp, file);
    syncFolder(dir);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Moves `temp` to `file` unless something is there already (hard link where the disk has them). */
function moveIntoPlace(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // FAT and exFAT sticks and some network shares have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV')
      throw error;
  }
  if (fs.existsSync(file)) {
    throw Object.assign(new Error(`EEXIST: file already exists, ${file}`), { code: 'EEXIST' });
  }
  fs.renameSync(temp, file);
}

/** Flushes a file's bytes to the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename in it) where the system allows it (not on Windows). */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; its renames are durable once the call returns.
  } finally {
    fs.closeSync(fd);
  }
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
  // The local calendar day of a stored UTC moment, what `date(x, 'localtime')` gives, without
  // its cost: SQLite asks the C library, which looks at /etc/localtime on the disk again for
  // every row (Today's last contacts of 100,000 clients: 1.2 s of file system calls).
  sqlite.function(
    'klocalday',
    text((s) => {
      const at = new Date(s);
      return Number.isNaN(at.getTime()) ? null : localDay(at);
    }),
  );
}

/**
 * Applies pending migrations the way drizzle's migrator does (same bookkeeping table), but with
 * foreign keys off outside the transaction and `foreign_key_check` inside it, so a table
 * rebuild can neither cascade-delete child rows nor leave dangling references. The marks
 * (`application_id`, and `user_version` = migrations applied) are set in the same transaction.
 * Returns the schema version.
 */
function migrate(
  sqlite: Database.Database,
  file: string,
  pending: MigrationMeta[],
  existed: boolean,
  options: OpenOptions,
): number {
  if (existed && pending.length > 0) {
    if (options.beforeMigration) options.beforeMigration(sqlite, file);
    else backupBeforeMigration(sqlite, file, (options.now ?? (() => new Date()))());
  }
  sqlite.pragma('foreign_keys = OFF');
  const apply = sqlite.transaction(() => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
    );
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      sqlite
        .prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`)
        .run(migration.hash, migration.folderMillis);
    }
    // Only a migration can break references; marking a workbook alone does not read them all.
    const violations = pending.length > 0 ? (sqlite.pragma('foreign_key_check') as unknown[]) : [];
    if (violations.length > 0) {
      throw new WorkbookOpenError(
        'foreign_keys',
        `Migration left ${violations.length} broken references; the workbook was not changed.`,
      );
    }
    const version = sqlite
      .prepare(`SELECT count(*) FROM "${MIGRATIONS_TABLE}"`)
      .pluck()
      .get() as number;
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${version}`);
    return version;
  });
  return apply.immediate();
}

function backupBeforeMigration(sqlite: Database.Database, file: string, now: Date) {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.before-migration-${stamp}.bak`;
  sqlite.prepare('VACUUM INTO ?').run(target);
}
