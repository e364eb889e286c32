/**
 * A sales import streamed: the file is read, checked and (for a run) written a chunk of rows at
 * a time, so a file of millions of rows needs no more memory than one chunk. A run writes all
 * chunks in one transaction under one `import` batch: a cancel or an error leaves nothing, and
 * the undo takes the whole import back in one step.
 */
import path from 'node:path';
import type { ImportCheck, ImportResult } from '../../api/contract';
import { listFields } from '../../../db/queries/fields';
import { dropEmptyBatch, startBatch, type WriteContext } from '../../../db/queries/history';
import { lastSaleRowid } from '../../../db/queries/import-reads';
import {
  recordCreatedSales,
  SaleWriter,
  walkClientIndex,
  suspendSalesIndexes,
} from '../../../db/queries/import-sales-write';
import { changeMark, sameOtherWrites } from '../../../db/queries/change-mark';
import { keptSalesTable, type KeptSalesTable } from '../../../db/queries/import-kept-sales';
import { countUnchanged } from '../../../db/queries/import-unchanged';
import type { SaleImportOp } from '../../../db/queries/import-write';
import { resolveManagers } from '../../../db/queries/import-write';
import { moveStagesFromSales } from '../../../db/queries/stage-ladder';
import { withoutForeignKeyChecks } from '../../../db/queries/import-checkpoint';
import type { Workbook } from '../../../db/workbook';
import { CHUNK_ROWS, readCsvChunks, type Delimiter } from './csv-chunks';
import { planStamp } from './kept-plan';
import { aborted, salesResult, StalePlan, writeKept } from './write-kept-sales';
import { checkMapping, convertContext, ImportCancelled } from './plan';
import type { ImportEnv, ImportOptions, SourceRequest } from './plan-common';
import { SalesPlanner } from './plan-sales';
import { seenInTempTable, seenInWrittenSales, type SeenSales } from './seen-sales';
import { isWorkbook, openCsv, readSource } from './source';

export interface SalesEnv extends ImportEnv {
  /** At most this many errors and duplicates are listed; the counts are always whole. */
  listLimit: number;
}

type Request = SourceRequest & ImportOptions;

interface Head {
  headers: string[];
  delimiter: Delimiter | null;
  format: 'csv' | 'xlsx';
}

/** Feeds the file's rows to `onChunk` a chunk at a time, with the share of the file read. */
type Feed = (onChunk: (rows: string[][], first: number, head: Head, share: number) => void) => void;

