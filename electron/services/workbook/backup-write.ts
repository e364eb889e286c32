/**
 * Writing backups into a workbook's backup folder. Each is written under a hidden name (a dot
 * first: never listed), flushed to the disk, and renamed to its final name in one step, so the
 * list never shows half a backup, even after a crash. What a crashed process left behind is
 * removed by the next backup into the folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupKind } from '../../api/contract';
import { syncFile, syncFolder, type Workbook } from '../../../db/workbook';
import { isPlainSqlite, unlock, type WorkbookKey } from '../../../db/workbook-key';
import { readContent, type Content } from './backup-content';
import { backupFileName, STAMP_LENGTH } from './backup-names';
import { writeCopy } from './copy';

/**
 * How a consistent copy of the open workbook is written (`writeCopy`: the online backup API);
 * `onCopy` reads what the copy holds. An encrypted workbook needs another way (the backup API
 * refuses an encrypted source): this is the one place to switch it.
 */
export type CopyWorkbook = (
  wb: Workbook,
  target: string,
  options: { nativeBinding?: string | undefined; onCopy: (copy: Database.Database) => void },
) => Promise<number>;

/**
 * The two ways backups write to the disk: a copy of the open workbook, and a copy of a closed
 * file (a restore). Tests replace them to play a disk that fills up half-way.
 */
export interface BackupDisk {
  copyWorkbook: CopyWorkbook;
  copyFile: (from: string, to: string) => Promise<void>;
}

export const realDisk: BackupDisk = { copyWorkbook: writeCopy, copyFile: fsp.copyFile };

/** A hidden name in `folder` for a backup being written by this process. */
function stagedPath(folder: string, kind: BackupKind): string {
  const random = crypto.randomBytes(4).toString('hex');
  return path.join(folder, `.${kind}.${process.pid}-${random}.staged`);
}

/** Moves a finished backup to its final name (never over another one) and returns that path. */
function publish(staged: string, folder: string, kind: BackupKind, at: Date, content: Content) {
  // Two backups in the same millisecond: the second is stamped a millisecond later, so the
  // newest is always the one made last.
  const taken = new Set(fs.readdirSync(folder).map((f) => f.slice(0, STAMP_LENGTH)));
  let createdAt = at;
  let target = path.join(folder, backupFileName({ kind, createdAt, ...content }));
  while (taken.has(path.basename(target).slice(0, STAMP_LENGTH))) {
    createdAt = new Date(createdAt.getTime() + 1);
    target = path.join(folder, backupFileName({ kind, createdAt, ...content }));
  }
  fs.renameSync(staged, target);
  syncFolder(folder);
  return target;
}

/** The online backup of the open workbook into `folder`; returns the new backup's path. */
export async function writeBackup(
  wb: Workbook,
  folder: string,
  how: {
    kind: BackupKind;
    now: () => Date;
    disk: BackupDisk;
    nativeBinding?: string | undefined;
  },
): Promise<string> {
  fs.mkdirSync(folder, { recursive: true });
  removeLeftovers(folder);
  const staged = stagedPath(folder, how.kind);
  try {
    let content: Content = { clients: null, fingerprint: null };
    await how.disk.copyWorkbook(wb, staged, {
      nativeBinding: how.nativeBinding,
      onCopy: (copy) => (content = readContent(copy)),
    });
    return publish(staged, folder, how.kind, how.now(), content);
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/**
 * The workbook as it is before a migration changes it, through its own connection while it
 * opens (synchronously: nothing else uses it yet). `VACUUM INTO` writes a compact, complete copy.
 */
export function writeBackupBeforeMigration(
  sqlite: Database.Database,
  folder: string,
  at: Date,
  nativeBinding?: string,
): string {
  fs.mkdirSync(folder, { recursive: true });
  removeLeftovers(folder);
  const staged = stagedPath(folder, 'before-migration');
  try {
    const content = readContent(sqlite);
    sqlite.prepare('VACUUM INTO ?').run(staged);
    // An encrypted workbook's copy is in rollback mode already (and opens only with its key).
    if (isPlainSqlite(staged)) restInRollbackMode(staged, nativeBinding);
    syncFile(staged);
    return publish(staged, folder, 'before-migration', at, content);
  } finally {
    for (const f of [staged, `${staged}-journal`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Keeps a closed workbook file (and its WAL, if a reader kept it from being folded in) as a
 * backup of kind `before-restore`, copied whole: the file itself is left where it is.
 */
export async function keepAside(
  file: string,
  folder: string,
  how: {
    at: Date;
    disk: BackupDisk;
    /** It failed its integrity check: its name says so (no fingerprint). */
    damaged?: boolean | undefined;
    nativeBinding?: string | undefined;
    /** The key of an encrypted workbook, to read what it holds (it is copied as it is). */
    key?: WorkbookKey | null | undefined;
  },
) {
  fs.mkdirSync(folder, { recursive: true });
  removeLeftovers(folder);
  const staged = stagedPath(folder, 'before-restore');
  const wal = `${file}-wal`;
  const hasWal = fs.existsSync(wal) && fs.statSync(wal).size > 0;
  try {
    await how.disk.copyFile(file, staged);
    if (hasWal) await how.disk.copyFile(wal, `${staged}-wal`);
    const read = foldAndRead(staged, how.nativeBinding, how.key ?? null);
    const content = how.damaged ? { ...read, fingerprint: null } : read;
    syncFile(staged);
    const target = publish(staged, folder, 'before-restore', how.at, content);
    // A damaged workbook's WAL that could not be folded in stays beside it, for whoever mends it.
    if (fs.existsSync(`${staged}-wal`)) fs.renameSync(`${staged}-wal`, `${target}-wal`);
    return target;
  } finally {
    for (const f of [staged, `${staged}-wal`, `${staged}-shm`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Folds a WAL copied beside `file` into it and leaves it in rollback mode; reads what it holds.
 * A damaged file may refuse: it is then kept as it is, with nulls for what could not be read.
 */
function foldAndRead(
  file: string,
  nativeBinding: string | undefined,
  key: WorkbookKey | null,
): Content {
  try {
    const sqlite = new Database(file, {
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      if (key && !isPlainSqlite(file)) unlock(sqlite, key);
      sqlite.pragma('journal_mode = DELETE');
      return readContent(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    return { clients: null, fingerprint: null };
  }
}

function restInRollbackMode(file: string, nativeBinding?: string): void {
  const sqlite = new Database(file, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

/**
 * The process that wrote a hidden file (`….<pid>-<random>.staged`, a copy's `.copy`, a
 * restore's `.restoring`, and their side files).
 */
const LEFTOVER = /\.(\d+)-[0-9a-f]{8}\.(?:staged|copy|restoring)(?:-wal|-shm|-journal)?$/;

/**
 * Removes unfinished backups (or restores) of processes that are gone (killed while writing
 * one); only names that start with `prefix`.
 */
export function removeLeftovers(folder: string, prefix = '.'): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? Number(LEFTOVER.exec(name)?.[1]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(folder, name), { force: true });
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
