/**
 * A sales import streamed: the file is read, checked and (for a run) written a chunk of rows at
 * a time, so a file of millions of rows needs no more memory than one chunk. A run writes all
 * chunks in one transaction under one `import` batch: a cancel or an error leaves nothing, and
 * the undo takes the whole import back in one step.
 */
import path from 'node:path';
import type { ImportCheck, ImportResult } from '../../api/contract';
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
import { resolveManagers } from '../../../db/queries/import-write';
import { moveStagesFromSales } from '../../../db/queries/stage-ladder';
import { withoutForeignKeyChecks } from '../../../db/queries/import-checkpoint';
import type { Workbook } from '../../../db/workbook';
import { planStamp } from './kept-plan';
import { aborted, salesResult, StalePlan, writeKept } from './write-kept-sales';
import type { SalesTally } from './plan-sales';
import {
  csvBytes,
  inIndexOrder,
  openFeed,
  planAll,
  type SalesEnv,
  type SalesRequest,
} from './sales-feed';
import { planOnThread, type OnPlannedOps } from './sales-planner-thread';
import { seenInTempTable, seenInWrittenSales } from './seen-sales';

export type { SalesEnv } from './sales-feed';

type Request = SalesRequest;

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
  const bytes = env.plannerThread ? csvBytes(request.path) : null;
  if (env.plannerThread && bytes !== null && bytes >= env.plannerThread.minBytes) {
    const thread = env.plannerThread;
    return withoutForeignKeyChecks(ctx.wb, () =>
      write(ctx, request, env, (before, onOps) =>
        planOnThread(thread, request, env, before, onOps),
      ),
    );
  }
  const feed = await openFeed(request, env);
  return withoutForeignKeyChecks(ctx.wb, () =>
    write(ctx, request, env, (before, onOps) => {
      const planner = planAll(
        ctx.wb,
        feed,
        request,
        env,
        () => seenInWrittenSales(ctx.wb, before),
        // A chunk's new sales in the order of the client index: its pages are then visited
        // once each, one after the next, instead of at random for every row.
        (p, ops, total) => onOps(inIndexOrder(ops), p.newManagers, total),
        'write',
      );
      return { tally: planner.tally, newManagers: planner.newManagers };
    }),
  );
}

/**
 * Where a run's chunks are planned: here, between the writes of the chunks (reading the sales
 * the run has written for repeats of earlier rows), or on the planner thread
 * (`sales-planner-thread.ts`) while the run writes the chunks before. Each reports the progress.
 */
type PlanSource = (
  before: number,
  onOps: OnPlannedOps,
) => { tally: SalesTally; newManagers: ReadonlyMap<string, string> };

function write(ctx: WriteContext, request: Request, env: SalesEnv, plan: PlanSource): ImportResult {
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'import', path.basename(request.path).slice(0, 200));
    const before = lastSaleRowid(ctx.wb);
    let managers = resolveManagers(ctx, []);
    let created = 0;
    let restore: (() => void) | null = null;
    // Nothing else writes sales in this transaction: the new ones take the rowids after
    // `before`, their ids counted along (the history then walks the client index for them).
    const writer = new SaleWriter(ctx, batchId, managers, before);
    const planned = plan(before, (ops, newManagers, total) => {
      // The client index is kept: the planning here reads it, and on the planner's thread the
      // writer keeps it up as it goes (it waits for the planner meanwhile, and building it at
      // the end, after the writes, took longer than that).
      restore ??= suspendSalesIndexes(ctx.wb, total, env.bulkRows);
      if (newManagers.size > created) {
        managers = resolveManagers(ctx, [...newManagers.values()]);
        created = newManagers.size;
        writer.useManagers(managers);
      }
      for (const op of ops) writer.write(op);
      writer.flush();
    });
    const walk = walkClientIndex(before, writer.inserted, env.bulkRows);
    recordCreatedSales(ctx, batchId, before, writer.idsByRowid(), walk);
    (restore as (() => void) | null)?.();
    writer.days.addWritten(ctx.wb, before);
    // The clients as the planner read them in this transaction: the ladder need not again.
    moveStagesFromSales(ctx, writer.days, writer.people());
    const t = planned.tally;
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
