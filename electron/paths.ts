/** Where things live on disk, without asking Electron (the browser shell has no Electron). */
import os from 'node:os';
import path from 'node:path';

export const APP_VERSION = process.env['KARTOTEKA_VERSION'] ?? '0.0.0-dev';
export const PRODUCT_NAME = 'Kartoteka';
export const WORKBOOK_EXTENSION = '.kartoteka';

/** The folder Electron calls `userData`: per OS, the application-data folder plus the product name. */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultWorkbookPath(dataDir = userDataDir()): string {
  return path.join(dataDir, `workbook${WORKBOOK_EXTENSION}`);
}

/** Folders shipped beside the bundled main process (`dist/main/*.cjs`). */
export function bundledPaths(bundleDir: string) {
  const root = path.resolve(bundleDir, '..', '..');
  return {
    migrationsDir: path.join(root, 'db', 'migrations'),
    rendererDir: path.join(root, 'dist', 'renderer'),
    importWorker: path.join(path.resolve(bundleDir), 'import-worker.cjs'),
    bulkWorker: path.join(path.resolve(bundleDir), 'bulk-worker.cjs'),
    analyticsWorker: path.join(path.resolve(bundleDir), 'analytics-worker.cjs'),
    integrityWorker: path.join(path.resolve(bundleDir), 'integrity-worker.cjs'),
    agendaWorker: path.join(path.resolve(bundleDir), 'agenda-worker.cjs'),
  };
}
