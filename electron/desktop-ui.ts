/**
 * A thin adapter of main.ts: the plain data built in `electron/desktop/` (menu items, dialog
 * options, message boxes) handed to Electron's `Menu`, `dialog` and `shell`. No decisions here.
 */
import {
  BrowserWindow,
  dialog,
  Menu,
  Notification,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import fs from 'node:fs';
import type { WorkbookDialogSpec } from './desktop/dialog-options';
import { PDF_OPTIONS, type PdfSaveSpec } from './desktop/pdf-save';
import type { MenuAction, MenuSpec } from './desktop/menu-template';
import type { ReminderNote } from './desktop/reminder-notes';
import type { MessageBox } from './desktop/workbook-actions';
import { RENDERER_ORIGIN } from './ipc';

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

export function focusWindow(): BrowserWindow | undefined {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return undefined;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}

/** Shows a screen of the renderer (`#/today`); without a route, the start screen, reloaded. */
export function showRoute(hash = ''): void {
  void focusWindow()?.loadURL(`${RENDERER_ORIGIN}${hash}`);
}

/** macOS shows the open file's icon in the title bar (and its folder on a right click). */
export function representFile(file: string): void {
  if (process.platform === 'darwin') BrowserWindow.getAllWindows()[0]?.setRepresentedFilename(file);
}

/** Desktop notifications; a click opens the note's screen. */
export function showNotes(notes: ReminderNote[]): void {
  if (!Notification.isSupported()) return;
  for (const { title, body, route } of notes) {
    const note = new Notification({ title, body });
    note.on('click', () => showRoute(route));
    note.show();
  }
}

function toElectron(spec: MenuSpec, run: (action: MenuAction) => void): MenuItemConstructorOptions {
  const { action, submenu, ...item } = spec;
  return {
    ...item,
    ...(action ? { click: () => run(action) } : {}),
    ...(submenu ? { submenu: submenu.map((s) => toElectron(s, run)) } : {}),
  };
}

export function setMenu(specs: MenuSpec[], run: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(specs.map((s) => toElectron(s, run))));
}

/** The chosen file, or undefined when the dialog was closed. */
export async function showFileDialog(spec: WorkbookDialogSpec): Promise<string | undefined> {
  const window = mainWindow();
  if (spec.kind === 'open') {
    const result = window
      ? await dialog.showOpenDialog(window, spec)
      : await dialog.showOpenDialog(spec);
    return result.canceled ? undefined : result.filePaths[0];
  }
  const result = window
    ? await dialog.showSaveDialog(window, spec)
    : await dialog.showSaveDialog(spec);
  return result.canceled ? undefined : result.filePath;
}

/** The window's page printed to PDF and saved where the user chooses; null when cancelled. */
export async function savePageAsPdf(spec: PdfSaveSpec): Promise<string | null> {
  const window = mainWindow();
  if (!window) return null;
  const pdf = await window.webContents.printToPDF(PDF_OPTIONS);
  const result = await dialog.showSaveDialog(window, spec);
  if (result.canceled || !result.filePath) return null;
  await fs.promises.writeFile(result.filePath, pdf);
  return result.filePath;
}

export async function showMessage(box: MessageBox): Promise<number> {
  const window = mainWindow();
  const options = { ...box, noLink: true };
  const result = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return result.response;
}

export function showInFolder(file: string): void {
  shell.showItemInFolder(file);
}

/** The native open dialog for import files (the browser shell uploads instead). */
export async function pickImportFile(): Promise<string | null> {
  const window = mainWindow();
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
