/**
 * Assembles the main process without Electron: opens the workbook, builds the handler context
 * and the dispatch. Both shells (Electron and the browser shell) and the tests start here.
 */
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Workbook } from '../db/workbook';
import { rederiveClients } from '../db/queries/client-derived';
import { warmSearch } from '../db/queries/client-list';
import { managerName } from '../db/queries/managers';
import { localDay } from '../kernel/local-date';
import { reindexClients, SEARCH_INDEX_VERSION } from '../db/queries/search';
import { readSetting, writeSetting } from '../db/queries/settings';
import type { Locale } from './api/contract';
import type { AppContext, Platform } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { consoleLogger, type Logger } from './api/logger';
import { AnalyticsRunner } from './services/analytics/runner';
import { BulkRunner } from './services/bulk/jobs';
import { Importer } from './services/import/jobs';
import { WorkbookGuard } from './services/workbook/backup-guard';
import type { BackupDisk } from './services/workbook/backup-write';
import { Backups } from './services/workbook/backups';
import { IntegrityChecker, isCorruption } from './services/workbook/integrity';
import type { LockEnv } from './services/workbook/lock';
import { WorkbookSession } from './services/workbook/session';
import { connectHub } from './services/sync/hub';
import type { Hub } from './services/sync/hub-types';
import { FileSecretStore, type SecretStore } from './services/sync/secrets';
import { SyncService } from './services/sync/service';
import { AgendaRunner } from './services/today/agenda-runner';
import { QuietGate } from './services/quiet-start';
import { userDataDir } from './paths';

export interface AppOptions {
  /** The first workbook: made when missing, opened read-only when another program holds it. */
  workbookPath: string;
  migrationsDir: string;
  shell: AppContext['shell'];
  version: string;
  /** The user's data folder (`recent.json`); the OS's application-data folder by default. */
  dataDir?: string;
  nativeBinding?: string;
  /** The OS language, used until the user picks one. */
  systemLocale?: string;
  now?: () => Date;
  newId?: () => string;
  logger?: Logger;
  /** The bundled import worker; without it imports run inline (unit tests). */
  importWorker?: string;
  /**
   * From this size a sales CSV run without a check is planned on a thread of the import worker
   * beside its writer (4 MB unless given; tests lower it to plan small files there too).
   */
  importPlannerThreadBytes?: number;
  /** The bundled bulk-edit worker; without it bulk edits run inline (unit tests). */
  bulkWorker?: string;
  /** The bundled analytics worker; without it analytics run inline (unit tests). */
  analyticsWorker?: string;
  /** The bundled integrity-check worker; without it large workbooks are checked inline. */
  integrityWorker?: string;
  /** The bundled agenda worker (Today); without it the agenda is read inline (unit tests). */
  agendaWorker?: string;
  /** Workbooks up to this size are checked for damage on the spot (integrity.ts). */
  syncCheckBytes?: number;
  /**
   * Background work after an open (the integrity check of a large workbook, the daily backup,
   * the analytics worker's first read) waits until no call has been in flight for this many ms,
   * so the window's first screen has the machine to itself (0, the default: at once).
   */
  quietStartMs?: number;
  /** Daily backups (on by default; the benchmark turns them off to measure alone). */
  dailyBackups?: boolean;
  /** How backups write to the disk (backup-write.ts); tests play a disk that fills up. */
  backupDisk?: Partial<BackupDisk>;
  platform?: Platform;
  /** Who this process is for the lock files (tests play other processes and machines). */
  lockEnv?: LockEnv;
  /**
   * Folders whose workbooks open in portable mode as if on a stick (tests; users also through
   * `KARTOTEKA_PORTABLE_ROOTS`).
   */
  portableRoots?: string[];
  /** How often a portable workbook's changes are saved back while it is open (3 minutes). */
  portableSaveEveryMs?: number;
  /** Where the hub's password is kept (the desktop app seals it with `safeStorage`). */
  secrets?: SecretStore;
  /** How the hub is reached (`pg` by default). */
  connectHub?: (url: string) => Promise<Hub>;
  /** Sync in the background every this many ms while a hub is set (5 minutes; 0: never). */
  syncEveryMs?: number;
}

