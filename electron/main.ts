/**
 * The Electron shell: a window, the `app://` protocol serving the renderer, and one IPC
 * handler that forwards to the same dispatch the browser shell uses. Everything else lives in
 * Electron-free modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { createApp, toLocale, type App } from './app';
import { FileSecretStore } from './services/sync/secrets';
import type { WorkbookPickRequest } from './api/context';
import type { Locale } from './api/contract';
import type { Dispatch } from './api/dispatch';
import { consoleLogger } from './api/logger';
import { translate } from './api/messages';
import { workbookFromArgv } from './desktop/argv';
import { effectsOf } from './desktop/call-effects';
import { pickedWorkbookPath, workbookDialog } from './desktop/dialog-options';
import { buildMenuTemplate, type MenuAction } from './desktop/menu-template';
import { OpenRequests } from './desktop/open-requests';
import { pdfSaveDialog } from './desktop/pdf-save';
import { startPlace } from './desktop/portable-exe';
import { reminderNotes } from './desktop/reminder-notes';
import { readWorkbookInfo, readWorkbookState, type WorkbookEvents } from './desktop/session';
import { createShutdown } from './desktop/shutdown';
import { WorkbookActions } from './desktop/workbook-actions';
import { askPasswordInWindow } from './desktop/password-route';
import { APP_SCHEME, lockDown, secureWebPreferences } from './desktop/lock-down';
import {
  focusWindow,
  pickImportFile,
  representFile,
  savePageAsPdf,
  setMenu,
  showFileDialog,
  showInFolder,
  showMessage,
  showNotes,
  showRoute,
} from './desktop-ui';
import { handleIpcInvoke, IPC_INVOKE, RENDERER_ORIGIN } from './ipc';
import { APP_VERSION, bundledPaths } from './paths';
import { serveRendererFile } from './renderer-protocol';
import { FollowingReminders } from './services/reminder-follow';
import type { DueReminder } from './services/reminder-scheduler';
import { startFailure } from './services/workbook/refusals';

const paths = bundledPaths(__dirname);
let kartoteka: App | null = null;

protocol.registerSchemesAsPrivileged([APP_SCHEME]);

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build (see README). */
function electronNativeBinding(): string {
  if (app.isPackaged) return path.join(process.resourcesPath, 'native', 'better_sqlite3.node');
  const file = path.join(
    path.resolve(__dirname, '..', '..'),
    'native',
    `electron-${process.versions.electron}-${process.arch}`,
    'better_sqlite3.node',
  );
  if (!fs.existsSync(file)) {
    throw new Error(
      `better-sqlite3 is not built for Electron ${process.versions.electron}: run "npm run native:electron".`,
    );
  }
  return file;
}

/** Packaged, the workers live unpacked beside the archive (see electron-builder.yml). */
function unpacked(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** The native dialog for a workbook file (`workbook.pickFile`), in the user's language. */
async function pickWorkbookFile(request: WorkbookPickRequest): Promise<string | null> {
  const spec = workbookDialog({
    ...request,
    places: { documentsDir: app.getPath('documents'), dataDir: app.getPath('userData') },
    now: new Date(),
  });
  return pickedWorkbookPath(request.mode, await showFileDialog(spec));
}

/** The meeting brief (or any page) to a PDF, saved from a dialog in the user's language. */
function printToPdf(request: { fileName: string; locale: Locale }): Promise<string | null> {
  return savePageAsPdf(pdfSaveDialog({ ...request, documentsDir: app.getPath('documents') }));
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Only until the page loads: from then on the title is the renderer's document.title (the
    // workbook's name), which Electron follows.
    title: 'Kartoteka',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  // Windows ends a session without `before-quit`: close the workbook while there is time.
  window.on('session-end', () => shutdown.now());
  void window.loadURL(RENDERER_ORIGIN);
}

/** Native notifications for due reminders, in the workbook's language. */
function notify(items: DueReminder[], missed: boolean): void {
  if (kartoteka) showNotes(reminderNotes(items, missed, kartoteka.ctx.locale()));
}

/** Notifications come from whichever workbook is open. */
const reminders = new FollowingReminders({
  current: () => (kartoteka?.session.isOpen() ? kartoteka.wb : null),
  timer: {
    now: () => new Date(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  },
  notifier: { notify },
  onError: (error) => consoleLogger.error('reminder notifications', error),
});

/** Runs a menu action or an open request in the background; a failure is logged. */
function background(work: Promise<unknown>): void {
  work.catch((error: unknown) => consoleLogger.error('desktop action failed', error));
}

/** The menus in the workbook's language, with its recent list; the window names its file. */
async function refreshDesktop(switched: boolean): Promise<void> {
  if (!kartoteka) return;
  const locale = kartoteka.ctx.locale();
  const state = await readWorkbookState(kartoteka.dispatch);
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      packaged: app.isPackaged,
      recent: state.recent,
      hasWorkbook: state.info !== null,
    },
    (key, params) => translate(locale, key, params),
  );
  setMenu(template, runMenuAction);
  const file = state.info?.path;
  if (!switched || !file) return;
  app.addRecentDocument(file);
  representFile(file);
}

function workbookChanged(): void {
  reminders.follow();
  background(refreshDesktop(true));
}

