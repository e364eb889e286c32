/** Names of workbook files: what the title bar shows, and the extension a new one gets. */
import path from 'node:path';
import { WORKBOOK_EXTENSION } from '../../paths';

/** The file name without `.kartoteka`: "Клиенты" for `D:\Клиенты.kartoteka`. */
export function workbookName(file: string): string {
  const base = path.basename(file);
  return base.toLowerCase().endsWith(WORKBOOK_EXTENSION)
    ? base.slice(0, -WORKBOOK_EXTENSION.length)
    : base;
}

/** A path typed without any extension gets `.kartoteka`; one with an extension is kept. */
export function withWorkbookExtension(file: string): string {
  return path.extname(file) === '' ? `${file}${WORKBOOK_EXTENSION}` : file;
}