export interface App {
  /** The open workbook (another one after a switch). */
  readonly wb: Workbook;
  ctx: AppContext;
  /** The open workbook's life cycle: open, create, save a copy, replace, close; `onChange`. */
  session: WorkbookSession;
  dispatch: Dispatch;
  /** Stops the workers, checkpoints and closes the workbook, and releases its lock. */
  close(): void;
}

export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function systemLocaleTag(): string {
  return (
    process.env['LC_ALL'] || process.env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale
  );
}

function systemUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'user';
  }
}

/** The current manager's name, else the user's name from settings. */
function currentActor(wb: Workbook): string | null {
  const managerId = readSetting<string | null>(wb, 'currentManagerId');
  if (managerId) {
    const name = managerName(wb, managerId);
    if (name !== null) return name;
  }
  return readSetting<string | null>(wb, 'userName') ?? null;
}

/** Rebuilds the search index when its shape changed since the workbook was last opened. */
function ensureSearchIndex(wb: Workbook, now: Date): void {
  if (readSetting<number>(wb, 'searchIndexVersion') === SEARCH_INDEX_VERSION) return;
  rederiveClients(wb);
  reindexClients(wb);
  writeSetting(wb, 'searchIndexVersion', SEARCH_INDEX_VERSION, now);
}

/** Reads what the first search needs into the open workbook's page cache (`warmSearch`). */
function warmUp(session: WorkbookSession, logger: Logger): void {
  if (!session.isOpen()) return;
  try {
    warmSearch(session.wb);
  } catch (error) {
    // A damaged workbook: its banner tells the user; the search reads the pages when asked.
    logger.info(`the search index could not be read ahead: ${String(error)}`);
  }
}

/** What `read` finds, or null when SQLite meets a damaged page (the banner says so). */
function unlessDamaged<T>(read: () => T | null | undefined): T | null {
  try {
    return read() ?? null;
  } catch (error) {
    if (isCorruption(error)) return null;
    throw error;
  }
}

