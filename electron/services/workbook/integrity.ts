/**
 * Is a workbook file sound? SQLite's `PRAGMA quick_check` reads every page of it: instant on a
 * small workbook, some seconds on a large one (7.6 s on 1.1 GB). Small files are checked on the
 * spot; larger ones in a worker thread with its own read-only connection
 * (`dist/main/integrity-worker.cjs`), so the window goes on answering meanwhile.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Inspection } from '../../../db/workbook';
import { isPlainSqlite, keyOf, unlock, type WorkbookKey } from '../../../db/workbook-key';

/** Files up to this size are checked on the spot (about a tenth of a second). */
export const SYNC_CHECK_BYTES = 32 * 1024 * 1024;

export type Verdict = 'ok' | 'damaged';

/** What the worker is given. */
export interface IntegrityWorkerSetup {
  file: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted file (a class does not cross to a thread). */
  password?: string | undefined;
}

export type IntegrityReply = { verdict: Verdict } | { error: string };

/** SQLite's word for a file whose pages do not hold together. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** `quick_check` through a connection: a damaged file answers with its faults, or throws. */
export function quickCheck(sqlite: Database.Database): Verdict {
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? 'ok' : 'damaged';
  } catch (error) {
    if (isCorruption(error)) return 'damaged';
    throw error;
  }
}

/**
 * A file's own read-only connection for checking it, with the key of an encrypted one (a wrong
 * key reads as a damaged file). A WAL beside the file is read with it.
 */
