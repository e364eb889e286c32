/**
 * Portable mode: a workbook on a removable or network medium is never run there (WAL needs
 * shared memory on one machine, and USB sticks lie about flushing). Opening one takes the lock
 * beside it and copies it to a local working copy (portable-files.ts), which the session opens
 * like any workbook; it is saved back (portable-save.ts) on every explicit save, every few
 * minutes while changed, and when it closes. A save that fails loses nothing: the working copy
 * stays, the error says why and what to do, and the next save tries again.
 *
 * The session calls in at a few points: `prepare` before it opens a file, `attach` once the
 * working copy is open, `beforeClose` and `afterClose` around closing it, `describe` for
 * `info()`; and `save` for `workbook.save`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Locale, WorkbookInfo } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/logger';
import { translate } from '../../api/messages';
import { inspectWorkbook, type Workbook } from '../../../db/workbook';
import type { WorkbookKey } from '../../../db/workbook-key';
import {
  acquireLock,
  HEARTBEAT_MS,
  lockFileOf,
  type HeldLock,
  type LockAttempt,
  type LockEnv,
} from './lock';
import { workbookName } from './names';
import { PortableLink, sourceFolderIsThere, type Words } from './portable-link';
import {
  fetchSource,
  findWorkingCopy,
  fingerprintOf,
  keepAside,
  newWorkingDir,
  sameFingerprint,
  writeRecord,
  type WorkingCopy,
} from './portable-files';
import { saveAtRest } from './portable-save';
import { samePath } from './recent';
import { fileError, lockedError, refusal, sinceText } from './refusals';
import type { Medium } from './removable';

/** How often the working copy is looked at for changes (cheap: two counters). */
const WATCH_MS = 2000;
/** How often changes are saved back while the workbook is open, unless told otherwise. */
export const SAVE_EVERY_MS = 3 * 60_000;

export interface PortableOptions {
  dataDir: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  now: () => Date;
  locale: () => Locale;
  logger: Logger;
  lockEnv: LockEnv;
  /** Which medium a path is on (removable.ts). */
  medium: (file: string) => Medium;
  saveEveryMs: number;
  /** An import is writing: the automatic save waits for its next turn. */
  busy: () => boolean;
  /** Before a live save back looks at the working copy: caches kept for speed are written. */
  beforeSave: () => Promise<void>;
  /** The file saved to changed ("save to another place"): the recent list and the title follow. */
  moved: (file: string) => void;
}

/** A portable workbook about to open: its source locked, its working copy ready. */
export interface PendingPortable {
  readonly source: string;
  readonly workingCopy: string;
  /** The open failed: the source's lock goes; the working copy stays as it is. */
  abandon(): void;
}

export class PortableMode {
  private link: PortableLink | null = null;
  /** Locks this process left on sticks that were out when it closed their workbook. */
  private strays: HeldLock[] = [];

  constructor(private readonly o: PortableOptions) {}

  /** The file on the stick of the open portable workbook. */
  source(): string | null {
    return this.link?.source ?? null;
  }

  isSource(file: string): boolean {
    return this.link !== null && samePath(this.link.source, file);
  }

  /**
   * Gets `source` ready to open in portable mode when `choice` says so, or without a choice when
   * it is on a removable or network medium or unsaved work of it waits here. Null: open the file
   * itself (not portable; or on a medium that cannot be written, which opens read-only). Throws
   * the refusals of opening, and `locked` when another program holds it.
   */
  prepare(
    source: string,
    choice: boolean | undefined,
    key: WorkbookKey | null = null,
  ): PendingPortable | null {
    const existing = findWorkingCopy(this.o.dataDir, source);
    const dirty = existing !== null && isDirty(existing);
    if (!(choice ?? (dirty || this.o.medium(source) !== 'local'))) return null;
    const present = fs.existsSync(source);
    if (!present && !existing) return null;
    // An encrypted workbook is looked into with its key (refused without it: the password is asked).
    if (present) this.inspect(source, source, key);
    const lock = present ? this.lockSource(source) : null;
    // A write-protected stick: read it where it is, unless work of an earlier session waits.
    if (lock === 'read-only' && !dirty) return null;
    const held = lock === 'read-only' ? null : lock;
    try {
      return this.ready(source, existing, dirty, held, key);
    } catch (error) {
      held?.release();
      throw refusal(error, source);
    }
  }

