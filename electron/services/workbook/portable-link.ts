/**
 * One open portable workbook: its file on the stick (the source), its local working copy, the
 * lock beside the source, and where saving back stands. Saves run one after another; one that
 * the workbook's closing overtook (the close saves the file at rest itself) changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/logger';
import { changeMark } from '../../../db/queries/change-mark';
import type { Workbook } from '../../../db/workbook';
import type { HeldLock, LockAttempt } from './lock';
import { workbookName } from './names';
import {
  fingerprintOf,
  sameFingerprint,
  writeRecord,
  type Fingerprint,
  type WorkingRecord,
} from './portable-files';
import { saveLive } from './portable-save';
import { lockedError, sinceText } from './refusals';

/** Words in the user's language, made when they are shown. */
export type Words = (locale: Locale) => string;

export interface LinkOptions {
  source: string;
  /** The working copy's folder, and the copy. */
  dir: string;
  workingCopy: string;
  lock: HeldLock | null;
  /** What happened at the open (unsaved work of an earlier session found, or kept aside). */
  notice: Words | null;
  now: () => Date;
  locale: () => Locale;
  logger: Logger;
  nativeBinding?: string | undefined;
  /** The lock of a file for this process, or who holds it (throws when none can be made there). */
  takeLock: (file: string) => LockAttempt;
  /** Gives up the lock of a file saved to before. */
  letGo: (lock: HeldLock, file: string) => void;
  /** Before a live save looks at the working copy: what is kept only for speed is written. */
  beforeSave: () => Promise<void>;
}

