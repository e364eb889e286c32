/** What every handler is given: the open workbook and the injected clock, ids and user. */
import type { Workbook } from '../../db/workbook';
import type { DashboardCache } from '../services/analytics/dashboard';
import type { AnalyticsRunner } from '../services/analytics/runner';
import type { AnalyticsStore } from '../services/analytics/store';
import type { BulkRunner } from '../services/bulk/jobs';
import type { Importer } from '../services/import/jobs';
import type { SyncService } from '../services/sync/service';
import type { AgendaRunner } from '../services/today/agenda-runner';
import type { WorkbookGuard } from '../services/workbook/backup-guard';
import type { Backups } from '../services/workbook/backups';
import type { WorkbookSession } from '../services/workbook/session';
import type { Locale, WorkbookPickMode } from './contract';

export interface AppContext {
  /** The open workbook: follows the session when the user opens another one. */
  readonly wb: Workbook;
  /** Which workbook is open; opening, creating, copying and replacing workbook files. */
  session: WorkbookSession;
  /** The open workbook's backups: taken, listed, restored. */
  backups: Backups;
  /** Integrity checks and daily backups of every workbook opened. */
  guard: WorkbookGuard;
  /** The current time; tests inject a fixed clock. */
  now: () => Date;
  /** A fresh UUIDv7; tests may inject a deterministic source. */
  newId: () => string;
  /** The language of messages returned to the user. */
  locale: () => Locale;
  /** The name recorded as the author of changes. */
  actor: () => string;
  version: string;
  shell: 'electron' | 'web';
  /** Runs import steps in a worker thread (inline in unit tests). */
  importer: Importer;
  /** Runs big bulk edits and their undo in a worker thread (inline in unit tests). */
  bulk: BulkRunner;
  /** The sales kept in memory for analytics, and the dashboard computed from them. */
  readonly analytics: {
    runner: AnalyticsRunner;
    store: AnalyticsStore;
    dashboards: DashboardCache;
  };
  /** Sync through the hub and exchange files. */
  sync: SyncService;
  /** Reads Today's agenda in a worker thread (inline in unit tests). */
  agenda: AgendaRunner;
  /** Shell services only the desktop app has (a native file dialog). */
  platform?: Platform;
}

export interface Platform {
  pickImportFile(): Promise<string | null>;
  /** The native dialog for a workbook file; null when the user closed it. */
  pickWorkbookFile?(request: WorkbookPickRequest): Promise<string | null>;
  /** Prints the window's page to a PDF the user names; null when the dialog was closed. */
  printToPdf?(request: { fileName: string; locale: Locale }): Promise<string | null>;
}

export interface WorkbookPickRequest {
  mode: WorkbookPickMode;
  /** The language of the dialog's words. */
  locale: Locale;
  /** The open workbook's file: the dialog starts beside it and names a copy after it. */
  currentPath: string;
}
