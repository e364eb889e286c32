/** A table turned into a file to hand to the renderer: bytes, name and type. */
import type { ExportEncoding, ExportFile, ExportFormat, Locale } from '../../api/contract';
import { encodeCsv, toCsv } from './csv';
import { localDate, type ExportTable } from './table';
import { toXlsx } from './xlsx';

export interface ExportOptions {
  format: ExportFormat;
  encoding?: ExportEncoding | undefined;
  /** Replaces the title in the file name. */
  fileName?: string | undefined;
  locale: Locale;
  now: Date;
  /** The screen's time zone: times and the file's date are written in it. */
  timeZone?: string | undefined;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `<name>-YYYY-MM-DD.<ext>` with what Windows, macOS and Linux refuse in a name (\/:*?"<>|,
 * control characters, trailing dots and spaces) taken out; letters of any language stay.
 */
export function exportFileName(name: string, today: string, ext: string, fallback: string): string {
  const base =
    name
      .replace(/\.(csv|xlsx)$/i, '')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .replace(/[. ]+$/, '')
      .replace(/^[. ]+/, '') || fallback;
  return `${base}-${today}.${ext}`;
}

export async function renderExport(
  table: ExportTable,
  options: ExportOptions,
): Promise<ExportFile> {
  const today = localDate(options.now, options.timeZone);
  const name = exportFileName(options.fileName ?? table.title, today, options.format, 'Export');
  if (options.format === 'xlsx') {
    const bytes = await toXlsx(table, options.locale, options.timeZone);
    return {
      fileName: name,
      mime: XLSX_MIME,
      base64: bytes.toString('base64'),
      rows: table.rows.length,
    };
  }
  const encoding = options.encoding ?? 'utf-8';
  const bytes = encodeCsv(toCsv(table, options.locale, options.timeZone), encoding);
  return {
    fileName: name,
    mime: `text/csv;charset=${encoding}`,
    base64: bytes.toString('base64'),
    rows: table.rows.length,
  };
}
