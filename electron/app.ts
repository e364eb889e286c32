/**
 * Assembles the main process without Electron: opens the workbook, builds the handler context
 * and the dispatch. Both shells (Electron and the browser shell) and the tests start here.
 */
import os from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { openWorkbook, type Workbook } from '../db/workbook';
import { rederiveClients } from '../db/queries/client-derived';
import { localDay } from '../kernel/local-date';
import { reindexClients, SEARCH_INDEX_VERSION } from '../db/queries/search';
import { readSetting, writeSetting } from '../db/queries/settings';
import type { Locale } from './api/contract';
import type { AppContext, Platform } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { consoleLogger, type Logger } from './api/logger';
import { DashboardCache } from './services/analytics/dashboard';
import { AnalyticsRunner } from './services/analytics/runner';
import { AnalyticsStore } from './services/analytics/store';
import { Importer } from './services/import/jobs';

export interface AppOptions {
  workbookPath: string;
  migrationsDir: string;
  shell: AppContext['shell'];
  version: string;
  nativeBinding?: string;
  /** The OS language, used until the user picks one. */
  systemLocale?: string;
  now?: () => Date;
  newId?: () => string;
  logger?: Logger;
  /** The bundled import worker; without it imports run inline (unit tests). */
  importWorker?: string;
  /** The bundled analytics worker; without it analytics run inline (unit tests). */
  analyticsWorker?: string;
  platform?: Platform;
}

export interface App {
  wb: Workbook;
  ctx: AppContext;
  dispatch: Dispatch;
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
    const row = wb.sqlite.prepare('SELECT name FROM managers WHERE id = ?').get(managerId) as
      { name: string } | undefined;
    if (row) return row.name;
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

export function createApp(options: AppOptions): App {
  const wb = openWorkbook(options.workbookPath, {
    migrationsDir: options.migrationsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  ensureSearchIndex(wb, (options.now ?? (() => new Date()))());
  const fallbackLocale = toLocale(options.systemLocale ?? systemLocaleTag());
  const fallbackUser = systemUserName();
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => uuidv7());
  const locale = () => readSetting<Locale | null>(wb, 'language') ?? fallbackLocale;
  const actor = () => currentActor(wb) ?? fallbackUser;
  const importer = new Importer({
    workerScript: options.importWorker,
    setup: () => ({
      workbookPath: wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
      locale: locale(),
      actor: actor(),
      today: localDay(now()),
    }),
    inline: () => ({ wb, now, newId, actor }),
    onWorkerFailure: (error) =>
      (options.logger ?? consoleLogger).error(
        'import worker could not start; importing inline',
        error,
      ),
  });
  const store = new AnalyticsStore(wb);
  const dashboards = new DashboardCache(wb, store);
  const runner = new AnalyticsRunner({
    workerScript: options.analyticsWorker,
    setup: () => ({
      workbookPath: wb.file,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
    }),
    inline: () => ({ wb, now, store, dashboards }),
    onWorkerFailure: (error) =>
      (options.logger ?? consoleLogger).error(
        'analytics worker could not start; computing inline',
        error,
      ),
  });
  runner.start();
  const ctx: AppContext = {
    wb,
    now,
    newId,
    locale,
    actor,
    version: options.version,
    shell: options.shell,
    importer,
    analytics: { runner, store, dashboards },
    ...(options.platform ? { platform: options.platform } : {}),
  };
  const dispatch = createDispatch(ctx, { logger: options.logger ?? consoleLogger });
  return {
    wb,
    ctx,
    dispatch,
    close: () => {
      runner.close();
      wb.close();
    },
  };
}
