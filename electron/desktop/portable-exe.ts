/**
 * The portable .exe (the consultant's stick). electron-builder's portable target starts the app
 * with `PORTABLE_EXECUTABLE_DIR`, the folder the .exe was started from. There the workbook the
 * program starts on lives beside the .exe, so the clients travel with the program, and that
 * folder counts as removable whatever the drive reports (some sticks say "fixed disk"): the
 * workbook opens in portable mode, worked on in a copy on this computer and saved back.
 * Installed, the program starts on the workbook in its data folder.
 */
import path from 'node:path';
import { defaultWorkbookPath } from '../paths';
import { rootsFromEnv } from '../services/workbook/removable';

export interface StartPlace {
  workbookPath: string;
  /**
   * Folders whose workbooks open in portable mode (see README, "Portable mode"), when the
   * start adds one to those of `KARTOTEKA_PORTABLE_ROOTS`; absent, the app's usual rule holds.
   */
  portableRoots?: string[];
}

export function startPlace(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): StartPlace {
  const exeDir = env['PORTABLE_EXECUTABLE_DIR']?.trim();
  if (!exeDir || !path.isAbsolute(exeDir)) {
    return { workbookPath: defaultWorkbookPath(dataDir) };
  }
  return {
    workbookPath: defaultWorkbookPath(exeDir),
    portableRoots: [...rootsFromEnv(env), path.resolve(exeDir)],
  };
}
