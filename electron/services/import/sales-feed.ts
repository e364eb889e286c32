/**
 * A sales file read and planned a chunk of rows at a time: the rows as they come (`openFeed`),
 * and each chunk's operations (`planAll`), for a check, for a run that plans as it writes, and
 * for the planner thread of a large run (`sales-planner-thread.ts`).
 */
import { listFields } from '../../../db/queries/fields';
import { lastSaleRowid } from '../../../db/queries/import-reads';
import type { SaleImportOp } from '../../../db/queries/import-write';
import type { Workbook } from '../../../db/workbook';
import { CHUNK_ROWS, readCsvChunks, type Delimiter } from './csv-chunks';
import { checkMapping, convertContext, ImportCancelled } from './plan';
import type { ImportEnv, ImportOptions, SourceRequest } from './plan-common';
import { SalesPlanner } from './plan-sales';
import type { SeenSales } from './seen-sales';
import { isWorkbook, openCsv, readSource } from './source';

export interface SalesEnv extends ImportEnv {
  /** At most this many errors and duplicates are listed; the counts are always whole. */
  listLimit: number;
}

export type SalesRequest = SourceRequest & ImportOptions;

interface Head {
  headers: string[];
  delimiter: Delimiter | null;
  format: 'csv' | 'xlsx';
}

/** Feeds the file's rows to `onChunk` a chunk at a time, with the share of the file read. */
export type Feed = (
  onChunk: (rows: string[][], first: number, head: Head, share: number) => void,
) => void;

export async function openFeed(request: SalesRequest, env: SalesEnv): Promise<Feed> {
  const chunkRows = env.chunkRows ?? CHUNK_ROWS;
  env.onProgress?.('read', 0, 1);
  const csv = openCsv(request.path);
  let workbook: boolean;
  try {
    workbook = isWorkbook(request.path, csv.source);
  } catch (error) {
    csv.close();
    throw error;
  }
  if (!workbook) {
    return (onChunk) => {
      try {
        readCsvChunks(csv.source, chunkRows, (rows, first, head, bytes) =>
          onChunk(rows, first, { ...head, format: 'csv' }, bytes / csv.source.size),
        );
      } finally {
        csv.close();
      }
    };
  }
  csv.close();
  // An Excel sheet is read whole (exceljs; the file is capped), then planned in chunks too.
  const table = await readSource(request.path, { sheet: request.sheet });
  return (onChunk) => {
    for (let at = 0; at < table.rows.length; at += chunkRows) {
      const rows = table.rows.slice(at, at + chunkRows);
      onChunk(rows, at, table, (at + rows.length) / table.rows.length);
    }
  };
}

/**
 * Plans every chunk; `onOps` gets each chunk's operations (a run writes them), with the rows
 * read so far and the total estimated from the share of the file read.
 */
export function planAll(
  wb: Workbook,
  feed: Feed,
  request: SalesRequest,
  env: SalesEnv,
  seen: (before: number) => SeenSales,
  onOps: (planner: SalesPlanner, ops: SaleImportOp[], total: number, done: number) => void,
  phase: 'check' | 'write',
): SalesPlanner {
  let planner: SalesPlanner | null = null;
  let seenSales: SeenSales | null = null;
  try {
    feed((rows, first, head, share) => {
      if (env.cancelled?.()) throw new ImportCancelled();
      if (!planner) {
        const columns = checkMapping(head, request, listFields(wb, false), env.locale);
        const before = lastSaleRowid(wb);
        seenSales = seen(before);
        const ctx = convertContext(head, request, env);
        planner = new SalesPlanner(wb, columns, request, ctx, seenSales, env.listLimit, before);
      }
      const done = first + rows.length;
      // The total is known at the end; meanwhile it is estimated from the share of bytes read.
      const total = Math.max(done, Math.round(done / Math.max(share, 1e-9)));
      onOps(planner, planner.chunk(rows, first), total, done);
      env.onProgress?.(phase, done, total);
    });
  } finally {
    (seenSales as SeenSales | null)?.close();
  }
  const done = planner as SalesPlanner | null;
  if (!done) throw new Error('a file without rows reached the planner');
  done.finish();
  return done;
}

/** Bits of a chunk's sort key: the client's place, the day, the op's place in the chunk. */
const CLIENT_BITS = 2 ** 20;
const DAY_BITS = 2 ** 17;
const PLACE_BITS = 2 ** 15;

/** A day as a number that sorts as the ISO date does, 0 for 1900-01-00 (below 2^17 to 2200). */
function dayNumber(date: string): number {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  return (
    (year - 1900) * 372 +
    (digit(date, 5) * 10 + digit(date, 6)) * 31 +
    digit(date, 8) * 10 +
    digit(date, 9)
  );
}

/**
 * A digit of a date. Not a closure made per call: a million allocations (a third of a second
 * when the bundle still named each closure, `keepNames`).
 */
function digit(date: string, i: number): number {
  return date.charCodeAt(i) - 48;
}

/**
 * A chunk's ops by client (in the order of the client index), then date, then their order in
 * the file: each op's three places packed into one number below 2^53, and the numbers sorted
 * by the typed array's own sort, without calling a comparator some 300,000 times a chunk.
 * Beyond the packing's bounds (a million clients, chunks of 32,768 rows, years out of
 * 1900–2200) the comparator does it.
 */
export function inIndexOrder(ops: SaleImportOp[]): SaleImportOp[] {
  if (ops.length > PLACE_BITS) return ops.sort(byClientAndDate);
  const keys = new Float64Array(ops.length);
  for (let i = 0; i < ops.length; i += 1) {
    const op = ops[i]!;
    const day = dayNumber(op.values.date);
    const client = op.clientOrder;
    if (client === undefined || client >= CLIENT_BITS || !(day >= 0 && day < DAY_BITS)) {
      return ops.sort(byClientAndDate);
    }
    keys[i] = (client * DAY_BITS + day) * PLACE_BITS + i;
  }
  keys.sort();
  return Array.from(keys, (key) => ops[key % PLACE_BITS]!);
}

/**
 * Client, then date; a stable sort keeps the file's order within a day. The planner gives each
 * op its client's place in the order of ids: a number compared instead of two ids.
 */
export function byClientAndDate(a: SaleImportOp, b: SaleImportOp): number {
  if (a.clientOrder !== undefined && b.clientOrder !== undefined) {
    if (a.clientOrder !== b.clientOrder) return a.clientOrder - b.clientOrder;
  } else if (a.clientId !== b.clientId) return a.clientId < b.clientId ? -1 : 1;
  if (a.values.date !== b.values.date) return a.values.date < b.values.date ? -1 : 1;
  return 0;
}

/** The size in bytes of a CSV file; null for an Excel workbook (read whole, planned here). */
export function csvBytes(file: string): number | null {
  const csv = openCsv(file);
  try {
    return isWorkbook(file, csv.source) ? null : csv.source.size;
  } finally {
    csv.close();
  }
}
