/**
 * The workbook the app works on now, and switching to another: the one place that opens,
 * closes and replaces workbook files while the app runs. Handlers reach the open workbook
 * through it (`ctx.wb` reads `session.wb`), so after a switch every call meets the new one.
 *
 * For the other parts of the app:
 * - `info()`, `open(file, { readOnly })`, `create(file)`, `close()`, `saveCopy(file)`, `recent()`;
 * - `replaceFile(swap)`: closes the workbook (keeping its lock), lets `swap(file)` put another
 *   file at its path (a restored backup, a re-encrypted copy), and opens it again (with the key
 *   `swap` returns, when the new file has another password);
 * - `awaitingPassword()`: the first workbook, when it is encrypted and waits for its password;
 * - `onChange(listener)`: told after every open, switch, replace and close;
 * - `save(file?)`: portable mode's save back (a workbook on a stick is worked on in a local copy,
 *   see portable.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { becomeNewDevice } from '../../../db/sync-capture';
import type { Locale, RecentWorkbook, WorkbookCopy, WorkbookInfo } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/logger';
import type Database from 'better-sqlite3';
import { createWorkbookFile, type Workbook } from '../../../db/workbook';
import { keyOf, type WorkbookKey } from '../../../db/workbook-key';
import { forgetWorkbookId } from './backup-store';
import { writeCopy } from './copy';
import { liveHolder, systemLockEnv, type LockEnv } from './lock';
import { workbookName } from './names';
import { finish, prepare, type Opened, type OpeningEnv } from './opening';
import { PortableMode, SAVE_EVERY_MS, type PendingPortable } from './portable';
import { RecentList, samePath } from './recent';
import { fileError, lockedError, refusal } from './refusals';
import { mediumOf, rootsFromEnv, systemMediumEnv, type Medium } from './removable';

export interface SessionOptions {
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The user's data folder: `recent.json` (and, later, backups and working copies). */
  dataDir: string;
  now: () => Date;
  logger: Logger;
  /** The language of messages made here (the lock holder's "since"). */
  locale: () => Locale;
  lockEnv?: LockEnv;
  /** The app's worker threads: each reads the workbook through its own connection. */
  workers?: {
    /** An import step is running (its worker has the file open). */
    busy(): boolean;
    /** Resolves once the work they still do after answering (a bulk worker's fold) is done. */
    settled?(): Promise<void>;
    /** Stops them before the workbook closes. */
    stop(): void;
    /** Starts them on the workbook just opened. */
    start(): void;
    /**
     * Right before a portable workbook is saved back: what they keep only for speed (the
     * analytics snapshot) is written then, and so goes to the stick with the rest.
     */
    beforeSave?(): Promise<void>;
  };
  /** Runs on a workbook just opened for writing (the search index is brought up to date). */
  prepareWritable?: (wb: Workbook) => void;
  /**
   * Portable mode: folders whose files count as removable (besides the system's own rules and
   * `KARTOTEKA_PORTABLE_ROOTS`), how often changes are saved back, or the whole rule (tests).
   */
  portable?: { roots?: string[]; saveEveryMs?: number; medium?: (file: string) => Medium };
  /** Takes the backup before a migration changes an existing workbook (backups.ts). */
  beforeMigration?: (sqlite: Database.Database, file: string) => void;
  /** Checks a workbook before it opens: a small one on the spot, a large one later (integrity.ts). */
  checkIntegrity?: (file: string, key: WorkbookKey | null) => WorkbookInfo['integrity'];
}

export type SessionListener = (info: WorkbookInfo | null) => void;

/** What a `replaceFile` swap may say of the file it put in place. */
export interface Swapped {
  /** Its key: another password was set, or none (it is plain now). */
  key: WorkbookKey | null;
}

export class WorkbookSession {
  private current: Opened | null = null;
  /** The first workbook, encrypted, until the user gives its password. */
  private waiting: string | null = null;
  private swapping = false;
  private copies = 0;
  private readonly listeners = new Set<SessionListener>();
  private readonly recentList: RecentList;
  private readonly env: OpeningEnv;
  private readonly portable: PortableMode;

