/**
 * Assembles the main process without Electron: opens the workbook, builds the handler context
 * and the dispatch. Both shells (Electron and the browser shell) and the tests start here.
 */
import os from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { openWorkbook, type Workbook } from '../db/workbook';
import { readSetting } from '../db/queries/settings';
import type { Locale } from './api/contract';
import type { AppContext } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { consoleLogger, type Logger } from './api/logger';

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

export function createApp(options: AppOptions): App {
  const wb = openWorkbook(options.workbookPath, {
    migrationsDir: options.migrationsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const fallbackLocale = toLocale(options.systemLocale ?? systemLocaleTag());
  const fallbackUser = systemUserName();
  const ctx: AppContext = {
    wb,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => uuidv7()),
    locale: () => readSetting<Locale | null>(wb, 'language') ?? fallbackLocale,
    actor: () => readSetting<string | null>(wb, 'userName') ?? fallbackUser,
    version: options.version,
    shell: options.shell,
  };
  const dispatch = createDispatch(ctx, { logger: options.logger ?? consoleLogger });
  return { wb, ctx, dispatch, close: () => wb.close() };
}