export function openForCheck(setup: IntegrityWorkerSetup): Database.Database {
  const sqlite = new Database(setup.file, {
    readonly: true,
    fileMustExist: true,
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
  });
  const key = keyOf(setup.password);
  try {
    if (key && !isPlainSqlite(setup.file)) unlock(sqlite, key);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}

/**
 * Whether an encrypted file opens with `key` at all (one page read); a plain file always does.
 * A backup made under an earlier password does not: it is neither damaged nor restorable.
 */
export function opensWith(file: string, key: WorkbookKey | null, nativeBinding?: string): boolean {
  if (safePlain(file)) return true;
  if (!key) return false;
  try {
    const sqlite = openForCheck({ file, nativeBinding, password: key.reveal() });
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
      return true;
    } finally {
      sqlite.close();
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') return false;
    // Its first page decrypts, but more is wrong: the integrity check says what.
    return true;
  }
}

export function checkFile(setup: IntegrityWorkerSetup): Verdict {
  let sqlite: Database.Database;
  try {
    sqlite = openForCheck(setup);
  } catch (error) {
    if (isCorruption(error)) return 'damaged';
    throw error;
  }
  try {
    return quickCheck(sqlite);
  } finally {
    sqlite.close();
  }
}

export interface IntegrityCheckerOptions {
  /** The bundled worker; without it (unit tests) the check runs here. */
  workerScript?: string | undefined;
  nativeBinding?: string | undefined;
  /** Files up to this size are checked on the spot. */
  syncBytes?: number;
}

export class IntegrityChecker {
  private readonly running = new Set<Worker>();

  constructor(private readonly options: IntegrityCheckerOptions) {}

  /** Whether `file` is small enough to be checked on the spot. */
  isSmall(file: string): boolean {
    let size = 0;
    for (const f of [file, `${file}-wal`]) {
      try {
        size += fs.statSync(f).size;
      } catch {
        // No WAL beside it.
      }
    }
    return size <= (this.options.syncBytes ?? SYNC_CHECK_BYTES);
  }

  /**
   * A file about to be opened: checked now when it is small (`ok` or `damaged`); `checking`
   * otherwise, for `check` to run in the background once it is open.
   */
  checkBeforeOpen(file: string, key: WorkbookKey | null = null): 'ok' | 'damaged' | 'checking' {
    if (!this.isSmall(file)) return 'checking';
    return checkFile({ file, nativeBinding: this.options.nativeBinding, password: key?.reveal() });
  }

  /** Checks `file` in a worker thread (here, when there is no worker script). */
  check(file: string, key: WorkbookKey | null = null): Promise<Verdict> {
    const setup: IntegrityWorkerSetup = {
      file,
      nativeBinding: this.options.nativeBinding,
      password: key?.reveal(),
    };
    const script = this.options.workerScript;
    if (!script || !fs.existsSync(script)) {
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(checkFile(setup));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
    }
    return new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: setup });
      this.running.add(worker);
      let settled = false;
      worker.once('message', (reply: IntegrityReply) => {
        settled = true;
        if ('verdict' in reply) resolve(reply.verdict);
        else reject(new Error(reply.error));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        this.running.delete(worker);
        if (!settled) reject(new Error(`integrity worker stopped (exit code ${code})`));
      });
    });
  }

  /** Stops the checks still running (the workbook closes, the app stops). */
  stop(): void {
    for (const worker of this.running) void worker.terminate();
    this.running.clear();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What a workbook whose pages SQLite cannot read is taken for, when its header (read with plain
 * file reads, or through its key when it is encrypted) carries the workbook mark: opened
 * read-only as damaged, never migrated, so its backups can be offered. Null for any other
 * file: it is refused.
 */
export function damagedInspection(
  file: string,
  applicationId: number,
  how: { key: WorkbookKey | null; nativeBinding?: string | undefined } = { key: null },
): Inspection | null {
  if (how.key && !safePlain(file)) return sealedDamaged(file, applicationId, how.key, how);
  const header = Buffer.alloc(100);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      if (fs.readSync(fd, header, 0, header.length, 0) < header.length) return null;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (!header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return null;
  if (header.readUInt32BE(68) !== applicationId) return null;
  return {
    marked: true,
    schemaVersion: header.readUInt32BE(60),
    pending: [],
    needsWrite: false,
    encrypted: false,
  };
}

function safePlain(file: string): boolean {
  try {
    return isPlainSqlite(file);
  } catch {
    return false;
  }
}

/** An encrypted workbook whose first page its key still reads (the damage is further in). */
function sealedDamaged(
  file: string,
  applicationId: number,
  key: WorkbookKey,
  how: { nativeBinding?: string | undefined },
): Inspection | null {
  try {
    const sqlite = openForCheck({ file, nativeBinding: how.nativeBinding, password: key.reveal() });
    try {
      if (sqlite.pragma('application_id', { simple: true }) !== applicationId) return null;
      const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
      return { marked: true, schemaVersion, pending: [], needsWrite: false, encrypted: true };
    } finally {
      sqlite.close();
    }
  } catch {
    return null;
  }
}

/**
 * A workbook left with a hot rollback journal (`-journal`: a process was killed while it wrote
 * in rollback mode, e.g. while a restored or re-encrypted file was switched to WAL at its
 * opening). Read-only connections cannot roll it back, so every look before the opening would
 * fail; SQLite rolls it back on the first writable connection, as it would at any open. Only a
 * file carrying the workbook mark (or an encrypted one, given its key) is touched.
 */
export function rollBackHotJournal(
  file: string,
  how: { key: WorkbookKey | null; nativeBinding?: string | undefined; applicationId: number },
): void {
  const journal = `${file}-journal`;
  try {
    if (!fs.existsSync(journal) || fs.statSync(journal).size === 0) return;
  } catch {
    return;
  }
  if (safePlain(file)) {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (header.readUInt32BE(68) !== how.applicationId) return;
  } else if (!how.key) return;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, {
      fileMustExist: true,
      ...(how.nativeBinding ? { nativeBinding: how.nativeBinding } : {}),
    });
    if (how.key && !safePlain(file)) unlock(sqlite, how.key);
    // The first read of the schema rolls the journal back.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch {
    // A read-only medium or a wrong key: the look that follows says what is wrong.
  } finally {
    sqlite?.close();
  }
}