  /** The app's own folder (settings, backups, the demo workbook). */
  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Where the schema's migrations are (a workbook made outside the session needs them). */
  get migrationsDir(): string {
    return this.options.migrationsDir;
  }

  constructor(private readonly options: SessionOptions) {
    this.recentList = new RecentList(options.dataDir, options.now);
    this.env = {
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      now: options.now,
      lockEnv: options.lockEnv ?? systemLockEnv(),
      locale: options.locale,
      prepareWritable: options.prepareWritable,
      beforeMigration: options.beforeMigration,
      checkIntegrity: options.checkIntegrity,
    };
    const mediumEnv = systemMediumEnv([...(options.portable?.roots ?? []), ...rootsFromEnv()]);
    this.portable = new PortableMode({
      ...this.env,
      dataDir: options.dataDir,
      logger: options.logger,
      medium: options.portable?.medium ?? ((file) => mediumOf(file, mediumEnv)),
      saveEveryMs: options.portable?.saveEveryMs ?? SAVE_EVERY_MS,
      busy: () => options.workers?.busy() ?? false,
      beforeSave: () => options.workers?.beforeSave?.() ?? Promise.resolve(),
      moved: (file) => {
        this.recentList.add(file, { encrypted: this.current?.wb.key != null });
        this.emit(this.info());
      },
    });
  }

  /** Whether the open workbook is a portable one, worked on in a local copy of its file. */
  isPortable(): boolean {
    return this.portable.source() !== null;
  }

  /** The better-sqlite3 binary of the runtime, for connections of the session's helpers. */
  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  /** The open workbook; `unavailable` while there is none (closed, or its file being replaced). */
  get wb(): Workbook {
    return this.opened().wb;
  }

