/**
 * Undoing the clients a batch created: an import of 100,000 clients records each one as
 * created, and undoing it moves them to the trash by one set-based `setDeleted`. Their ids are
 * read here by SQL, and their change rows are left out of the rows the undo reads and walks
 * back (`changesBesideCreated`), instead of 100,000 rows read into JavaScript only to be skipped.
 */
import type { Workbook } from '../workbook';

/**
 * The change rows that mark a client created by their batch (see `marksCreation` in history.ts:
 * an import's `created` line, or the name given when a card was made).
 */
export const CREATED_CLIENT =
  "entity = 'client' AND old_value IS NULL AND field IN ('created', 'name')";

/** The clients `batchId` created, in the order it created them. */
export function createdClients(wb: Workbook, batchId: string): string[] {
  return wb.sqlite
    .prepare(
      `SELECT entity_id FROM changes WHERE batch_id = ? AND ${CREATED_CLIENT}
       GROUP BY entity_id ORDER BY min(id)`,
    )
    .pluck()
    .all(batchId) as string[];
}
