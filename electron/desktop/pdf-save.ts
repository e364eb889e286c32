/**
 * The save dialog for a page printed to PDF (the meeting brief), Electron-free: a suggested
 * file name made safe for every file system, in the user's Documents folder, with the dialog's
 * title in the user's language and the options `webContents.printToPDF` gets.
 */
import path from 'node:path';
import type { Locale } from '../api/contract';
import { translate } from '../api/messages';

/** Characters no Windows, macOS or Linux file name may hold, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]+/g;

/** «ООО "Ромашка": Иванов» → «ООО Ромашка Иванов.pdf»; never empty, never a path. */
export function pdfFileName(suggested: string): string {
  const base = suggested
    .replace(UNSAFE, ' ')
    .split(/\s+/)
    // ".." and the like are no part of a name (nor, with the separators gone, a way out).
    .filter((word) => !/^\.+$/.test(word))
    .join(' ')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 120)
    .trim();
  const name = base || 'brief';
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

export interface PdfSaveSpec {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export function pdfSaveDialog(request: {
  fileName: string;
  locale: Locale;
  documentsDir: string;
}): PdfSaveSpec {
  return {
    title: translate(request.locale, 'print_pdf_title'),
    defaultPath: path.join(request.documentsDir, pdfFileName(request.fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
}

/** One A4 page laid out by the page's own print stylesheet (its @page size and margins). */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
} as const;
