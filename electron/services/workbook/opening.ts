/**
 * Opening one workbook file in two steps. `prepare` only reads: it checks that the file is a
 * workbook this program may open and takes its lock (or learns who holds it), so a refusal
 * leaves the workbook open now untouched. `finish` opens the connection, migrating and marking
 * the file if it is writable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { LockHolder, Locale, WorkbookInfo } from '../../api/contract';
import { AppError } from '../../api/errors';
import { DashboardCache } from '../analytics/dashboard';
import { AnalyticsStore } from '../analytics/store';
import {
  APPLICATION_ID,
  inspectWorkbook,
  openWorkbook,
  WorkbookOpenError,
  type Inspection,
  type Workbook,
  type WorkbookKey,
} from '../../../db/workbook';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { damagedInspection, isCorruption, rollBackHotJournal } from './integrity';
import { acquireLock, liveHolder, type HeldLock, type LockEnv } from './lock';
import { workbookName } from './names';
import { fileError, lockedError, refusal } from './refusals';

export type ReadOnlyReason = NonNullable<WorkbookInfo['readOnlyReason']>;

/** The open workbook and what lives as long as it does. */
export interface Opened {
  wb: Workbook;
  lock: HeldLock | null;
  readOnlyReason: ReadOnlyReason | null;
  lockedBy: LockHolder | null;
  /** The sales kept in memory for analytics, and the dashboard computed from them. */
  store: AnalyticsStore;
  dashboards: DashboardCache;
  /** Its integrity check (integrity.ts): `damaged` also makes it read-only. */
  integrity: WorkbookInfo['integrity'];
}

export interface Prepared {
  file: string;
  inspection: Inspection;
  readOnlyReason: ReadOnlyReason | null;
  lock: HeldLock | null;
  lockedBy: LockHolder | null;
  /**
   * Its integrity check: `damaged` (SQLite cannot read it, or the check failed) opens it
   * read-only with its lock taken (for a restore), never migrated; `checking` when it is too
   * large to be checked before the open.
   */
  integrity: WorkbookInfo['integrity'];
  /** The key it opens with: null for a plain workbook (a password given for one is dropped). */
  key: WorkbookKey | null;
}

export interface OpeningEnv {
  migrationsDir: string;
  nativeBinding?: string | undefined;
  now: () => Date;
  lockEnv: LockEnv;
  locale: () => Locale;
  /** Runs on a workbook just opened for writing (the search index is brought up to date). */
  prepareWritable?: ((wb: Workbook) => void) | undefined;
  /** Takes the backup before a migration changes the file (backups.ts). */
  beforeMigration?: ((sqlite: Database.Database, file: string) => void) | undefined;
  /**
   * Checks the file before it is opened (integrity.ts): a small one on the spot, so a damaged
   * workbook is never written to; a large one later, in the background (`checking`).
   */
  checkIntegrity?:
    ((file: string, key: WorkbookKey | null) => WorkbookInfo['integrity']) | undefined;
}

/**
 * Checks `file` and takes its lock. A workbook another program holds is refused with `locked`,
 * or, with `lockedFallback`, opened read-only (a shell's first workbook: better than nothing).
 */