/** The app's dispatch, followed by what the shell must redo after the call. */
function withEffects(dispatch: Dispatch): Dispatch {
  return async (channel, input) => {
    const result = await dispatch(channel, input);
    const effects = effectsOf(channel, result.ok);
    if (effects.workbook) workbookChanged();
    else if (effects.menu) background(refreshDesktop(false));
    if (effects.reminders) reminders.reschedule();
    return result;
  };
}

let actions: WorkbookActions | null = null;

function runMenuAction(action: MenuAction): void {
  if (!actions) return;
  if (action.kind === 'new') background(actions.create());
  else if (action.kind === 'open') background(actions.open());
  else if (action.kind === 'openRecent') background(actions.openPath(action.path));
  else if (action.kind === 'saveCopy') background(actions.saveCopy());
  else if (action.kind === 'backups') showRoute('#/workbook/backups');
  else background(actions.about());
}

/** The session's events: another workbook opened (or none), and closing it cleanly. */
function workbookEvents(current: App): WorkbookEvents {
  return {
    onChange: (listener) => current.session.onChange(() => listener()),
    close: () => current.close(),
  };
}

let closeWorkbook: () => void | Promise<void> = () => undefined;

/** Closes the workbook once, whichever way the program ends. */
const shutdown = createShutdown({
  close: () => closeWorkbook(),
  quit: () => app.quit(),
  onError: (error) => consoleLogger.error('the workbook could not be closed cleanly', error),
});

/** Workbooks to open from a double-click, the Dock or a second launch, once the window is up. */
const openRequests = new OpenRequests();

async function start(): Promise<void> {
  await app.whenReady();
  // Permissions, navigation, redirects, new windows and webviews (electron/desktop/lock-down.ts).
  // Only the links lock-down lets out (tel:, mailto:, sms:) ever reach the system.
  lockDown(app, session.defaultSession, (link) => void shell.openExternal(link));
  protocol.handle(APP_SCHEME.scheme, (request) => serveRendererFile(paths.rendererDir, request));
  let current: App;
  try {
    const nativeBinding = electronNativeBinding();
    current = createApp({
      // Installed: the workbook in the data folder; the portable .exe: the one beside it.
      ...startPlace(process.env, app.getPath('userData')),
      dataDir: app.getPath('userData'),
      migrationsDir: paths.migrationsDir,
      shell: 'electron',
      version: APP_VERSION,
      systemLocale: app.getLocale(),
      nativeBinding,
      importWorker: unpacked(paths.importWorker),
      bulkWorker: unpacked(paths.bulkWorker),
      analyticsWorker: unpacked(paths.analyticsWorker),
      integrityWorker: unpacked(paths.integrityWorker),
      agendaWorker: unpacked(paths.agendaWorker),
      // The window's first calls come first; the check, backup and analytics read after them.
      quietStartMs: 1500,
      platform: { pickImportFile, pickWorkbookFile, printToPdf },
      secrets: new FileSecretStore(
        path.join(app.getPath('userData'), 'sync-secrets.json'),
        safeStorage.isEncryptionAvailable()
          ? {
              encrypt: (plain) => safeStorage.encryptString(plain),
              decrypt: (sealed) => safeStorage.decryptString(sealed),
            }
          : null,
      ),
    });
  } catch (error) {
    dialog.showErrorBox('Kartoteka', startFailure(error, toLocale(app.getLocale())));
    app.quit();
    return;
  }
  kartoteka = current;
  const events = workbookEvents(current);
  events.onChange(workbookChanged);
  closeWorkbook = async () => {
    reminders.stop();
    // The changes of this session reach the hub before the program ends, when it can be reached.
    await current.ctx.sync.beforeClose(5000);
    // A bulk edit's worker folding its WAL back: the close folds the rest into the one file.
    await current.ctx.bulk.settled();
    return events.close();
  };
  // Linux and macOS: the system is shutting down.
  powerMonitor.on('shutdown', () => shutdown.now());
  const call = withEffects(current.dispatch);
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
    handleIpcInvoke(call, event.senderFrame?.url, channel, input),
  );
  actions = new WorkbookActions({
    dispatch: call,
    ui: {
      showMessage,
      showWorkbook: () => showRoute(),
      focus: () => void focusWindow(),
      showInFolder,
    },
    locale: () => current.ctx.locale(),
    currentPath: async () =>
      (await readWorkbookInfo(current.dispatch))?.path ??
      (current.session.isOpen() ? current.wb.file : null),
    version: APP_VERSION,
    askPassword: askPasswordInWindow(showRoute),
    caseInsensitivePaths: process.platform !== 'linux',
  });
  createWindow();
  workbookChanged();
  const opener = actions;
  openRequests.ready((file) => background(opener.openPath(file)));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS: a workbook double-clicked or dropped on the Dock icon, also before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openRequests.request(file);
  });
  // Windows and Linux: a workbook double-clicked while the program runs starts a second one.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const file = workbookFromArgv(argv, workingDirectory);
    if (file) openRequests.request(file);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (shutdown.beforeQuit() === 'wait') event.preventDefault();
  });
  process.once('SIGINT', () => shutdown.now());
  process.once('SIGTERM', () => shutdown.now());
  // Windows and Linux: the workbook double-clicked to start the program.
  const initial = workbookFromArgv(process.argv, process.cwd());
  if (initial) openRequests.request(initial);
  start().catch((error: unknown) => {
    consoleLogger.error('Kartoteka could not start', error);
    app.quit();
  });
}
