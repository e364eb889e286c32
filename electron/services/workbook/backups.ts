/**
 * The open workbook's backups: taken by hand, every day it is used, and before a migration;
 * listed, deleted, and restored (the workbook as it was is kept aside first). One backup or
 * restore runs at a time; each is followed by the rotation (backup-rotation.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { localDay } from '../../../kernel/local-date';
import type { BackupInfo, BackupKind, RestoreResult } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/logger';
import type { Workbook } from '../../../db/workbook';
import { hasHistory, readContent } from './backup-content';
import { renamedKind, STAMP_LENGTH } from './backup-names';
import { restoreInto } from './backup-restore';
import { planRotation } from './backup-rotation';
import { BackupStore, type StoredBackup } from './backup-store';
import { realDisk, writeBackup, writeBackupBeforeMigration, type BackupDisk } from './backup-write';
import { checkFile, opensWith, type IntegrityChecker, type Verdict } from './integrity';
import { workbookName } from './names';
import type { WorkbookSession } from './session';

export interface BackupsOptions {
  dataDir: string;
  now: () => Date;
  logger: Logger;
  nativeBinding?: string | undefined;
  checker: IntegrityChecker;
  /** How copies are written (the online backup API, file copies); tests fill the disk. */
  disk?: Partial<BackupDisk> | undefined;
}

export class Backups {
  readonly store: BackupStore;
  private session: WorkbookSession | null = null;
  /** The backup or restore running now: the next one waits for it. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly disk: BackupDisk;

  constructor(private readonly options: BackupsOptions) {
    this.store = new BackupStore(options.dataDir);
    this.disk = { ...realDisk, ...options.disk };
  }

  attach(session: WorkbookSession): void {
    this.session = session;
  }

  /** The open workbook's id (from its settings, else the index; made when it has none). */
  idOf(wb: Workbook): string {
    return this.store.idOf(wb.sqlite, wb.file, {
      writable: this.sessionOf().writable(),
      now: this.options.now(),
    });
  }

  /** The open workbook's backups, newest first. */
  list(): BackupInfo[] {
    return this.store.list(this.idOf(this.sessionOf().wb)).map((b) => b.info);
  }

  /**
   * The list, with the newest backup that passes its own integrity check marked `ok` (the ones
   * checked before it, which failed, marked `damaged`): what a damaged workbook offers.
   */
  async listFindingGood(): Promise<BackupInfo[]> {
    const backups = this.list();
    for (const b of backups) {
      if (b.integrity === 'damaged') continue;
      const found = await this.check(b.path);
      // Made under an earlier password: not restorable now, but not damaged either.
      if (found === 'other-password') continue;
      b.integrity = found;
      if (b.integrity === 'ok') break;
    }
    return backups;
  }

  /** A backup of the open workbook, now. */
  backup(kind: BackupKind = 'manual'): Promise<BackupInfo> {
    return this.serially(() => this.write(kind));
  }

  /**
   * Puts the backup at `file` in the place of the open workbook, which is kept aside first.
   * A backup that fails its integrity check is refused before anything changes.
   */
  restore(file: string): Promise<RestoreResult> {
    return this.serially(async () => {
      const session = this.sessionOf();
      const reason = session.info().readOnlyReason;
      if (reason !== null && reason !== 'damaged') {
        throw new AppError('read_only', 'workbook_read_only');
      }
      const id = this.idOf(session.wb);
      const chosen = this.store.find(id, file);
      const verdict = chosen.info.integrity ?? (await this.check(chosen.info.path));
      if (verdict === 'other-password') {
        throw new AppError('wrong_password', 'backup_other_password', {}, 'path');
      }
      if (verdict !== 'ok') throw new AppError('damaged', 'backup_damaged', {}, 'path');
      const key = session.wb.key;
      const folder = this.store.folder(id);
      const damaged = session.isDamaged();
      let keptAs = '';
      try {
        const workbook = await session.replaceFile(async (target) => {
          keptAs = await restoreInto(target, {
            backup: chosen.info.path,
            folder,
            at: this.options.now(),
            disk: this.disk,
            damaged,
            nativeBinding: this.options.nativeBinding,
            key,
          });
        });
        return { workbook, keptAs };
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        const where = path.dirname(session.isOpen() ? session.wb.file : chosen.info.path);
        throw new AppError('disk_full', 'backup_restore_disk_full', { folder: where });
      } finally {
        this.rotate(id);
      }
    });
  }

