/**
 * The Electron shell: a window, the `app://` protocol serving the renderer, and one IPC
 * handler that forwards to the same dispatch the browser shell uses. Everything else lives in
 * Electron-free modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session } from 'electron';
import { createApp, toLocale, type App } from './app';
import { consoleLogger } from './api/logger';
import { handleIpcInvoke, IPC_INVOKE, RENDERER_ORIGIN } from './ipc';
import { APP_VERSION, bundledPaths, defaultWorkbookPath } from './paths';
import { translate } from './api/messages';
import { ReminderScheduler, type DueReminder } from './services/reminder-scheduler';
import { workbookCheckpoint, workbookReminderSource } from './services/reminder-source';
import { startFailure } from './services/workbook/refusals';
import { CONTENT_SECURITY_POLICY } from './web-server';

const SCHEME = 'app';
const paths = bundledPaths(__dirname);
let kartoteka: App | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

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

function serveRenderer(request: Request): Response {
  const url = new URL(request.url);
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = path.resolve(paths.rendererDir, relative);
  if (!file.startsWith(paths.rendererDir + path.sep) || !fs.existsSync(file)) {
    return new Response('Not found', { status: 404 });
  }
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  return new Response(fs.readFileSync(file), {
    headers: {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Packaged, the workers live unpacked beside the archive (see electron-builder.yml). */
function unpacked(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** The native open dialog for import files (the browser shell uploads instead). */
async function pickImportFile(): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    properties: ['openFile'],
    filters: [
      { name: 'CSV, Excel', extensions: ['csv', 'txt', 'tsv', 'xlsx'] },
      { name: '*', extensions: ['*'] },
    ],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Kartoteka',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_ORIGIN);
}

/** Opens the card of a client in the main window (from a notification). */
function showClient(clientId: string): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  void window.loadURL(`${RENDERER_ORIGIN}#/clients/${encodeURIComponent(clientId)}`);
}

/** Native notifications for due reminders; clicking one opens the client's card. */
function startScheduler(app: App): ReminderScheduler {
  const notify = (items: DueReminder[], missed: boolean) => {
    if (!Notification.isSupported()) return;
    const locale = app.ctx.locale();
    const show = (title: string, body: string, clientId: string | null) => {
      const note = new Notification({ title, body });
      note.on('click', () => (clientId ? showClient(clientId) : showToday()));
      note.show();
    };
    const [first] = items;
    if (!first) return;
    if (missed && items.length > 1) {
      show(
        translate(locale, 'notify_missed_title', { count: items.length }),
        translate(locale, 'notify_missed_body', { first: `${first.clientName}: ${first.title}` }),
        null,
      );
      return;
    }
    for (const item of items)
      show(
        translate(locale, 'notify_title', { client: item.clientName }),
        item.title,
        item.clientId,
      );
  };
  const scheduler = new ReminderScheduler(
    {
      now: () => new Date(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    workbookReminderSource(app.wb),
    { notify },
    workbookCheckpoint(app.wb),
  );
  scheduler.start();
  return scheduler;
}

function showToday(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  window.show();
  void window.loadURL(`${RENDERER_ORIGIN}#/today`);
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(RENDERER_ORIGIN)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  protocol.handle(SCHEME, serveRenderer);
  try {
    const nativeBinding = electronNativeBinding();
    kartoteka = createApp({
      workbookPath: defaultWorkbookPath(app.getPath('userData')),
      dataDir: app.getPath('userData'),
      migrationsDir: paths.migrationsDir,
      shell: 'electron',
      version: APP_VERSION,
      systemLocale: app.getLocale(),
      nativeBinding,
      importWorker: unpacked(paths.importWorker),
      analyticsWorker: unpacked(paths.analyticsWorker),
      platform: { pickImportFile },
    });
  } catch (error) {
    dialog.showErrorBox('Kartoteka', startFailure(error, toLocale(app.getLocale())));
    app.quit();
    return;
  }
  const scheduler = startScheduler(kartoteka);
  const dispatch = kartoteka.dispatch;
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const result = await handleIpcInvoke(dispatch, event.senderFrame?.url, channel, input);
    // A reminder added, done or snoozed may move the next notification.
    if (typeof channel === 'string' && channel.startsWith('reminders.') && result.ok)
      scheduler.reschedule();
    return result;
  });
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    kartoteka?.close();
    app.quit();
  });
  // Quitting from the menu or the dock, or a signal: the workbook is checkpointed and closed
  // (one file again, its lock released) before the process ends.
  app.on('will-quit', () => kartoteka?.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      kartoteka?.close();
      app.quit();
    });
  }
  start().catch((error: unknown) => {
    consoleLogger.error('Kartoteka could not start', error);
    app.quit();
  });
}
