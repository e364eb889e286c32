/**
 * Undoing the sales an import created, set-based: an import of a million sales records each
 * one as created, and undoing it moves them all to the trash with a few statements per chunk
 * instead of a walk over a million change rows. Each removal is recorded like any deletion.
 */
import type { Workbook } from '../workbook';
import { idSequence, type WriteContext } from './history';
import { BULK_INDEXES, changeIdFunction, suspendIndexes } from './import-sales-write';
import { withPageCache } from './import-seen';
import { CREATED_CLIENT } from './undo-created-clients';

/** Sales per statement: a bounded list of ids, however large the import. */
const CHUNK = 20_000;

/** The change rows that mark a sale created by an import (see `marksCreation`). */
const CREATED = "entity = 'sale' AND field = 'created' AND old_value IS NULL";
/** An import's line per client listing the ids of the sales it created (`recordCreatedSales`). */
const CREATED_LIST = "entity = 'sales' AND field = 'created' AND old_value IS NULL";

export interface SalesTaken {
  /** Sales moved to the trash. */
  removed: number;
  /** Sales the batch created that were deleted since (nothing to undo). */
  gone: number;
  /** The clients of the sales moved (their stages follow). */
  clients: Set<string>;
  /** Builds the history index dropped for a large undo again (once the undo's lines are in). */
  restore: () => void;
}

/** Nothing taken: the undo of a batch that created no sale. */
export function noSalesTaken(): SalesTaken {
  return { removed: 0, gone: 0, clients: new Set(), restore: () => {} };
}

/** The history index a large undo rebuilds once rather than updating line by line. */
const UNDO_INDEXES = BULK_INDEXES.filter(([, table]) => table === 'changes');

/** Moves the sales `batchId` created to the trash, under `undoBatchId`. */
export function removeCreatedSales(
  ctx: WriteContext,
  batchId: string,
  undoBatchId: string,
  bulkRows?: number,
): SalesTaken {
  const wb = ctx.wb;
  const at = ctx.now().toISOString();
  // An import records its sales as one list per client; older ones (and other batches) a line
  // per sale. Both are read, so an import made before still undoes.
  const created = wb.sqlite
    .prepare(
      `SELECT entity_id FROM changes WHERE batch_id = ? AND ${CREATED}
       UNION
       SELECT l.value FROM changes, json_each(new_value) l
       WHERE batch_id = ? AND ${CREATED_LIST}`,
    )
    .pluck()
    .all(batchId, batchId) as string[];
  const remove = wb.sqlite.prepare(
    `UPDATE sales SET deleted_at = ?, updated_at = ?
     WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))
     RETURNING id, client_id`,
  );
  // A line per removed sale lands at a random place of the history's client index: for a
  // million of them it is dropped and built once at the end, as a large import does.
  const restore = suspendIndexes(wb, created.length, bulkRows, UNDO_INDEXES);
  const taken: SalesTaken = { removed: 0, gone: 0, clients: new Set(), restore };
  const ids = changeIdFunction(ctx);
  const actor = ctx.actor();
  const record = wb.sqlite.prepare(
    `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
     SELECT kartoteka_change_id(), 'sale', json_extract(value, '$[0]'), json_extract(value, '$[1]'),
            'deletedAt', NULL, ?, ?, ?, ?, ?
     FROM json_each(?) ORDER BY key`,
  );
  // A million removals and as many history rows touch index pages everywhere: a larger cache
  // for this write keeps them from being spilled and read back again and again.
  const run = () => {
    for (let i = 0; i < created.length; i += CHUNK) takeChunk(created.slice(i, i + CHUNK));
    return taken;
  };
  return created.length >= CHUNK ? withPageCache(wb, 128, run) : run();

  function takeChunk(part: string[]): void {
    const rows = remove.raw().all(at, at, JSON.stringify(part)) as [string, string][];
    for (const [, clientId] of rows) taken.clients.add(clientId);
    if (rows.length > 0) {
      // Each removal recorded as `recordChanges` would, by one statement for the chunk.
      const stamp = ctx.now().toISOString();
      ids.next = idSequence(ctx);
      record.run(JSON.stringify(at), actor, stamp, undoBatchId, stamp, JSON.stringify(rows));
    }
    taken.removed += rows.length;
    taken.gone += part.length - rows.length;
  }
}

/**
 * The batch's change rows other than those of the sales it created (handled above) and of the
 * clients it created (`undo-created-clients.ts`).
 */
export function changesBesideCreated<T>(wb: Workbook, batchId: string): T[] {
  return wb.sqlite
    .prepare(
      `SELECT id, entity, entity_id AS entityId, client_id AS clientId, field,
              old_value AS oldValue, new_value AS newValue, actor, at, batch_id AS batchId,
              updated_at AS updatedAt
       FROM changes
       WHERE batch_id = ? AND NOT (${CREATED_LIST}) AND NOT (entity = 'sale' AND entity_id IN
         (SELECT entity_id FROM changes WHERE batch_id = ? AND ${CREATED}))
         AND NOT (entity = 'client' AND entity_id IN
         (SELECT entity_id FROM changes WHERE batch_id = ? AND ${CREATED_CLIENT}))
       ORDER BY id`,
    )
    .all(batchId, batchId, batchId) as T[];
}
