/**
 * Which workbook a command line asks for: the file the user double-clicked reaches the program
 * as an argument (Windows and Linux, for the first instance and through `second-instance` for a
 * running one). Everything else on the line is not ours to read: the executable, the app's
 * folder or script when run from source, Electron's and Chromium's own switches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKBOOK_EXTENSION } from '../paths';

/** Tells whether a path names an existing regular file; tests may pass their own. */
export type IsFile = (file: string) => boolean;

const isExistingFile: IsFile = (file) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

export function hasWorkbookExtension(file: string): boolean {
  return file.toLowerCase().endsWith(WORKBOOK_EXTENSION);
}

/** A `file:` URL (Linux desktop entries pass `%U`) or a path, relative to `cwd`. */
function toPath(arg: string, cwd: string): string | null {
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return path.resolve(cwd, arg);
}

/**
 * The first argument that names an existing `.kartoteka` file, as an absolute path; null when
 * there is none. Switches (`--flag`, `-psn_…`) are skipped, so is anything else.
 */
export function workbookFromArgv(
  argv: readonly string[],
  cwd: string,
  isFile: IsFile = isExistingFile,
): string | null {
  for (const arg of argv) {
    if (arg.length === 0 || arg.startsWith('-')) continue;
    if (!hasWorkbookExtension(arg)) continue;
    const file = toPath(arg, cwd);
    if (file !== null && isFile(file)) return file;
  }
  return null;
}
