/**
 * Is this file a Kartoteka workbook, and may this program open it? Decided before anything is
 * written: the header is read with plain file reads, and SQLite is asked only through a
 * read-only connection, so a file that is refused stays byte for byte as it was (no migration,
 * no switch to WAL, no backup copy, no new tables).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { unlock, type WorkbookKey } from './workbook-key';

/** `PRAGMA application_id` of every workbook: the bytes 'KART'. */
export const APPLICATION_ID = 0x4b415254;

export const MIGRATIONS_TABLE = '__drizzle_migrations';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
const APPLICATION_ID_OFFSET = 68;
const MIN_PAGE = 512;

/** Tables every workbook has had since its first version: how one made before the mark is known. */
const WORKBOOK_TABLES = [MIGRATIONS_TABLE, 'clients', 'changes', 'batches', 'settings'];

export type RefusalReason =
  /** No file at that path. */
  | 'not_found'
  /** The path is a folder. */
  | 'folder'
  /** Not an SQLite database at all. */
  | 'not_a_workbook'
  /** Encrypted (or not a workbook at all): it opens only with its password. */
  | 'password_required'
  /** The password given does not open it (or it is not a workbook at all). */
  | 'wrong_password'
  /** An SQLite database of another program. */
  | 'foreign_database'
  /** Saved by a newer version of Kartoteka. */
  | 'newer_version'
  /** Needs a migration, but it may only be read. */
  | 'needs_migration'
  /** A migration would leave broken references (nothing was changed). */
  | 'foreign_keys';

export class WorkbookOpenError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** What the message needs: the schema version found and the newest this program knows. */
    readonly details: { found?: number; known?: number } = {},
  ) {
    super(message);
    this.name = 'WorkbookOpenError';
  }
}

export interface Inspection {
  /** Carries the application_id; false for a workbook made before the mark existed. */
  marked: boolean;
  /** Migrations applied to it. */
  schemaVersion: number;
  /** Migrations this program would apply, oldest first. */
  pending: MigrationMeta[];
  /** Opening it for writing changes it (migrations, or the marks to set). */
  needsWrite: boolean;
  /** Encrypted: every connection to it needs the key it was inspected with. */
  encrypted: boolean;
}

interface Look {
  applicationId: number;
  userVersion: number;
  tables: Set<string>;
  applied: number;
  lastAt: number;
}

/**
 * Checks `file` against the migrations this program knows; throws a `WorkbookOpenError` for
 * anything it must not open. An encrypted file is looked into with `key` (read-only, like a
 * plain one); a key given for a plain file is not used.
 */
export function inspectWorkbook(
  file: string,
  migrations: MigrationMeta[],
  nativeBinding?: string,
  key?: WorkbookKey | null,
): Inspection {
  const header = readHeader(file);
  const encrypted = header === 'sealed';
  if (encrypted && !key) {
    throw new WorkbookOpenError(
      'password_required',
      `${file} is encrypted (or is not a workbook): it opens with its password.`,
    );
  }
  const headerId = encrypted ? null : header.readUInt32BE(APPLICATION_ID_OFFSET);
  // Marked by another program: refused without SQLite ever opening it.
  if (headerId !== null && headerId !== 0 && headerId !== APPLICATION_ID) throw foreign(file);
  const look = lookInside(file, nativeBinding, encrypted ? (key ?? null) : null, {
    // Only a file that says it is ours may have a hot journal rolled back (see lookInside).
    rollBack: headerId === APPLICATION_ID,
  });
  if (!isWorkbook(look)) throw foreign(file);
  const marked = look.applicationId === APPLICATION_ID;
  const newestAt = migrations.at(-1)?.folderMillis ?? -Infinity;
  if (look.lastAt > newestAt || (marked && look.userVersion > migrations.length)) {
    throw new WorkbookOpenError(
      'newer_version',
      `${file} was saved by a newer version of Kartoteka; update the program to open it.`,
      { found: Math.max(look.userVersion, look.applied), known: migrations.length },
    );
  }
  const pending = migrations.filter((m) => m.folderMillis > look.lastAt);
  const schemaVersion = look.applied;
  return {
    marked,
    schemaVersion,
    pending,
    needsWrite: pending.length > 0 || !marked || look.userVersion !== schemaVersion,
    encrypted,
  };
}

