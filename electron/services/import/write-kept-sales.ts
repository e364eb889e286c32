/**
 * The run of a sales import after an unchanged check (`kept-plan.ts`): the new sales the check
 * kept in a temporary table are written by one statement, under the import's one batch, with
 * the same history and stage moves as a run that plans the file again (and for a large one the
 * sales' client index built again too, `suspendKeptSalesIndexes`).
 */
import path from 'node:path';
import type { ImportResult } from '../../api/contract';
import { dropEmptyBatch, startBatch, type WriteContext } from '../../../db/queries/history';
import { writeKeptSales } from '../../../db/queries/import-kept-sales';
import { lastSaleRowid } from '../../../db/queries/import-reads';
import {
  recordCreatedSales,
  suspendKeptSalesIndexes,
  walkClientIndex,
} from '../../../db/queries/import-sales-write';
import { resolveManagers } from '../../../db/queries/import-write';
import { moveStagesFromSales } from '../../../db/queries/stage-ladder';
import type { KeptSales } from './kept-plan';
import { ImportCancelled } from './plan';
import type { ImportEnv, ImportOptions, SourceRequest } from './plan-common';
import type { SalesTally } from './plan-sales';

type Request = SourceRequest & ImportOptions;

type TallyCounts = Pick<
  SalesTally,
  'total' | 'invalid' | 'errors' | 'errorsTotal' | 'duplicatesTotal' | 'blanked'
>;

/** A sales run's result: what was written beside the check's counts of the file. */
export function salesResult(
  check: TallyCounts,
  written: Pick<
    ImportResult,
    'batchId' | 'inserted' | 'updated' | 'skipped' | 'unchanged' | 'aborted'
  >,
): ImportResult {
  return {
    ...written,
    skippedByChoice: 0,
    merged: 0,
    errors: check.errors,
    errorsTotal: check.errorsTotal,
    duplicates: check.duplicatesTotal,
    invalid: check.invalid,
    total: check.total,
    blanked: check.blanked,
  };
}

/** The result of a run with `onInvalid: 'abort'` over a file with a bad row: nothing written. */
export function aborted(check: TallyCounts): ImportResult {
  return salesResult(check, {
    batchId: null,
    inserted: 0,
    updated: 0,
    skipped: check.total - check.invalid,
    unchanged: 0,
    aborted: true,
  });
}

/** A kept check whose workbook changed before the write began: the run plans again. */
export class StalePlan extends Error {}

/** The run after an unchanged check: its kept sales written by one statement, as `write` would. */
export function writeKept(
  ctx: WriteContext,
  request: Request,
  env: ImportEnv,
  kept: KeptSales,
  onStart: () => void,
): ImportResult {
  return ctx.wb.transaction(() => {
    onStart();
    env.onProgress?.('write', 0, kept.tally.total);
    const batchId = startBatch(ctx, 'import', path.basename(request.path).slice(0, 200));
    const before = lastSaleRowid(ctx.wb);
    const managers = resolveManagers(ctx, kept.newManagers);
    const restore = suspendKeptSalesIndexes(ctx.wb, kept.rows, env.bulkRows);
    const { inserted, ids } = writeKeptSales(ctx, managers, before);
    // A cancel while the statement ran still leaves nothing: the transaction rolls back.
    if (env.cancelled?.()) throw new ImportCancelled();
    // The indexes built again before the history reads the new sales back from the client index.
    restore();
    // A large import's new sales are read back from the client index alone.
    const walk = walkClientIndex(before, inserted, env.bulkRows);
    recordCreatedSales(ctx, batchId, before, ids, walk);
    // The new sales' clients and days, followed by the check as it kept them.
    const days = kept.days;
    days.addWritten(ctx.wb, before);
    moveStagesFromSales(ctx, days, kept.people);
    env.onProgress?.('write', kept.tally.total, kept.tally.total);
    let id: string | null = batchId;
    if (inserted === 0 && kept.newManagers.length === 0) {
      dropEmptyBatch(ctx.wb, batchId);
      id = null;
    }
    return salesResult(kept.tally, {
      batchId: id,
      inserted,
      updated: 0,
      skipped: kept.tally.willSkip,
      unchanged: 0,
      aborted: false,
    });
  });
}
