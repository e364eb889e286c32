/**
 * Reading an import file into a table of text cells: CSV in any of the encodings and delimiters
 * people's files come in (papaparse, iconv-lite), or a sheet of an Excel workbook (exceljs).
 * Every way a file can be wrong ends in an `ImportFileError` that says what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import {
  CHUNK_ROWS,
  fit,
  MAX_COLUMNS,
  readCsvChunks,
  uniqueHeaders,
  type Delimiter,
} from './csv-chunks';
import { bufferSource, type ByteSource, type TextEncoding } from './decode';
import { ImportFileError } from './errors';
import { DateColumnReader } from './values';

export { columnLetter, detectDelimiter, MAX_COLUMNS, type Delimiter } from './csv-chunks';

/** An Excel workbook is read whole, so it is capped (a CSV of any size is read in chunks). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface SourceTable {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Excel only: every sheet's name, and the one read. */
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** Data rows (the header row excluded), each as long as `headers`. */
  rows: string[][];
}

export async function readSource(file: string, options: { sheet?: string } = {}) {
  const csv = openCsv(file);
  try {
    if (isWorkbook(file, csv.source)) {
      // A workbook is read whole (exceljs), so its size is capped; a CSV is read in chunks.
      if (csv.source.size > MAX_FILE_BYTES) {
        throw new ImportFileError('import_too_large', {
          size: csv.source.size,
          max: MAX_FILE_BYTES,
        });
      }
      return await readXlsx(csv.source.read(0, csv.source.size), options.sheet);
    }
    return tableOf(csv.source);
  } finally {
    csv.close();
  }
}

/** True for an Excel workbook (read whole by exceljs), false for a CSV (read in chunks). */
export function isWorkbook(file: string, source: ByteSource): boolean {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls') throw new ImportFileError('import_xls_old');
  const head = source.read(0, 2);
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  if (!zip && (ext === '.xlsx' || ext === '.xlsm')) throw new ImportFileError('import_xlsx_broken');
  return zip;
}

/**
 * The first `count` rows of a file, how many rows it has, and what each column's values allow
 * as dates: what the preview shows, read in chunks (a CSV of any size is never held whole).
 */
export async function sampleSource(file: string, sheet: string | undefined, count: number) {
  const csv = openCsv(file);
  let table: SourceTable;
  let readers: DateColumnReader[] = [];
  const read = (rows: string[][]) => {
    for (const row of rows) row.forEach((cell, i) => readers[i]!.add(cell));
  };
  try {
    if (isWorkbook(file, csv.source)) {
      csv.close();
      table = await readSource(file, { sheet });
      readers = table.headers.map(() => new DateColumnReader());
      read(table.rows);
      return {
        table: { ...table, rows: table.rows.slice(0, count) },
        totalRows: table.rows.length,
        readers,
      };
    }
    const sample: string[][] = [];
    const { head, total } = readCsvChunks(csv.source, CHUNK_ROWS, (rows, _first, h) => {
      if (readers.length === 0) readers = h.headers.map(() => new DateColumnReader());
      for (const row of rows) if (sample.length < count) sample.push(row);
      read(rows);
    });
    table = {
      format: 'csv',
      encoding: head.encoding,
      delimiter: head.delimiter,
      sheets: [],
      sheet: null,
      headers: head.headers,
      rows: sample,
    };
    return { table, totalRows: total, readers };
  } finally {
    csv.close();
  }
}

/** A file to read in blocks; `close` when done. */
export function openCsv(file: string): { source: ByteSource; close: () => void } {
  let fd: number;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ImportFileError('import_not_found', { path: file });
    size = stat.size;
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('import_not_found', { path: file });
  }
  if (size === 0) {
    fs.closeSync(fd);
    throw new ImportFileError('import_empty');
  }
  const read = (position: number, length: number) => {
    const buffer = Buffer.allocUnsafe(length);
    try {
      return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, position));
    } catch (error) {
      throw new ImportFileError('import_unreadable', {
        details: error instanceof Error ? error.message : String(error),
      });
    }
  };
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return { source: { size, read }, close };
}

/** The whole table of a CSV (the clients import, which looks at all rows at once). */
function tableOf(source: ByteSource): SourceTable {
  const rows: string[][] = [];
  const { head } = readCsvChunks(source, CHUNK_ROWS, (chunk) => {
    for (const row of chunk) rows.push(row);
  });
  return {
    format: 'csv',
    encoding: head.encoding,
    delimiter: head.delimiter,
    sheets: [],
    sheet: null,
    headers: head.headers,
    rows,
  };
}

export function readCsv(bytes: Buffer): SourceTable {
  return tableOf(bufferSource(bytes));
}

/** The first non-empty row is the header; rows are padded or cut to its width. */
function toTable(records: string[][]): Pick<SourceTable, 'headers' | 'rows'> {
  const start = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (start < 0) throw new ImportFileError('import_empty');
  const headerRow = records[start]!;
  let width = headerRow.length;
  while (width > 0 && headerRow[width - 1]!.trim() === '') width -= 1;
  if (width > MAX_COLUMNS) {
    throw new ImportFileError('import_too_many_columns', { count: width, max: MAX_COLUMNS });
  }
  const rows = records.slice(start + 1);
  if (rows.length === 0) throw new ImportFileError('import_no_rows');
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i]!;
    if (r.length !== width) rows[i] = fit(r, width);
  }
  return { headers: uniqueHeaders(headerRow.slice(0, width)), rows };
}

async function readXlsx(bytes: Buffer, sheetName: string | undefined): Promise<SourceTable> {
  // Loaded when a sheet is read: a CSV import (in a fresh worker each step) skips its start-up.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('import_xlsx_broken');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw new ImportFileError('import_xlsx_broken');
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    throw new ImportFileError('import_sheet_not_found', {
      sheet: sheetName ?? '',
      sheets: sheets.join(', '),
    });
  }
  if (sheet.actualColumnCount > MAX_COLUMNS || sheet.columnCount > MAX_COLUMNS * 4) {
    throw new ImportFileError('import_too_many_columns', {
      count: sheet.actualColumnCount,
      max: MAX_COLUMNS,
    });
  }
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
    records.push(cells);
  });
  const table = toTable(records.filter((r) => r.some((c) => c !== '')));
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: sheet.name, ...table };
}

/** An Excel cell as the text a user would type: dates as ISO, numbers with a dot. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const isoText = value.toISOString();
    return isoText.endsWith('T00:00:00.000Z') ? isoText.slice(0, 10) : isoText.slice(0, 16);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : cellText(result);
  }
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