  /** Deletes one of the open workbook's backups. */
  delete(file: string): BackupInfo[] {
    const id = this.idOf(this.sessionOf().wb);
    const found = this.store.find(id, file);
    for (const f of [found.info.path, `${found.info.path}-wal`]) fs.rmSync(f, { force: true });
    return this.list();
  }

  /**
   * The daily backup: taken when the workbook is open for writing and sound, has no automatic
   * backup of today (the local day), and holds what no backup of any kind holds.
   */
  async daily(): Promise<BackupInfo | null> {
    const session = this.sessionOf();
    if (!session.isOpen() || !session.writable() || session.info().integrity !== 'ok') {
      return null;
    }
    const wb = session.wb;
    const backups = this.store.list(this.idOf(wb));
    const today = localDay(this.options.now());
    const automatic = (b: StoredBackup) => b.info.kind === 'daily' || b.info.kind === 'weekly';
    if (backups.some((b) => automatic(b) && localDay(b.name.createdAt) === today)) return null;
    if (!hasHistory(wb.sqlite)) return null;
    // Nothing new since a backup of any kind (also a restored one): nothing to keep.
    const { fingerprint } = readContent(wb.sqlite);
    if (backups.some((b) => b.name.fingerprint === fingerprint)) return null;
    return this.backup('daily');
  }

  /** The session's hook: the backup taken before a migration changes the file. */
  beforeMigration(sqlite: Database.Database, file: string): void {
    const id = this.store.idOf(sqlite, file, { writable: true, now: this.options.now() });
    const folder = this.store.folder(id);
    try {
      writeBackupBeforeMigration(sqlite, folder, this.options.now(), this.options.nativeBinding);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      throw new AppError('disk_full', 'backup_migration_disk_full', {
        name: workbookName(file),
        folder,
      });
    }
    this.rotate(id);
  }

  /** Resolves once the backup or restore running now (if any) is over. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /**
   * Sound (`ok`) or `damaged`, read with the open workbook's key: small files on the spot,
   * larger ones in the worker; `other-password` for one encrypted under another password.
   */
  private async check(file: string): Promise<Verdict | 'other-password'> {
    const { checker, nativeBinding } = this.options;
    const key = this.sessionOf().wb.key;
    if (!opensWith(file, key, nativeBinding)) return 'other-password';
    return checker.isSmall(file)
      ? checkFile({ file, nativeBinding, password: key?.reveal() })
      : checker.check(file, key);
  }

  private async write(kind: BackupKind): Promise<BackupInfo> {
    const session = this.sessionOf();
    if (session.isDamaged()) throw new AppError('damaged', 'backup_of_damaged');
    const id = this.idOf(session.wb);
    const folder = this.store.folder(id);
    let file: string;
    try {
      file = await session.copying((wb) =>
        writeBackup(wb, folder, {
          kind,
          now: this.options.now,
          disk: this.disk,
          nativeBinding: this.options.nativeBinding,
        }),
      );
    } catch (error) {
      if (isDiskFull(error)) throw new AppError('disk_full', 'backup_disk_full', { folder });
      throw error;
    }
    this.rotate(id);
    // A daily backup may have been kept as its week's by the rotation: found by its date.
    const made = this.store.list(id);
    const info = made.find((b) => b.info.path === file) ?? made.find((b) => sameStamp(b, file));
    if (!info) throw new Error(`the backup ${file} is not in its folder`);
    return info.info;
  }

  /** Deletes what the rotation lets go, relabels daily backups kept for their week. */
  private rotate(id: string): void {
    const backups = this.store.list(id);
    const plan = planRotation(
      backups.map((b) => ({ key: b.info.path, kind: b.info.kind, createdAt: b.name.createdAt })),
    );
    try {
      for (const file of plan.remove) {
        for (const f of [file, `${file}-wal`]) fs.rmSync(f, { force: true });
      }
      for (const { key, kind } of plan.relabel) {
        fs.renameSync(key, path.join(path.dirname(key), renamedKind(path.basename(key), kind)));
      }
    } catch (error) {
      // The backups are all there still; the next rotation tries again.
      this.options.logger.error('the backups could not be rotated', error);
    }
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(fn);
    this.queue = run;
    return run;
  }

  private sessionOf(): WorkbookSession {
    if (!this.session) throw new Error('Backups are not attached to a session');
    return this.session;
  }
}

function sameStamp(b: StoredBackup, file: string): boolean {
  const stamp = (f: string) => path.basename(f).slice(0, STAMP_LENGTH);
  return stamp(b.info.path) === stamp(file);
}

/** A write that failed for want of space: SQLite's word, or the system's. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  }
  return false;
}
