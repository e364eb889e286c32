/**
 * An Excel workbook of one sheet: numbers as numbers, money in major units with two decimals,
 * dates as real Excel dates, a bold frozen header row with an autofilter, and column widths from
 * the content. Written with exceljs's streaming writer: 100,000 rows in well under two seconds.
 */
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import type { ExportCell, ExportColumnType, Locale } from '../../api/contract';
import { minorToDecimal } from '../../../kernel/numbers';
import { sheetDate, type ExportTable } from './table';
import { exportWords } from './words';

type Style = Partial<ExcelJS.Style>;

/** Number formats are stored in the file in this neutral syntax; Excel shows the user's separators. */
function columnStyle(type: ExportColumnType, locale: Locale): Style {
  switch (type) {
    case 'money':
      return { numFmt: '#,##0.00' };
    case 'percent':
      return { numFmt: '0.0%' };
    case 'date':
      return { numFmt: locale === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' };
    case 'datetime':
      return { numFmt: locale === 'ru' ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm' };
    default:
      return {};
  }
}

/** Rows looked at to size the columns: enough to see the typical width, cheap on big tables. */
const WIDTH_SAMPLE = 1000;

function displayWidth(cell: ExportCell, type: ExportColumnType): number {
  if (cell === null) return 0;
  switch (type) {
    case 'date':
      return 10;
    case 'datetime':
      return 16;
    case 'money':
      return typeof cell === 'number' ? minorToDecimal(cell).length * 1.3 : String(cell).length;
    default: {
      const text = String(cell);
      const line = text.indexOf('\n');
      return line >= 0 ? line : text.length;
    }
  }
}

function columnWidths(table: ExportTable): number[] {
  return table.columns.map((column, i) => {
    let width = column.label.length;
    for (const row of table.rows.slice(0, WIDTH_SAMPLE)) {
      width = Math.max(width, displayWidth(row[i] ?? null, column.type));
    }
    return Math.min(60, Math.max(8, Math.ceil(width + 2)));
  });
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or starting or ending with '. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return name || 'Sheet1';
}

function sheetValue(
  cell: ExportCell,
  type: ExportColumnType,
  words: { yes: string; no: string },
  timeZone: string | undefined,
) {
  if (cell === null) return undefined;
  switch (type) {
    case 'money':
      return typeof cell === 'number' ? Math.round(cell) / 100 : cell;
    case 'date':
    case 'datetime':
      return typeof cell === 'string' ? sheetDate(cell, type, timeZone) : cell;
    case 'text':
      return typeof cell === 'boolean' ? (cell ? words.yes : words.no) : cell;
    default:
      return cell;
  }
}

export async function toXlsx(
  table: ExportTable,
  locale: Locale,
  timeZone?: string,
): Promise<Buffer> {
  const words = exportWords(locale);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Loaded at the first export, not at start: exceljs's modules take tens of milliseconds to set up.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Kartoteka';
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const n = table.columns.length;
  sheet.columns = columnWidths(table).map((width) => ({ width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: n } };

  // One style object per column, shared by all its cells: exceljs caches a style by object, so
  // a shared one is looked up once instead of being serialised for every cell (3 s → 1.5 s).
  const header: Style = { font: { bold: true } };
  const headerRow = sheet.addRow(table.columns.map((c) => c.label));
  for (let c = 1; c <= n; c++) headerRow.getCell(c).style = header;
  headerRow.commit();

  const types = table.columns.map((c) => c.type);
  const styles = types.map((type) => columnStyle(type, locale));
  for (const cells of table.rows) {
    // An empty cell is left out (undefined), not written as an empty styled cell.
    const row = sheet.addRow(
      cells.map((cell, i) => sheetValue(cell, types[i] ?? 'text', words, timeZone)),
    );
    for (let c = 0; c < n; c++) {
      if (cells[c] !== null) row.getCell(c + 1).style = styles[c] ?? {};
    }
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished(out);
  return Buffer.concat(chunks);
}
