/**
 * Reading a CSV file of any size in chunks of rows: the bytes are read block by block, decoded
 * (see `decode.ts`) and parsed by papaparse's parser, which leaves a row cut by the end of a
 * block for the next block. Memory holds one block and one chunk of rows, never the file.
 * The rows are what `readSource` gives for the whole file: the first non-empty row is the
 * header, blank rows are left out, every row is padded or cut to the header's width.
 */
import Papa from 'papaparse';
import { unguardFormula } from '../export/formula-guard';
import {
  blockDecoder,
  blocksOf,
  checkText,
  detectEncoding,
  type ByteSource,
  type TextEncoding,
} from './decode';
import { ImportFileError } from './errors';

export const MAX_COLUMNS = 500;
/** Rows handed over at once when the caller does not say. */
export const CHUNK_ROWS = 20_000;

export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvHead {
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
}

/**
 * Calls `onChunk` with the data rows, `chunkRows` at a time, `first`, the index of the chunk's
 * first row among the data rows, and how many bytes of the file were read (for progress). A throw from `onChunk` (a cancel) stops the reading.
 */
export function readCsvChunks(
  source: ByteSource,
  chunkRows: number,
  onChunk: (rows: string[][], first: number, head: CsvHead, bytesRead: number) => void,
): { head: CsvHead; total: number } {
  const { encoding, skip } = detectEncoding(source);
  const decoder = blockDecoder(encoding);
  let head: CsvHead | null = null;
  let width = 0;
  let parser: Papa.Parser | null = null;
  let pending = '';
  let chunk: string[][] = [];
  let total = 0;
  let delimiter: Delimiter = ',';
  let bytesRead = skip;

  const take = (record: string[]) => {
    if (record.every((cell) => cell.trim() === '')) return;
    // In place: the parser's row is not used again, and a million rows need no copy.
    const cells = record;
    for (let i = 0; i < cells.length; i += 1) cells[i] = unguardFormula(cells[i]!);
    if (!head) {
      width = cells.length;
      while (width > 0 && cells[width - 1]!.trim() === '') width -= 1;
      if (width > MAX_COLUMNS) {
        throw new ImportFileError('import_too_many_columns', { count: width, max: MAX_COLUMNS });
      }
      head = { encoding, delimiter, headers: uniqueHeaders(cells.slice(0, width)) };
      return;
    }
    chunk.push(cells.length === width ? cells : fit(cells, width));
    total += 1;
    if (chunk.length >= chunkRows) flush();
  };
  const flush = () => {
    if (chunk.length === 0 || !head) return;
    const rows = chunk;
    chunk = [];
    onChunk(rows, total - rows.length, head, bytesRead);
  };
  const parse = (text: string, last: boolean) => {
    if (!parser) {
      // The first 64 KB decide the delimiter and the line ending (as papaparse guesses it).
      if (!last && text.length < 65536) return text;
      if (encoding.startsWith('utf-16')) checkText(text);
      delimiter = detectDelimiter(text);
      parser = new Papa.Parser({ delimiter, newline: guessNewline(text), quoteChar: '"' });
    }
    const result = parser.parse(text, 0, !last) as {
      data: string[][];
      meta: { cursor: number };
    };
    for (const record of result.data) take(record);
    return last ? '' : text.slice(result.meta.cursor);
  };

  for (const block of blocksOf(source, skip)) {
    bytesRead += block.length;
    pending = parse(pending + decoder.write(block), false);
  }
  parse(pending + decoder.end(), true);
  if (!head) throw new ImportFileError('import_empty');
  if (total === 0) throw new ImportFileError('import_no_rows');
  flush();
  return { head, total };
}

export function fit(row: string[], width: number): string[] {
  if (row.length > width) return row.slice(0, width);
  const out = row.slice();
  while (out.length < width) out.push('');
  return out;
}

/** papaparse's guess: `\n` unless `\r` comes first, then `\r\n` when most `\r` have a `\n`. */
function guessNewline(text: string): '\n' | '\r' | '\r\n' {
  const sample = text.slice(0, 1024 * 1024).replace(/"[^]*?"/g, '');
  const r = sample.split('\r');
  const n = sample.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  const withN = r.filter((part) => part[0] === '\n').length;
  return withN >= r.length / 2 ? '\r\n' : '\r';
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

/** Blank headers get a column letter, repeated ones a number: every column stays addressable. */
export function uniqueHeaders(raw: string[]): string[] {
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
