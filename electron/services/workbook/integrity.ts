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

/** Files up to this size are checked on the spot (about a tenth of a second). */
export const SYNC_CHECK_BYTES = 32 * 1024 * 1024;

export type Verdict = 'ok' | 'damaged';

/** What the worker is given. */
export interface IntegrityWorkerSetup {
  file: string;
  nativeBinding?: string | undefined;
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
 * A file's own read-only connection for checking it. An encrypted workbook will need its key
 * here too. A WAL beside the file is read with it.
 */
export function openForCheck(setup: IntegrityWorkerSetup): Database.Database {
  return new Database(setup.file, {
    readonly: true,
    fileMustExist: true,
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
  });
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
  checkBeforeOpen(file: string): 'ok' | 'damaged' | 'checking' {
    if (!this.isSmall(file)) return 'checking';
    return checkFile({ file, nativeBinding: this.options.nativeBinding });
  }

  /** Checks `file` in a worker thread (here, when there is no worker script). */
  check(file: string): Promise<Verdict> {
    const setup: IntegrityWorkerSetup = { file, nativeBinding: this.options.nativeBinding };
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
 * file reads) carries the workbook mark: opened read-only as damaged, never migrated, so its
 * backups can be offered. Null for any other file: it is refused.
 */
export function damagedInspection(file: string, applicationId: number): Inspection | null {
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
  return { marked: true, schemaVersion: header.readUInt32BE(60), pending: [], needsWrite: false };
}