export function prepare(
  file: string,
  options: {
    readOnly: boolean;
    lockedFallback: boolean;
    /** The lock this process kept while the file was replaced. */
    held?: HeldLock | null | undefined;
    /** The password the user gave (an encrypted workbook is refused without the right one). */
    key?: WorkbookKey | null | undefined;
  },
  env: OpeningEnv,
): Prepared {
  let inspection: Inspection;
  let integrity: WorkbookInfo['integrity'] = 'ok';
  rollBackHotJournal(file, {
    key: options.key ?? null,
    nativeBinding: env.nativeBinding,
    applicationId: APPLICATION_ID,
  });
  try {
    const migrations = readMigrationFiles({ migrationsFolder: env.migrationsDir });
    inspection = inspectWorkbook(file, migrations, env.nativeBinding, options.key ?? null);
  } catch (error) {
    if (!isCorruption(error)) throw refusal(error, file);
    const standIn = damagedInspection(file, APPLICATION_ID, {
      key: options.key ?? null,
      nativeBinding: env.nativeBinding,
    });
    if (!standIn) {
      throw new AppError(
        'damaged',
        'workbook_damaged_unknown',
        { name: workbookName(file) },
        'path',
      );
    }
    inspection = standIn;
    integrity = 'damaged';
  }
  const key = inspection.encrypted ? (options.key ?? null) : null;
  if (integrity === 'ok') integrity = env.checkIntegrity?.(file, key) ?? 'ok';
  if (integrity === 'damaged') inspection = { ...inspection, pending: [], needsWrite: false };
  let readOnlyReason: ReadOnlyReason | null = options.readOnly
    ? 'chosen'
    : !options.held && fileIsReadOnly(file)
      ? 'file'
      : null;
  let lock: HeldLock | null = options.held ?? null;
  let lockedBy: LockHolder | null = null;
  if (readOnlyReason === null && lock === null) {
    try {
      const attempt = acquireLock(file, env.lockEnv);
      if ('lock' in attempt) lock = attempt.lock;
      else if (options.lockedFallback) {
        readOnlyReason = 'locked';
        lockedBy = attempt.holder;
      } else throw lockedError(file, attempt.holder, env.locale());
    } catch (error) {
      // No lock file can be made beside it: a read-only folder or medium.
      if (error instanceof AppError || !fileError(error, path.dirname(file))) throw error;
      readOnlyReason = 'file';
    }
  }
  if (readOnlyReason !== null && lockedBy === null) lockedBy = holderIfAny(file, env.lockEnv);
  // Opened read-only because another program writes it: the banner names the holder.
  if (readOnlyReason === 'chosen' && lockedBy !== null) readOnlyReason = 'locked';
  if (integrity === 'damaged') readOnlyReason = 'damaged';
  if (readOnlyReason !== null && inspection.pending.length > 0) {
    lock?.release();
    throw refusal(new WorkbookOpenError('needs_migration', file), file);
  }
  return { file, inspection, readOnlyReason, lock, lockedBy, integrity, key };
}

/** Opens the prepared file. On failure the lock it took is released. */
export function finish(prepared: Prepared, env: OpeningEnv): Opened {
  const { file, inspection, lock } = prepared;
  let wb: Workbook;
  try {
    wb = openWorkbook(file, {
      migrationsDir: env.migrationsDir,
      nativeBinding: env.nativeBinding,
      now: env.now,
      readOnly: prepared.readOnlyReason !== null,
      create: false,
      inspection,
      beforeMigration: env.beforeMigration,
      key: prepared.key,
    });
  } catch (error) {
    // Pages SQLite cannot read, met while migrating: opened as damaged instead.
    if (isCorruption(error) && prepared.integrity !== 'damaged') {
      return finish(asDamaged(prepared), env);
    }
    lock?.release();
    // A medium that refuses writes only when written (a locked SD card): open it for reading.
    if (prepared.readOnlyReason === null && cannotWrite(error) && !inspection.pending.length) {
      return finish({ ...prepared, readOnlyReason: 'file', lock: null }, env);
    }
    throw refusal(error, file);
  }
  try {
    if (prepared.readOnlyReason === null) env.prepareWritable?.(wb);
  } catch (error) {
    wb.close();
    if (isCorruption(error)) return finish(asDamaged(prepared), env);
    lock?.release();
    throw error;
  }
  const store = new AnalyticsStore(wb);
  return {
    wb,
    lock,
    readOnlyReason: prepared.readOnlyReason,
    lockedBy: prepared.lockedBy,
    store,
    dashboards: new DashboardCache(wb, store),
    integrity: prepared.integrity,
  };
}

/** The same file, to be opened read-only as damaged (its lock kept for a restore). */
function asDamaged(prepared: Prepared): Prepared {
  return {
    ...prepared,
    inspection: { ...prepared.inspection, pending: [], needsWrite: false },
    readOnlyReason: 'damaged',
    integrity: 'damaged',
  };
}

/**
 * Marked read-only by its owner (no write bit: also what Windows' read-only attribute shows),
 * or not writable by this user, or in a folder where the WAL and lock files cannot be made.
 */
function fileIsReadOnly(file: string): boolean {
  if ((fs.statSync(file).mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function holderIfAny(file: string, env: LockEnv): LockHolder | null {
  try {
    return liveHolder(file, env);
  } catch {
    return null;
  }
}

function cannotWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(READONLY|CANTOPEN)/.test(code);
}