async function openFeed(request: Request, env: SalesEnv): Promise<Feed> {
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

/** Plans every chunk; `onOps` gets each chunk's operations (a run writes them). */
function planAll(
  wb: Workbook,
  feed: Feed,
  request: Request,
  env: SalesEnv,
  seen: (before: number) => SeenSales,
  onOps: (planner: SalesPlanner, ops: ReturnType<SalesPlanner['chunk']>, rows: number) => void,
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
      onOps(planner, planner.chunk(rows, first), total);
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

export async function checkSales(wb: Workbook, request: Request, env: SalesEnv) {
  // Taken before the file and the workbook are read: a change while the check reads them makes
  // the run's stamp differ, and the run plans again.
  const stamp = env.keeper ? planStamp(wb, request, env) : null;
  const feed = await openFeed(request, env);
  let unchanged = 0;
  // The new sales kept for the run, unless a row updates a sale (those the run plans again).
  let kept: KeptSalesTable | null = stamp ? keptSalesTable(wb) : null;
  let rows = 0;
  const planner = (() => {
    try {
      // One snapshot of the workbook; the temporary tables' writes in one transaction, not
      // each its own.
      return wb.read(() =>
        planAll(
          wb,
          feed,
          request,
          env,
          () => seenInTempTable(wb),
          (_, ops) => {
            const updates = ops.filter((op) => op.action === 'update');
            if (updates.length > 0) unchanged += countUnchanged(wb, [], updates);
            if (kept && updates.length > 0) {
              kept.drop();
              kept = null;
            }
            // In the order a planning run writes the chunk (`writeKeptSales` keeps it).
            if (kept) for (const op of inIndexOrder(ops)) kept.add(op);
            rows += ops.length;
          },
          'check',
        ),
      );
    } catch (error) {
      kept?.drop();
      throw error;
    }
  })();
  const t = planner.tally;
  const after = changeMark(wb);
  if (kept && stamp && sameOtherWrites(stamp.workbook, after)) {
    const table = kept;
    env.keeper?.keepSales(
      { ...stamp, workbook: after },
      {
        tally: t,
        newManagers: [...planner.newManagers.values()],
        rows,
        days: table.days,
        people: table.people(),
        release: () => table.drop(),
      },
    );
  } else kept?.drop();
  const check: ImportCheck = {
    total: t.total,
    valid: t.total - t.invalid,
    invalid: t.invalid,
    willCreate: t.willCreate,
    willUpdate: t.willUpdate - unchanged,
    willSkip: t.willSkip + unchanged,
    unchanged,
    skippedByChoice: 0,
    merged: 0,
    blanked: t.blanked,
    errors: t.errors,
    errorsTotal: t.errorsTotal,
    duplicates: t.duplicates,
    duplicatesTotal: t.duplicatesTotal,
    groups: [],
    groupsTotal: 0,
    groupColumns: [],
    newManagers: [...planner.newManagers.values()],
  };
  return check;
}

export async function runSales(
  ctx: WriteContext,
  request: Request,
  env: SalesEnv,
): Promise<ImportResult> {
  const stamp = env.keeper ? planStamp(ctx.wb, request, env) : null;
  const kept = stamp ? (env.keeper?.takeSales(stamp) ?? null) : null;
  try {
    if (request.onInvalid === 'abort') {
      // Nothing is written when any row is bad: the whole file is checked first (the kept
      // check has done it).
      const check =
        kept?.tally ?? (await checkSales(ctx.wb, request, { ...env, keeper: undefined }));
      if (check.invalid > 0) return aborted(check);
    }
    if (kept && stamp) {
      try {
        // The check's sales, written only if the workbook is still as it was when the check
        // ended (seen again inside the transaction, once no other connection can write).
        return withoutForeignKeyChecks(ctx.wb, () =>
          writeKept(ctx, request, env, kept, () => {
            if (changeMark(ctx.wb) !== stamp.workbook) throw new StalePlan();
          }),
        );
      } catch (error) {
        if (!(error instanceof StalePlan)) throw error;
      }
    }
  } finally {
    if (!env.closedAfterRun) kept?.release();
  }
  const feed = await openFeed(request, env);
  return withoutForeignKeyChecks(ctx.wb, () => write(ctx, request, env, feed));
}

function write(ctx: WriteContext, request: Request, env: SalesEnv, feed: Feed): ImportResult {
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'import', path.basename(request.path).slice(0, 200));
    const before = lastSaleRowid(ctx.wb);
    let managers = resolveManagers(ctx, []);
    let created = 0;
    let restore: (() => void) | null = null;
    // Nothing else writes sales in this transaction: the new ones take the rowids after
    // `before`, their ids counted along (the history then walks the client index for them).
    const writer = new SaleWriter(ctx, batchId, managers, before);
    const planner = planAll(
      ctx.wb,
      feed,
      request,
      env,
      (before) => seenInWrittenSales(ctx.wb, before),
      (p, ops, rows) => {
        restore ??= suspendSalesIndexes(ctx.wb, rows, env.bulkRows);
        if (p.newManagers.size > created) {
          managers = resolveManagers(ctx, [...p.newManagers.values()]);
          created = p.newManagers.size;
          writer.useManagers(managers);
        }
        // A chunk's new sales in the order of the client index: its pages are then visited
        // once each, one after the next, instead of at random for every row.
        for (const op of inIndexOrder(ops)) writer.write(op);
        writer.flush();
      },
      'write',
    );
    const walk = walkClientIndex(before, writer.inserted, env.bulkRows);
    recordCreatedSales(ctx, batchId, before, writer.idsByRowid(), walk);
    (restore as (() => void) | null)?.();
    writer.days.addWritten(ctx.wb, before);
    // The clients as the planner read them in this transaction: the ladder need not again.
    moveStagesFromSales(ctx, writer.days, writer.people());
    const t = planner.tally;
    let id: string | null = batchId;
    if (writer.inserted + writer.updated === 0 && created === 0) {
      dropEmptyBatch(ctx.wb, batchId);
      id = null;
    }
    return salesResult(t, {
      batchId: id,
      inserted: writer.inserted,
      updated: t.willUpdate - writer.unchanged,
      skipped: t.willSkip + writer.unchanged,
      unchanged: writer.unchanged,
      aborted: false,
    });
  });
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
