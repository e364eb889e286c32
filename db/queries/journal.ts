/**
 * The journal of recent batches (edits, bulk actions, imports): the newest batches first, each
 * counted through the history's batch index, and for a batch of one client its name and what
 * changed. Counting only the batches shown keeps the journal quick on a workbook of a million
 * history rows (grouping every row by batch took seconds there).
 */
import type { Batch } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { prepared } from './prepared';

/** Fields named for a batch of one client; a longer list would not be read anyway. */
const FIELDS_SHOWN = 6;

export function listBatches(wb: Workbook, limit: number): Batch[] {
  const rows = prepared(
    wb,
    `SELECT id, kind, label, actor, created_at AS createdAt, undone_at AS undoneAt
     FROM batches ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(limit) as Omit<Batch, 'changes' | 'clients' | 'client' | 'fields'>[];
  const counts = prepared(
    wb,
    // An import's list of a client's new sales counts as one change per sale.
    `SELECT coalesce(sum(CASE WHEN entity = 'sales' THEN json_array_length(new_value) ELSE 1 END), 0)
              AS changes,
            count(DISTINCT client_id) AS clients, min(client_id) AS clientId
     FROM changes WHERE batch_id = ?`,
  );
  const name = prepared(wb, 'SELECT name FROM clients WHERE id = ?').pluck();
  const fields = prepared(
    wb,
    `SELECT entity, field FROM changes WHERE batch_id = ?
     GROUP BY entity, field ORDER BY min(rowid) LIMIT ${FIELDS_SHOWN}`,
  );
  return rows.map((b) => {
    const c = counts.get(b.id) as { changes: number; clients: number; clientId: string | null };
    const clientName = c.clients === 1 ? (name.get(c.clientId) as string | undefined) : undefined;
    const one = clientName !== undefined && c.clientId !== null;
    return {
      ...b,
      changes: c.changes,
      clients: c.clients,
      client: one ? { id: c.clientId!, name: clientName } : null,
      fields: one ? (fields.all(b.id) as Batch['fields']) : [],
    };
  });
}