export class PortableLink {
  source: string;
  lock: HeldLock | null;
  readonly dir: string;
  readonly workingCopy: string;
  readonly notice: Words | null;
  /** The source as it was when the working copy last matched it. */
  base: Fingerprint | null;
  lastSavedAt: string | null;
  /** Why the last save back failed (cleared by one that succeeds). */
  saveError: AppError | null = null;
  /** The save running now (and any queued behind it); null when none is. */
  saving: Promise<void> | null = null;
  /** The working copy held changes the source lacked when it began to close. */
  closingUnsaved = false;
  /** Changes of an earlier session that have not reached the source. */
  private unsavedBefore: boolean;
  private wb: Workbook | null = null;
  /** The working copy's change counters at the last save back; null: unknown, so unsaved. */
  private savedMark: string | null = null;
  private recordedUnsaved: boolean;
  /** Moves on at every connect and disconnect: a save begun before it is overtaken. */
  private generation = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly o: LinkOptions,
    record: WorkingRecord,
    state: { unsavedBefore: boolean },
  ) {
    this.source = o.source;
    this.lock = o.lock;
    this.dir = o.dir;
    this.workingCopy = o.workingCopy;
    this.notice = o.notice;
    this.base = record.base;
    this.lastSavedAt = record.lastSavedAt;
    this.unsavedBefore = state.unsavedBefore;
    this.recordedUnsaved = record.unsaved;
  }

  /** Opening it failed: the source's lock goes; the working copy stays as it is. */
  abandon(): void {
    this.stopTimers();
    const lock = this.lock;
    this.lock = null;
    lock?.release();
  }

  /** The working copy is open as `wb`; after a replace (`replaced`) it counts as changed. */
  connect(wb: Workbook, replaced: boolean): void {
    this.generation += 1;
    this.wb = wb;
    this.savedMark = replaced || this.unsavedBefore ? null : changeMark(wb);
  }

  connected(): boolean {
    return this.wb !== null;
  }

  /** The working copy is about to close (`keep`: to be opened again after a replace). */
  disconnect(options: { keep: boolean }): void {
    if (!options.keep) this.closingUnsaved = this.unsaved();
    this.generation += 1;
    this.wb = null;
  }

  /** Changes in the working copy that the source lacks. */
  unsaved(): boolean {
    if (this.unsavedBefore || this.savedMark === null) return true;
    const wb = this.wb;
    return wb !== null && wb.sqlite.open && changeMark(wb) !== this.savedMark;
  }

  /** Writes `portable.json`, so the next open knows what this session leaves behind. */
  record(unsaved: boolean): void {
    try {
      writeRecord(this.dir, {
        version: 1,
        source: this.source,
        base: this.base,
        lastSavedAt: this.lastSavedAt,
        unsaved,
      });
      this.recordedUnsaved = unsaved;
    } catch (error) {
      this.o.logger.error(`portable mode: the record in ${this.dir} could not be written`, error);
    }
  }

  /** Every few seconds: the first change after a save is recorded at once (a crash keeps it). */
  watch(): void {
    if (!this.recordedUnsaved && this.unsaved()) this.record(true);
  }

  /** Touches the source's lock while the stick is in; one taken away is given up. */
  beat(): void {
    if (this.lock && sourceFolderIsThere(this.source) && !this.lock.beat()) this.lock = null;
  }

  addTimer(timer: NodeJS.Timeout): void {
    timer.unref();
    this.timers.push(timer);
  }

  stopTimers(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /**
   * Before writing to the source: the stick is in, the lock beside it is ours (taken again if it
   * went), and nobody changed the file since the working copy last matched it. Throws why not.
   */
  claimSource(): void {
    const source = this.source;
    const folder = path.dirname(source);
    if (!sourceFolderIsThere(source)) {
      throw new AppError('unavailable', 'portable_unreachable', {
        folder,
        name: workbookName(source),
      });
    }
    if (this.lock && !this.lock.held()) this.lock = null;
    if (!this.lock) {
      const attempt = this.o.takeLock(source);
      if ('holder' in attempt) throw this.taken(attempt.holder);
      this.lock = attempt.lock;
    }
    const now = fingerprintOf(source);
    if (now !== null && !sameFingerprint(now, this.base)) {
      throw new AppError('conflict', 'portable_changed', { name: workbookName(source) });
    }
  }

  /** The source now holds the working copy (`mark`: its counters then; null once it is closed). */
  saved(fingerprint: Fingerprint, mark: string | null): void {
    this.base = fingerprint;
    this.lastSavedAt = this.o.now().toISOString();
    if (mark !== null) this.savedMark = mark;
    this.unsavedBefore = false;
    this.saveError = null;
  }

  /** Saves back to the source; a failure is kept in `saveError` and thrown. */
  saveToSource(): Promise<void> {
    return this.serial(async () => {
      const generation = this.generation;
      try {
        this.claimSource();
        if (await this.write(this.source)) this.record(this.unsaved());
      } catch (error) {
        const failure = saveFailure(error, this.source, this.o.logger);
        if (this.generation === generation) this.saveError = failure;
        throw failure;
      }
    });
  }

  /** Saves to `target` (another place the user chose), which then becomes the source. */
  async saveElsewhere(target: string, overwrite: boolean): Promise<void> {
    const folder = path.dirname(target);
    if (!isFolder(folder))
      throw new AppError('not_found', 'workbook_folder_missing', { folder }, 'path');
    if (fs.existsSync(target)) {
      if (isFolder(target))
        throw new AppError('invalid_input', 'workbook_folder', { path: target }, 'path');
      if (!overwrite)
        throw new AppError('conflict', 'workbook_exists', { path: target }, 'overwrite');
    }
    return this.serial(async () => {
      let attempt: LockAttempt;
      try {
        attempt = this.o.takeLock(target);
      } catch (error) {
        throw saveFailure(error, target, this.o.logger);
      }
      if ('holder' in attempt) {
        throw lockedError(target, attempt.holder, this.o.locale(), 'workbook_copy_locked');
      }
      let written = false;
      try {
        written = await this.write(target);
      } catch (error) {
        attempt.lock.release();
        throw saveFailure(error, target, this.o.logger);
      }
      if (!written) {
        attempt.lock.release();
        return;
      }
      const previous = { lock: this.lock, source: this.source };
      this.source = target;
      this.lock = attempt.lock;
      this.record(this.unsaved());
      if (previous.lock) this.o.letGo(previous.lock, previous.source);
    });
  }

  /** One live save to `target`; false when the workbook's closing overtook it. */
  private async write(target: string): Promise<boolean> {
    const wb = this.wb;
    if (!wb) return false;
    const generation = this.generation;
    const overtaken = () => this.generation !== generation;
    // Written now, the analytics snapshot is in this save (never a change the user must save).
    await this.o.beforeSave();
    if (overtaken()) return false;
    const mark = changeMark(wb);
    let fingerprint: Fingerprint | null;
    try {
      fingerprint = await saveLive(wb, target, {
        snapshotDir: this.dir,
        nativeBinding: this.o.nativeBinding,
        stillWanted: () => !overtaken(),
      });
    } catch (error) {
      if (overtaken()) return false;
      throw error;
    }
    if (!fingerprint) return false;
    this.saved(fingerprint, mark);
    return true;
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const run = (this.saving ?? Promise.resolve()).then(fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.saving = settled;
    void settled.then(() => {
      if (this.saving === settled) this.saving = null;
    });
    return run;
  }

  private taken(holder: { machine: string; user: string; since: string }): AppError {
    return new AppError('locked', 'portable_taken', {
      name: workbookName(this.source),
      machine: holder.machine,
      user: holder.user,
      since: sinceText(holder, this.o.locale()),
    });
  }
}

/** The file system's codes of a medium that went away (pulled out, a share gone). */
const GONE = new Set([
  'ENOENT',
  'ENODEV',
  'ENXIO',
  'EIO',
  'ESTALE',
  'ENOTCONN',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'EBADF',
]);

/** Why a save back failed, in the words the screens show. */
export function saveFailure(error: unknown, target: string, logger: Logger): AppError {
  if (error instanceof AppError) return error;
  const folder = path.dirname(target);
  const name = workbookName(target);
  const code = (error as { code?: unknown } | null)?.code;
  if ((typeof code === 'string' && GONE.has(code)) || !isFolder(folder)) {
    return new AppError('unavailable', 'portable_unreachable', { folder, name });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('unavailable', 'portable_cannot_write', { folder, details: code });
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AppError('disk_full', 'portable_full', { folder, name });
  }
  logger.error(`portable mode: saving to ${target} failed`, error);
  const details = error instanceof Error ? error.message : String(error);
  return new AppError('unavailable', 'portable_failed', { folder, name, details });
}

export function sourceFolderIsThere(source: string): boolean {
  return isFolder(path.dirname(source));
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