/**
 * The first 100 bytes, when the file is a plain SQLite database; `sealed` when it may be an
 * encrypted one (random bytes, whole pages); otherwise a refusal.
 */
function readHeader(file: string): Buffer | 'sealed' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new WorkbookOpenError('not_found', `There is no file at ${file}.`);
    }
    throw error;
  }
  if (stat.isDirectory()) throw new WorkbookOpenError('folder', `${file} is a folder.`);
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === HEADER_SIZE && header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return header;
  }
  // Every database file is whole pages (512 bytes to 64 KB); a text or an office file is
  // refused as not a workbook instead of asking for a password it cannot have.
  if (stat.size >= MIN_PAGE && stat.size % MIN_PAGE === 0) return 'sealed';
  throw new WorkbookOpenError('not_a_workbook', `${file} is not a Kartoteka workbook.`);
}

/**
 * Reads the marks, the tables and the applied migrations through a read-only connection (it
 * sees what is still in the WAL). A read-only connection to a database in WAL mode makes the
 * `-wal` and `-shm` files; those it made (and left empty) are removed again.
 */
function lookInside(
  file: string,
  nativeBinding: string | undefined,
  key: WorkbookKey | null,
  options: { rollBack: boolean },
): Look {
  const sides = [`${file}-wal`, `${file}-shm`];
  const existed = sides.map((f) => fs.existsSync(f));
  let look: Look;
  try {
    const sqlite = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      if (key) unlock(sqlite, key);
      look = readLook(sqlite);
    } finally {
      sqlite.close();
    }
  } catch (error) {
    removeMadeSideFiles(sides, existed);
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw key
        ? new WorkbookOpenError(
            'wrong_password',
            `The password does not open ${file} (or it is not a workbook).`,
          )
        : new WorkbookOpenError('not_a_workbook', `${file} is not a Kartoteka workbook.`);
    }
    // A write of ours cut short in rollback mode (killed as the journal mode switched on
    // opening) left a hot journal, which only a writable connection rolls back. Only for a
    // file carrying our mark: anything else stays as it is.
    if (code === 'SQLITE_READONLY_ROLLBACK' && options.rollBack) {
      rollBackInterruptedWrite(file, nativeBinding);
      return lookInside(file, nativeBinding, key, { rollBack: false });
    }
    throw error;
  }
  // Whatever the verdict (a foreign file, a newer version): the look leaves no trace. A workbook
  // opened for writing next makes its own.
  removeMadeSideFiles(sides, existed);
  return look;
}

/** Opens `file` for writing just long enough for SQLite to roll its hot journal back. */
function rollBackInterruptedWrite(file: string, nativeBinding: string | undefined): void {
  const sqlite = new Database(file, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    sqlite.close();
  }
}

/** Marked as ours, or made before the mark existed: unmarked, with the tables every workbook has. */
function isWorkbook(look: Look): boolean {
  if (look.applicationId === APPLICATION_ID) return true;
  return look.applicationId === 0 && WORKBOOK_TABLES.every((t) => look.tables.has(t));
}

function readLook(sqlite: Database.Database): Look {
  const tables = new Set(
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  let applied = 0;
  let lastAt = -Infinity;
  if (tables.has(MIGRATIONS_TABLE)) {
    const row = sqlite
      .prepare(`SELECT count(*) AS n, max(created_at) AS at FROM "${MIGRATIONS_TABLE}"`)
      .get() as { n: number; at: number | string | null };
    applied = row.n;
    if (row.at !== null) lastAt = Number(row.at);
  }
  return {
    applicationId: sqlite.pragma('application_id', { simple: true }) as number,
    userVersion: sqlite.pragma('user_version', { simple: true }) as number,
    tables,
    applied,
    lastAt,
  };
}

/** Side files this look made (absent before, empty now): removed so a refused file leaves no trace. */
function removeMadeSideFiles(sides: string[], existed: boolean[]): void {
  const [wal, shm] = sides;
  if (!wal || !shm || existed[0] || !fs.existsSync(wal) || fs.statSync(wal).size > 0) return;
  fs.rmSync(wal, { force: true });
  if (!existed[1]) fs.rmSync(shm, { force: true });
}

function foreign(file: string): WorkbookOpenError {
  return new WorkbookOpenError(
    'foreign_database',
    `${file} is a database of another program, not a Kartoteka workbook.`,
  );
}