export function createApp(options: AppOptions): App {
  const fallbackLocale = toLocale(options.systemLocale ?? systemLocaleTag());
  const fallbackUser = systemUserName();
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => uuidv7());
  const logger = options.logger ?? consoleLogger;
  const dataDir = options.dataDir ?? userDataDir();
  const checker = new IntegrityChecker({
    workerScript: options.integrityWorker,
    nativeBinding: options.nativeBinding,
    ...(options.syncCheckBytes !== undefined ? { syncBytes: options.syncCheckBytes } : {}),
  });
  const gate = new QuietGate(options.quietStartMs ?? 0);
  const backups = new Backups({
    dataDir,
    now,
    logger,
    nativeBinding: options.nativeBinding,
    checker,
    disk: options.backupDisk,
  });
  // Everything below reads the session's workbook when it runs, never one captured here.
  const session: WorkbookSession = new WorkbookSession({
    migrationsDir: options.migrationsDir,
    nativeBinding: options.nativeBinding,
    dataDir,
    now,
    logger,
    locale: () => locale(),
    ...(options.lockEnv ? { lockEnv: options.lockEnv } : {}),
    workers: {
      busy: () => importer.status().running || bulk.writing(),
      settled: () => bulk.settled(),
      stop: () => {
        runner.close();
        today.close();
        importer.stopWorker();
      },
      start: () => {
        gate.later(() => session.isOpen() && runner.start());
        // After the open returns, as a call would: a damaged workbook only logs it.
        gate.later(() => setImmediate(() => warmUp(session, logger)));
      },
      beforeSave: () => runner.storeSnapshot(),
    },
    prepareWritable: (wb) => ensureSearchIndex(wb, now()),
    portable: {
      ...(options.portableRoots ? { roots: options.portableRoots } : {}),
      ...(options.portableSaveEveryMs ? { saveEveryMs: options.portableSaveEveryMs } : {}),
    },
    beforeMigration: (sqlite, file) => backups.beforeMigration(sqlite, file),
    checkIntegrity: (file, key) => checker.checkBeforeOpen(file, key),
  });
  backups.attach(session);
  const guard = new WorkbookGuard({
    session,
    backups,
    checker,
    logger,
    busy: () => importer.status().running || bulk.writing(),
    daily: options.dailyBackups ?? true,
    later: (fn) => gate.later(fn),
    every: (fn, ms) => {
      const timer = setInterval(fn, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  });
  // A damaged workbook may not answer: its messages are then in the system's language.
  const locale = (): Locale =>
    unlessDamaged(() => (session.isOpen() ? readSetting<Locale>(session.wb, 'language') : null)) ??
    fallbackLocale;
  const actor = () =>
    unlessDamaged(() => (session.isOpen() ? currentActor(session.wb) : null)) ?? fallbackUser;
  const importer = new Importer({
    workerScript: options.importWorker,
    setup: () => ({
      workbookPath: session.wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      password: session.wb.key?.reveal(),
      locale: locale(),
      actor: actor(),
      today: localDay(now()),
      plannerThreadBytes: options.importPlannerThreadBytes,
    }),
    inline: () => ({ wb: session.wb, now, newId, actor }),
    onWorkerFailure: (error) =>
      logger.error('import worker could not start; importing inline', error),
  });
  const bulk = new BulkRunner({
    workerScript: options.bulkWorker,
    setup: () => ({
      workbookPath: session.wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      password: session.wb.key?.reveal(),
      actor: actor(),
    }),
    inline: () => ({ wb: session.wb, now, newId, actor }),
    onWorkerFailure: (error) => logger.error('bulk worker could not start; editing inline', error),
  });
  const runner = new AnalyticsRunner({
    workerScript: options.analyticsWorker,
    setup: () => ({
      workbookPath: session.wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      password: session.wb.key?.reveal(),
      readOnly: session.wb.readOnly,
      snapshotOnlyWhenAsked: session.isPortable(),
    }),
    inline: () => ({ wb: session.wb, now, ...session.analytics }),
    onWorkerFailure: (error) =>
      logger.error('analytics worker could not start; computing inline', error),
  });
  const today = new AgendaRunner({
    workerScript: options.agendaWorker,
    setup: () => ({
      workbookPath: session.wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      password: session.wb.key?.reveal(),
    }),
    inline: () => session.wb,
    onWorkerFailure: (error) =>
      logger.error('agenda worker could not start; reading inline', error),
  });
  const sync = new SyncService({
    wb: () => session.wb,
    now,
    newId,
    actor,
    locale,
    secrets: options.secrets ?? new FileSecretStore(path.join(dataDir, 'sync-secrets.json')),
    connect: options.connectHub ?? connectHub,
    // A purge from another device deletes history rows: the worker's sales go with the inline ones.
    afterApply: () => runner.reset(),
    logger,
  });
  // In the background: at every open of a workbook with a hub set, and every few minutes.
  session.onChange((info) => {
    if (info) setTimeout(() => void sync.background(), 0).unref();
  });
  const syncEvery = options.syncEveryMs ?? 5 * 60_000;
  const syncTimer = syncEvery > 0 ? setInterval(() => void sync.background(), syncEvery) : null;
  syncTimer?.unref();
  session.openFirst(options.workbookPath);
  const ctx: AppContext = {
    get wb() {
      return session.wb;
    },
    session,
    backups,
    guard,
    now,
    newId,
    locale,
    actor,
    version: options.version,
    shell: options.shell,
    importer,
    bulk,
    sync,
    agenda: today,
    get analytics() {
      return { runner, ...session.analytics };
    },
    ...(options.platform ? { platform: options.platform } : {}),
  };
  const handle = createDispatch(ctx, { logger });
  const dispatch: Dispatch = (channel, input, call) => {
    if (session.isOpen() && session.wb.capture.device) {
      // Changes logged for sync carry the author (read here: the log's triggers may not query),
      // and come after any an import's worker logged meanwhile.
      const name = actor();
      session.wb.capture.actor = () => name;
      session.wb.capture.catchUp();
    }
    return gate.during(() => handle(channel, input, call));
  };
  return {
    get wb() {
      return session.wb;
    },
    ctx,
    session,
    dispatch,
    close: () => {
      if (syncTimer) clearInterval(syncTimer);
      sync.release();
      guard.stop();
      session.close();
    },
  };
}