  /** The in-memory analytics of the open workbook. */
  get analytics(): Pick<Opened, 'store' | 'dashboards'> {
    const { store, dashboards } = this.opened();
    return { store, dashboards };
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  /** Writes are allowed: a workbook is open, and not read-only. */
  writable(): boolean {
    return this.current !== null && this.current.readOnlyReason === null;
  }

  info(): WorkbookInfo {
    const c = this.opened();
    let sizeBytes = 0;
    try {
      sizeBytes = fs.statSync(c.wb.file).size;
    } catch {
      // A stick pulled out: the size is unknown, the rest still true.
    }
    return this.portable.describe({
      path: c.wb.file,
      name: workbookName(c.wb.file),
      schemaVersion: c.wb.schemaVersion,
      sizeBytes,
      encrypted: c.wb.key !== null,
      readOnly: c.readOnlyReason !== null,
      portable: false,
      readOnlyReason: c.readOnlyReason,
      lockedBy: c.lockedBy,
      portableState: null,
      integrity: c.integrity,
    });
  }

  /** The open workbook failed its integrity check (or SQLite met a damaged page in it). */
  isDamaged(): boolean {
    return this.current?.integrity === 'damaged';
  }

  /**
   * The integrity check of `wb` (still the open one?) says how it is: a damaged workbook is
   * written no more; the listeners are told.
   */
  setIntegrity(wb: Workbook, integrity: WorkbookInfo['integrity']): void {
    const c = this.current;
    if (!c || c.wb !== wb || c.integrity === integrity) return;
    c.integrity = integrity;
    if (integrity === 'damaged') c.readOnlyReason = 'damaged';
    this.emit(this.info());
  }

  /**
   * Runs a copy of the open workbook (a saved copy, a backup): meanwhile it is neither closed
   * nor switched nor replaced.
   */
  async copying<T>(fn: (wb: Workbook) => Promise<T>): Promise<T> {
    const wb = this.opened().wb;
    this.copies += 1;
    try {
      return await fn(wb);
    } finally {
      this.copies -= 1;
    }
  }

  recent(): RecentWorkbook[] {
    return this.recentList.list();
  }

  /** The first workbook, when it is encrypted and nothing is open until its password is given. */
  awaitingPassword(): { path: string; name: string } | null {
    return this.current || !this.waiting
      ? null
      : { path: this.waiting, name: workbookName(this.waiting) };
  }

  onChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The shell's first workbook: made when missing (the first start), opened read-only when
   * another program holds it. An encrypted one waits for its password: nothing is open, and
   * `awaitingPassword()` names it. Throws when it cannot be opened at all.
   */
  openFirst(file: string): WorkbookInfo | null {
    const target = realPath(file);
    let pending: PendingPortable | null;
    let prepared;
    try {
      pending = this.preparePortable(target, undefined, null, { lockedFallback: true });
      if (!pending && !fs.existsSync(target)) {
        createWorkbookFile(target, this.env);
        // Made on a stick (the portable .exe's first start): worked on there like any other.
        pending = this.preparePortable(target, undefined, null, { lockedFallback: true });
      }
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'password_required')) throw error;
      this.waiting = target;
      return null;
    }
    try {
      prepared = prepare(
        pending?.workingCopy ?? target,
        { readOnly: false, lockedFallback: true },
        this.env,
      );
    } catch (error) {
      pending?.abandon();
      if (!(error instanceof AppError && error.code === 'password_required')) throw error;
      this.waiting = target;
      return null;
    }
    this.current = finish(prepared, this.env);
    this.afterOpen(pending);
    return this.info();
  }

  /**
   * Switches to the workbook at `file`. Everything that can refuse it (not a workbook, newer,
   * locked) is checked before the open one is closed; if opening still fails, the previous
   * workbook is opened again.
   */
  open(
    file: string,
    options: { readOnly?: boolean; portable?: boolean; password?: string } = {},
  ): WorkbookInfo {
    this.refuseWhileBusy();
    const source = realPath(file);
    const readOnly = options.readOnly === true;
    const previous = this.current;
    if (!readOnly && this.portable.isSource(source)) {
      this.recentList.add(source, { encrypted: previous?.wb.key != null });
      return this.info();
    }
    // The open workbook in another mode keeps its password.
    const sameSource =
      previous !== null && samePath(this.portable.source() ?? previous.wb.file, source);
    const key = keyOf(options.password) ?? (sameSource ? previous.wb.key : null);
    // Portable mode: the file on the stick locked, and a local working copy opened instead.
    const pending = readOnly ? null : this.preparePortable(source, options.portable, key);
    const target = pending?.workingCopy ?? source;
    const same = previous !== null && samePath(previous.wb.file, target);
    if (same && previous.readOnlyReason === (readOnly ? 'chosen' : null)) {
      this.recentList.add(source, { encrypted: previous.wb.key !== null });
      return this.info();
    }
    const how = { readOnly, lockedFallback: false, key };
    const back = previous && {
      file: this.portable.source() ?? previous.wb.file,
      readOnly: previous.readOnlyReason === 'chosen',
      portable: this.portable.source() !== null,
      key: previous.wb.key,
    };
    let prepared: ReturnType<typeof prepare> | null = null;
    try {
      // The same file in another mode: our own lock must go before it can be taken again.
      prepared = same ? null : prepare(target, how, this.env);
    } catch (error) {
      pending?.abandon();
      throw error;
    }
    this.closeCurrent();
    try {
      prepared ??= prepare(target, how, this.env);
      this.current = finish(prepared, this.env);
    } catch (error) {
      pending?.abandon();
      if (back) this.reopen(back);
      throw error;
    }
    this.afterOpen(pending);
    return this.info();
  }

  /**
   * Makes a new workbook at `file` (which must not exist) and switches to it; with a password
   * it is encrypted from its first byte.
   */
  create(file: string, options: { password?: string } = {}): WorkbookInfo {
    this.refuseWhileBusy();
    const target = path.resolve(file);
    if (fs.existsSync(target)) {
      throw new AppError('conflict', 'workbook_exists', { path: target }, 'path');
    }
    const folder = path.dirname(target);
    if (!isFolder(folder))
      throw new AppError('not_found', 'workbook_folder_missing', { folder }, 'path');
    try {
      createWorkbookFile(target, { ...this.env, key: keyOf(options.password) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') {
        throw new AppError('conflict', 'workbook_exists', { path: target }, 'path');
      }
      throw refusal(error, target);
    }
    return this.open(target, options.password === undefined ? {} : { password: options.password });
  }

  /** Checkpoints and closes the workbook and releases its lock (the app is stopping). */
  close(): void {
    if (!this.current) return;
    this.closeCurrent();
    this.emit(null);
  }

  /**
   * Writes a complete copy of the open workbook to `file` while the app keeps running (a file
   * there is replaced only with `overwrite`, and never one that another program holds).
   */
  async saveCopy(file: string, options: { overwrite?: boolean } = {}): Promise<WorkbookCopy> {
    const c = this.opened();
    const target = path.resolve(file);
    if (samePath(target, c.wb.file) || this.portable.isSource(target))
      throw new AppError('conflict', 'workbook_copy_same', {}, 'path');
    const folder = path.dirname(target);
    if (!isFolder(folder))
      throw new AppError('not_found', 'workbook_folder_missing', { folder }, 'path');
    if (fs.existsSync(target)) {
      if (isFolder(target))
        throw new AppError('invalid_input', 'workbook_folder', { path: target }, 'path');
      // The choice that settles it: replacing the file there.
      if (!options.overwrite)
        throw new AppError('conflict', 'workbook_exists', { path: target }, 'overwrite');
      const holder = liveHolder(target, this.env.lockEnv);
      if (holder) throw lockedError(target, holder, this.options.locale(), 'workbook_copy_locked');
    }
    try {
      const sizeBytes = await this.copying((wb) =>
        writeCopy(wb, target, {
          nativeBinding: this.options.nativeBinding,
          onCopy: (copy) => {
            forgetWorkbookId(copy);
            becomeNewDevice(copy, crypto.randomUUID());
          },
        }),
      );
      return { path: target, sizeBytes };
    } catch (error) {
      throw fileError(error, folder) ?? error;
    }
  }

  /**
   * Portable mode's save: the working copy written back to the file on the stick, or to `file`
   * (which then becomes the file saved to). Refused for a workbook that is not portable: it is
   * saved as it is worked on.
   */
  async save(options: { file?: string; overwrite?: boolean } = {}): Promise<WorkbookInfo> {
    this.opened();
    await this.portable.save(options);
    return this.info();
  }

  /**
   * Closes the workbook, keeping its lock so nobody else opens it meanwhile, lets `swap(file)`
   * put another file at its path, and opens what is there. If `swap` throws, the file is opened
   * again as it is and the error passed on. If what is there cannot be opened, the error is
   * passed on and no workbook is open (`open` another one).
   */
  async replaceFile(
    swap: (file: string) => void | Swapped | Promise<void | Swapped>,
  ): Promise<WorkbookInfo> {
    await this.options.workers?.settled?.();
    this.refuseWhileBusy();
    const c = this.opened();
    // A damaged workbook is read-only, but holds its lock: a restore may replace it.
    const damagedButHeld = c.readOnlyReason === 'damaged' && c.lock !== null;
    if (c.readOnlyReason !== null && !damagedButHeld) {
      throw new AppError('read_only', 'workbook_read_only');
    }
    const file = c.wb.file;
    this.closeCurrent({ keepLock: true });
    this.swapping = true;
    let swapFailed = false;
    let swapError: unknown = null;
    let key = c.wb.key;
    try {
      const swapped = await swap(file);
      if (swapped) key = swapped.key;
    } catch (error) {
      swapFailed = true;
      swapError = error;
    } finally {
      this.swapping = false;
    }
    try {
      const prepared = prepare(
        file,
        { readOnly: false, lockedFallback: false, held: c.lock, key },
        this.env,
      );
      this.current = finish(prepared, this.env);
    } catch (error) {
      c.lock?.release();
      this.portable.drop();
      this.emit(null);
      if (!swapFailed) throw error;
      this.options.logger.error('the workbook could not be opened again', error);
      throw swapError;
    }
    this.afterOpen();
    if (swapFailed) throw swapError;
    return this.info();
  }

  private opened(): Opened {
    if (this.current) return this.current;
    if (this.waiting && !this.swapping) {
      const name = workbookName(this.waiting);
      throw new AppError('password_required', 'workbook_password_required', { name }, 'password');
    }
    throw new AppError('unavailable', this.swapping ? 'workbook_swapping' : 'workbook_unavailable');
  }

  private refuseWhileBusy(): void {
    if (this.swapping) throw new AppError('unavailable', 'workbook_swapping');
    if (this.copies > 0) throw new AppError('conflict', 'workbook_copy_running');
    if (this.options.workers?.busy()) throw new AppError('conflict', 'workbook_switch_busy');
  }

  private closeCurrent(options: { keepLock?: boolean } = {}): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    const keep = options.keepLock === true;
    this.options.workers?.stop();
    this.portable.beforeClose({ keep });
    try {
      c.wb.close();
    } finally {
      c.lock?.stopHeartbeat();
      if (!keep) c.lock?.release();
      // A portable workbook's working copy, now one file at rest, goes back to the stick.
      this.portable.afterClose({ keep });
    }
  }

  /** Portable mode for `source` if chosen or called for; a shell's first workbook held elsewhere opens read-only instead. */
  private preparePortable(
    source: string,
    choice: boolean | undefined,
    key: WorkbookKey | null,
    options: { lockedFallback?: boolean } = {},
  ): PendingPortable | null {
    try {
      return this.portable.prepare(source, choice, key);
    } catch (error) {
      if (options.lockedFallback && error instanceof AppError && error.code === 'locked')
        return null;
      throw error;
    }
  }

  /** Opens the previous workbook again after a failed switch; says so if even that fails. */
  private reopen(back: {
    file: string;
    readOnly: boolean;
    portable: boolean;
    key: WorkbookKey | null;
  }): void {
    let pending: PendingPortable | null = null;
    try {
      pending = back.portable ? this.portable.prepare(back.file, true, back.key) : null;
      this.current = finish(
        prepare(
          pending?.workingCopy ?? back.file,
          { readOnly: back.readOnly, lockedFallback: true, key: back.key },
          this.env,
        ),
        this.env,
      );
      this.afterOpen(pending);
    } catch (error) {
      pending?.abandon();
      this.options.logger.error(
        `the previous workbook ${back.file} could not be opened again`,
        error,
      );
      this.emit(null);
    }
  }

  private afterOpen(pending: PendingPortable | null = null): void {
    const c = this.opened();
    this.waiting = null;
    c.lock?.startHeartbeat(() => this.lockLost(c));
    this.portable.attach(c.wb, pending);
    this.recentList.add(this.portable.source() ?? c.wb.file, { encrypted: c.wb.key !== null });
    this.options.workers?.start();
    this.emit(this.info());
  }

  /**
   * Another machine took the lock (it judged this one gone: a laptop asleep past the heartbeat
   * on a network share). Writing on would mean two writers: from now on this one only reads.
   */
  private lockLost(c: Opened): void {
    if (this.current !== c) return;
    c.lock = null;
    c.readOnlyReason = 'locked';
    c.lockedBy = liveHolder(c.wb.file, this.env.lockEnv);
    this.options.logger.error(`the lock of ${c.wb.file} was taken by another program`, c.lockedBy);
    this.emit(this.info());
  }

  private emit(info: WorkbookInfo | null): void {
    for (const listener of this.listeners) {
      try {
        listener(info);
      } catch (error) {
        this.options.logger.error('a workbook listener failed', error);
      }
    }
  }
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The file's own path, through links (a shortcut folder, a symlinked share): its lock lives
 * beside it, so two paths to one file meet the same lock. A missing file keeps its path.
 */
function realPath(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync.native(resolved);
  } catch {
    return resolved;
  }
}