  /** The working copy is open as `wb` (first time, or again after its file was replaced). */
  attach(wb: Workbook, pending: PendingPortable | null): void {
    if (pending instanceof PortableLink) this.link = pending;
    const link = this.link;
    if (!link) return;
    link.connect(wb, pending === null);
    if (link.unsaved()) link.record(true);
    this.startTimers(link);
  }

  /** Before the working copy closes: whether it holds changes the source lacks. */
  beforeClose(options: { keep: boolean }): void {
    const link = this.link;
    if (!link) return;
    link.stopTimers();
    link.disconnect({ keep: options.keep });
  }

  /**
   * After the working copy closed (one file at rest): saved back if changed, and the source's
   * lock released. With `keep` (its file is being replaced) the link stays for the reopening.
   */
  afterClose(options: { keep: boolean }): void {
    const link = this.link;
    if (!link || options.keep) return;
    this.link = null;
    let unsaved = link.closingUnsaved;
    if (unsaved) {
      try {
        link.claimSource();
        link.saved(saveAtRest(link.workingCopy, link.source), null);
        unsaved = false;
      } catch (error) {
        this.o.logger.error(
          `"${link.source}" could not be saved back as it closed; its changes are kept in ${link.workingCopy}`,
          error,
        );
      }
    }
    link.record(unsaved);
    this.letGoOf(link);
  }

  /** The working copy could not be opened again after a replace: nothing is saved back. */
  drop(): void {
    const link = this.link;
    if (!link) return;
    this.link = null;
    link.stopTimers();
    this.letGoOf(link);
  }

  /** `workbook.save`: back to the source, or to `file`, which then becomes the source. */
  async save(options: { file?: string | undefined; overwrite?: boolean }): Promise<void> {
    const link = this.link;
    if (!link?.connected()) throw new AppError('invalid_input', 'portable_not_portable');
    if (options.file === undefined || samePath(options.file, link.source)) {
      return link.saveToSource();
    }
    // The working copy itself is no place to save it to.
    if (samePath(path.resolve(options.file), link.workingCopy))
      throw new AppError('conflict', 'workbook_copy_same', {}, 'path');
    const previous = link.source;
    await link.saveElsewhere(path.resolve(options.file), options.overwrite === true);
    if (!samePath(link.source, previous)) this.o.moved(link.source);
  }

  /** What `workbook.info` says of a portable workbook: the file on the stick, and the save state. */
  describe(info: WorkbookInfo): WorkbookInfo {
    const link = this.link;
    if (!link) return info;
    const locale = this.o.locale();
    const error = link.saveError;
    return {
      ...info,
      path: link.source,
      name: workbookName(link.source),
      portable: true,
      portableState: {
        source: link.source,
        workingCopy: link.workingCopy,
        lastSavedAt: link.lastSavedAt,
        unsaved: link.unsaved(),
        saveError: error ? translate(locale, error.key, error.params) : null,
        saving: link.saving !== null,
        sourceReachable: sourceFolderIsThere(link.source),
        notice: link.notice?.(locale) ?? null,
      },
    };
  }

  private ready(
    source: string,
    existing: WorkingCopy | null,
    dirty: boolean,
    lock: HeldLock | null,
    key: WorkbookKey | null,
  ): PortableLink {
    const current = fingerprintOf(source);
    const name = workbookName(source);
    if (existing && (current === null || sameFingerprint(current, existing.record.base))) {
      // The copy here is the file on the stick, or newer: work on it.
      const date = modifiedAt(existing.file);
      const notice: Words | null =
        current === null
          ? (l) => translate(l, 'portable_notice_source_missing', { name, date: dateText(date, l) })
          : dirty
            ? (l) => translate(l, 'portable_notice_recovered', { date: dateText(date, l) })
            : null;
      return new PortableLink(
        {
          ...this.linkOptions(source, lock, notice),
          dir: existing.dir,
          workingCopy: existing.file,
        },
        existing.record,
        { unsavedBefore: dirty },
      );
    }
    let notice: Words | null = null;
    let dir = existing?.dir;
    if (existing && dirty) {
      const date = modifiedAt(existing.file);
      const kept = keepAside(existing, this.o.now());
      notice = (l) =>
        translate(l, 'portable_notice_kept', { name, date: dateText(date, l), path: kept });
      dir = undefined;
    }
    dir ??= newWorkingDir(this.o.dataDir, source);
    const file = fetchSource(source, dir, (staged) => this.inspect(staged, source, key));
    const record = {
      version: 1 as const,
      source,
      base: fingerprintOf(source),
      lastSavedAt: existing?.record.lastSavedAt ?? null,
      unsaved: false,
    };
    writeRecord(dir, record);
    return new PortableLink(
      { ...this.linkOptions(source, lock, notice), dir, workingCopy: file },
      record,
      { unsavedBefore: false },
    );
  }

