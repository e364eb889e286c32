/**
 * A worker thread's own connection to the workbook the main process has open: `secondary` (the
 * main process has checked and migrated the file; the worker neither migrates nor switches the
 * journal), with the password of an encrypted workbook and the driver built for Electron.
 */
import { openWorkbook, type Workbook } from '../../../db/workbook';
import { keyOf } from '../../../db/workbook-key';

/** What a worker needs to open the workbook (part of every worker's setup). */
export interface WorkbookAccess {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
}

export function openWorkerWorkbook(
  access: WorkbookAccess,
  options: { readOnly?: boolean } = {},
): Workbook {
  return openWorkbook(access.workbookPath, {
    migrationsDir: access.migrationsDir,
    secondary: true,
    ...(options.readOnly ? { readOnly: true } : {}),
    key: keyOf(access.password),
    ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}),
  });
}
