/**
 * Reading an import file into a table of text cells: CSV in any of the encodings and delimiters
 * people's files come in (papaparse, iconv-lite), or a sheet of an Excel workbook (exceljs).
 * Every way a file can be wrong ends in an `ImportFileError` that says what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { unguardFormula } from '../export/formula-guard';
import { decodeText, type TextEncoding } from './decode';
import { ImportFileError } from './errors';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_COLUMNS = 500;
export const MAX_ROWS = 1_000_000;

export type Delimiter = ',' | ';' | '\t' | '|';

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
  const bytes = readBytes(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls') throw new ImportFileError('import_xls_old');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.xlsx' || ext === '.xlsm' || zip) {
    if (!zip) throw new ImportFileError('import_xlsx_broken');
    return readXlsx(bytes, options.sheet);
  }
  return readCsv(bytes);
}

function readBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ImportFileError('import_not_found', { path: file });
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('import_not_found', { path: file });
  }
  if (size === 0) throw new ImportFileError('import_empty');
  if (size > MAX_FILE_BYTES) {
    throw new ImportFileError('import_too_large', { size, max: MAX_FILE_BYTES });
  }
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ImportFileError('import_unreadable', {
      details: error instanceof Error ? error.message : String(error),
    });
  }
}

export function readCsv(bytes: Buffer): SourceTable {
  const { encoding, text } = decodeText(bytes);
  if (text.trim() === '') throw new ImportFileError('import_empty');
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    // A stray quote inside a field (Excel writes `12" pipe`) is read as a character.
    quoteChar: '"',
  });
  // Text a spreadsheet would run as a formula was written with a leading apostrophe.
  const table = toTable(parsed.data.map((record) => record.map(unguardFormula)));
  return { format: 'csv', encoding, delimiter, sheets: [], sheet: null, ...table };
}

/**
 * The delimiter that splits the first lines into the same number of fields, more than one.
 * Counted outside quotes, so a comma inside `"Иванов, ИП"` does not vote.
 */
export function detectDelimiter(text: string): Delimiter {
  const candidates: Delimiter[] = [';', ',', '\t', '|'];
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = -1;
  // A file of one column: a delimiter that splits no line, so a comma or a semicolon inside
  // a value (`1 200,50`) stays in it.
  let single: Delimiter | null = null;
  for (const d of [',', ';', '\t', '|'] as const) {
    if (!single && fieldCounts(sample, d, 20).every((c) => c === 1)) single = d;
  }
  for (const d of candidates) {
    const counts = fieldCounts(sample, d, 20);
    if (counts.length === 0) continue;
    const first = counts[0]!;
    if (first < 2) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return bestScore < 0 && single ? single : best;
}

/** Fields per record in the first `limit` records, honouring quotes. */
function fieldCounts(text: string, delimiter: string, limit: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < limit; i += 1) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') i += 1;
      else quoted = !quoted;
      empty = false;
    } else if (!quoted && c === delimiter) {
      fields += 1;
      empty = false;
    } else if (!quoted && (c === '\n' || c === '\r')) {
      if (!empty) counts.push(fields);
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields = 1;
      empty = true;
    } else if (c !== ' ') {
      empty = false;
    }
  }
  // The last line counts only when the sample holds the whole file.
  if (!empty && counts.length < limit && text.length < 64 * 1024) counts.push(fields);
  return counts;
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
  if (rows.length > MAX_ROWS) {
    throw new ImportFileError('import_too_many_rows', { count: rows.length, max: MAX_ROWS });
  }
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i]!;
    if (r.length !== width) rows[i] = r.length > width ? r.slice(0, width) : pad(r, width);
  }
  return { headers: uniqueHeaders(headerRow.slice(0, width)), rows };
}

function pad(row: string[], width: number): string[] {
  const out = row.slice();
  while (out.length < width) out.push('');
  return out;
}

/** Blank headers get a column letter, repeated ones a number: every column stays addressable. */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim().replace(/\s+/g, ' ') || columnLetter(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

async function readXlsx(bytes: Buffer, sheetName: string | undefined): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
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
