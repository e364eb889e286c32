/**
 * Undoing the sales an import created, set-based: an import of a million sales records each
 * one as created, and undoing it moves them all to the trash with a few statements per chunk
 * instead of a walk over a million change rows. Each removal is recorded like any deletion.
 */
import type { Workbook } from '../workbook';
import { idSequence, idSequenceStart, type WriteContext } from './history';
import { SALES_CLIENT_INDEX } from './import-reads';
import { BULK_INDEXES, changeIdFunction, suspendIndexes } from './import-sales-write';
import { withPageCache } from './import-seen';
import { CREATED_CLIENT } from './undo-created-clients';

/** From this many sales an undo works with a larger page cache. */
const LARGE = 20_000;

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

/** The sales index whose entries the undo's UPDATE moves (it holds `deleted_at`). */
const UPDATED_INDEXES = [[SALES_CLIENT_INDEX, 'sales']] as const;

/** Moves the sales `batchId` created to the trash, under `undoBatchId`. */
export function removeCreatedSales(
  ctx: WriteContext,
  batchId: string,
  undoBatchId: string,
  bulkRows?: number,
): SalesTaken {
  const wb = ctx.wb;
  const at = ctx.now().toISOString();
  // The batch's live sales with their rowids, in a temporary table (on disk beyond SQLite's
  // cache, however large the import): each found by its id once, then recorded and moved to
  // the trash by rowid, in SQL alone. An import records its sales as one list per client;
  // older ones (and other batches) a line per sale. Both are read, so an import made before
  // still undoes.
  wb.sqlite.exec(
    `DROP TABLE IF EXISTS temp.undo_sales;
     CREATE TEMP TABLE undo_sales (sale INTEGER NOT NULL, id TEXT NOT NULL, client_id TEXT)`,
  );
  try {
    const listed = wb.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM changes WHERE batch_id = ? AND ${CREATED})
              + (SELECT coalesce(sum(json_array_length(new_value)), 0) FROM changes
                 WHERE batch_id = ? AND ${CREATED_LIST})`,
      )
      .pluck()
      .get(batchId, batchId) as number;
    const removed = wb.sqlite
      .prepare(
        `INSERT INTO temp.undo_sales (sale, id, client_id)
         SELECT s.rowid, s.id, s.client_id
         FROM (SELECT entity_id AS id FROM changes WHERE batch_id = ? AND ${CREATED}
               UNION ALL
               SELECT l.value FROM changes, json_each(new_value) l
               WHERE batch_id = ? AND ${CREATED_LIST}) created
         CROSS JOIN sales s ON s.id = created.id
         WHERE s.deleted_at IS NULL`,
      )
      .run(batchId, batchId).changes;
    // A line per removed sale lands at a random place of the history's client index: for a
    // million of them it is dropped and built once at the end, as a large import does.
    const restore = suspendIndexes(wb, removed, bulkRows, UNDO_INDEXES);
    const taken: SalesTaken = { removed, gone: listed - removed, clients: new Set(), restore };
    if (removed === 0) return taken;
    const move = () => {
      // Each removal recorded as `recordChanges` would, by one statement, the ids counted up by
      // SQLite from one fresh id (the fresh table's rowids count 1, 2, …): a call into
      // JavaScript for each of a million ids was a second of the undo.
      const start = idSequenceStart(ctx);
      if (!start) changeIdFunction(ctx).next = idSequence(ctx);
      const stamp = ctx.now().toISOString();
      wb.sqlite
        .prepare(
          `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
           SELECT ${start ? "? || printf('%012x', (? + rowid) % 281474976710656)" : 'kartoteka_change_id()'},
                  'sale', id, client_id, 'deletedAt', NULL, ?, ?, ?, ?, ?
           FROM temp.undo_sales ORDER BY rowid`,
        )
        .run(
          ...(start ? [start.prefix, BigInt(start.counter - 1)] : []),
          JSON.stringify(at),
          ctx.actor(),
          stamp,
          undoBatchId,
          stamp,
        );
      // Each sale's entry in the index of sales by client and date holds its deletion. When the
      // undo marks a quarter of the table or more (counted as `suspendIndexes` counts a write
      // four times as large), that index is built again once, in small sort runs, rather than
      // each entry taken out and put back in: a million sales of 2.3 million took 6.1 s so, and
      // 2.9 s for the UPDATE plus 2.2 s for the build now.
      const rebuild = suspendIndexes(wb, removed * 4, bulkRows, UPDATED_INDEXES, 2);
      wb.sqlite
        .prepare(
          `UPDATE sales SET deleted_at = ?, updated_at = ?
           WHERE rowid IN (SELECT sale FROM temp.undo_sales)`,
        )
        .run(at, at);
      rebuild();
      const clients = wb.sqlite
        .prepare('SELECT DISTINCT client_id FROM temp.undo_sales')
        .pluck()
        .all() as string[];
      for (const id of clients) taken.clients.add(id);
      return taken;
    };
    // A million removals and as many history rows touch index pages everywhere: a larger cache
    // for this write keeps them from being spilled and read back again and again.
    return removed >= LARGE ? withPageCache(wb, 128, move) : move();
  } finally {
    wb.sqlite.exec('DROP TABLE IF EXISTS temp.undo_sales');
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