  private linkOptions(source: string, lock: HeldLock | null, notice: Words | null) {
    return {
      ...this.o,
      source,
      lock,
      notice,
      takeLock: (file: string) => this.takeLock(file),
      letGo: (l: HeldLock, file: string) => this.letGo(l, file),
    };
  }

  /** The lock of `file` for this process: one it left there before, or a new one; else who holds it. */
  private takeLock(file: string): LockAttempt {
    const stray = this.strays.find((l) => samePath(l.workbook, file));
    if (stray) {
      this.strays = this.strays.filter((l) => l !== stray);
      if (safely(() => stray.held())) return { lock: stray };
    }
    return acquireLock(file, this.o.lockEnv);
  }

  /** The source's lock, or `read-only` when none can be made beside it (a write-protected stick). */
  private lockSource(source: string): HeldLock | 'read-only' {
    let attempt: LockAttempt;
    try {
      attempt = this.takeLock(source);
    } catch (error) {
      if (fileError(error, path.dirname(source))) return 'read-only';
      throw error;
    }
    if ('holder' in attempt) throw lockedError(source, attempt.holder, this.o.locale());
    return attempt.lock;
  }

  private letGoOf(link: PortableLink): void {
    const lock = link.lock;
    link.lock = null;
    if (lock) this.letGo(lock, link.source);
  }

  /** Releases a source's lock; one on a stick that is out stays for the next open to take up. */
  private letGo(lock: HeldLock, source: string): void {
    if (!sourceFolderIsThere(source)) {
      this.strays.push(lock);
      return;
    }
    try {
      lock.release();
    } catch (error) {
      this.o.logger.error(`the lock beside ${source} could not be removed`, error);
    }
  }

  private inspect(file: string, source: string, key: WorkbookKey | null): void {
    try {
      const migrations = readMigrationFiles({ migrationsFolder: this.o.migrationsDir });
      inspectWorkbook(file, migrations, this.o.nativeBinding, key);
    } catch (error) {
      throw refusal(error, source);
    }
  }

  private startTimers(link: PortableLink): void {
    const every = (ms: number, fn: () => void) =>
      link.addTimer(
        setInterval(() => {
          try {
            fn();
          } catch (error) {
            this.o.logger.error('portable mode: a background step failed', error);
          }
        }, ms),
      );
    every(WATCH_MS, () => link.watch());
    every(HEARTBEAT_MS, () => link.beat());
    every(this.o.saveEveryMs, () => {
      if (link.unsaved() && link.saving === null && !this.o.busy()) {
        // A failure is kept in `saveError` for the screens; the next turn tries again.
        link.saveToSource().catch(() => undefined);
      }
    });
  }
}

/**
 * Holds work that has not reached the source: a session said so, or one ended without closing
 * (its lock beside the working copy is still there after a crash).
 */
function isDirty(copy: WorkingCopy): boolean {
  return copy.record.unsaved || fs.existsSync(lockFileOf(copy.file));
}

function modifiedAt(file: string): string {
  const times = [file, `${file}-wal`].map((f) => fingerprintOf(f)?.mtimeMs ?? 0);
  return new Date(Math.max(...times)).toISOString();
}

function dateText(iso: string, locale: Locale): string {
  return sinceText({ machine: '', user: '', since: iso }, locale);
}

function safely(fn: () => boolean): boolean {
  try {
    return fn();
  } catch {
    return false;
  }
}
