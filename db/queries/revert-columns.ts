/**
 * Undoing a bulk edit of one plain column (a stage, tags) over many clients: the batch's lines
 * and their clients are read in one pass, only the columns the undo needs, and the clients and
 * the undo's history are written by a few set-based statements. The same checks, rows and
 * history as the general walk in `revert.ts`, which reads and compares whole client rows and
 * writes them one by one: several seconds more over 100,000 clients. The bulk worker may read
 * the lines ahead, outside the undo's transaction, while the worker before it folds the WAL
 * back (`readColumnRevertAhead`); the transaction uses them only if nothing was written since.
 */
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { tagsFold } from './client-derived';
import { idSequence, idSequenceStart, type WriteContext } from './history';
import { changeMark } from './change-mark';
import { changeIdFunction } from './import-sales-write';
import { reindexTags } from './search';

type Field = 'stage' | 'tags';

/** From this many lines, a line's client is found by one pass over all clients, not a lookup. */
export const SCAN_CLIENTS_FROM = 1000;

/** A line of the batch with its client as it is now (`exists` 0 when there is no such client). */
type Line = [
  clientId: string,
  oldStored: string | null,
  newStored: string | null,
  exists: number,
  stored: string | null,
  stage: string | null,
  lostReason: string | null,
  /** The client's rowid: the clients are rewritten in the order of the table. */
  row: number,
];

type ClientRow = [string, string | null, string | null, string | null, number];

/**
 * The batch's lines in the order they were written, each with its client's current state. A
 * bulk edit over much of the base finds its clients by one pass over the clients table (in the
 * order of the file) instead of a lookup per line all over the file. The lines come in rowid
 * order, as the batch's index holds them: ordered by id, SQLite sorted all 99,000 of them again
 * (~0.1 s), for a batch whose ids count up as it was written.
 */
function batchLines(wb: Workbook, batchId: string, field: Field): Line[] {
  const lines = wb.sqlite
    .prepare(
      'SELECT entity_id, old_value, new_value FROM changes WHERE batch_id = ? ORDER BY rowid',
    )
    .raw()
    .all(batchId) as [string, string | null, string | null][];
  const columns = `id, ${field}, stage, lost_reason, rowid`;
  const clients = new Map<string, ClientRow>();
  const rows =
    lines.length >= SCAN_CLIENTS_FROM
      ? wb.sqlite.prepare(`SELECT ${columns} FROM clients`).raw().iterate()
      : wb.sqlite
          .prepare(`SELECT ${columns} FROM clients WHERE id IN (SELECT value FROM json_each(?))`)
          .raw()
          .iterate(JSON.stringify(lines.map(([id]) => id)));
  const wanted = new Set(lines.map(([id]) => id));
  for (const row of rows as Iterable<ClientRow>) {
    if (wanted.has(row[0])) clients.set(row[0], row);
  }
  return lines.map(([id, oldStored, newStored]) => {
    const client = clients.get(id);
    return client
      ? [id, oldStored, newStored, 1, client[1], client[2], client[3], client[4]]
      : [id, oldStored, newStored, 0, null, null, null, 0];
  });
}

/**
 * The field when every line of the batch sets that one field ('stage' or 'tags') of a
 * different client, as a bulk edit records it; null for any other batch (and an empty one).
 * Asked of SQL: the lines are not read into JavaScript for it.
 */
export function columnBatchField(wb: Workbook, batchId: string): Field | null {
  // Any other line (a sale, a client created, another field) turns the batch down at once,
  // before the lines are counted: asked first of every batch undone, an import's too.
  const other = wb.sqlite
    .prepare(
      `SELECT 1 FROM changes WHERE batch_id = ?
         AND (entity <> 'client' OR field NOT IN ('stage', 'tags')) LIMIT 1`,
    )
    .get(batchId);
  if (other) return null;
  const shape = wb.sqlite
    .prepare(
      `SELECT count(*) AS lines, count(DISTINCT entity_id) AS clients,
              min(entity) AS firstEntity, max(entity) AS lastEntity,
              min(field) AS firstField, max(field) AS lastField
       FROM changes WHERE batch_id = ?`,
    )
    .get(batchId) as {
    lines: number;
    clients: number;
    firstEntity: string | null;
    lastEntity: string | null;
    firstField: string | null;
    lastField: string | null;
  };
  const field = shape.firstField;
  if (shape.lines === 0 || shape.clients !== shape.lines) return null;
  if (shape.firstEntity !== 'client' || shape.lastEntity !== 'client') return null;
  if (field !== shape.lastField || (field !== 'stage' && field !== 'tags')) return null;
  return field;
}

/** A stored value as `encode` would write it (parsed and written again), null for none. */
function canonical(stored: string | null): string | null {
  if (stored === null) return null;
  const again = JSON.stringify(JSON.parse(stored) ?? null);
  return again === 'null' ? null : again;
}

/** [client, the value now (encoded), the value put back (encoded), the client's rowid]. */
type Revert = [string, string | null, string | null, number];

/** What undoing a column batch writes, read from the batch's lines and their clients. */
export interface ColumnRevert {
  field: Field;
  /** The lines to put back, latest first, as the general walk goes. */
  reverted: Revert[];
  /** Lines changed again since, or a stage that would be "lost" with no reason. */
  skipped: number;
}

/**
 * A column batch's undo read ahead, outside the undo's transaction (while the worker before it
 * folds the WAL back): it holds as long as the workbook's change mark is `mark`.
 */
export interface ColumnRevertAhead extends ColumnRevert {
  batchId: string;
  mark: string;
}

/**
 * Which lines of the batch (all of `field`, see `columnBatchField`) are put back, and to what;
 * a value changed again since, or a stage that would be "lost" with no reason, is skipped.
 * Reads only.
 */
export function planColumnRevert(wb: Workbook, batchId: string, field: Field): ColumnRevert {
  const withText = field === 'tags';
  const lines = batchLines(wb, batchId, field);
  // What was written as a value (`encode`): a stage is stored bare, tags as their JSON text.
  const currentOf = (stored: string | null): string | null =>
    withText ? canonical(stored) : stored === null ? null : JSON.stringify(stored);
  let skipped = 0;
  const reverted: Revert[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const [clientId, oldStored, newStored, exists, stored, stage, lostReason, row] = lines[i]!;
    if (!exists) throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
    const current = currentOf(stored);
    // The same text is the same value: the line's value is parsed only when the texts differ.
    const same = (withText ? stored : current) === newStored;
    if (!same && current !== canonical(newStored)) {
      skipped += 1;
      continue;
    }
    const old = canonical(oldStored);
    const stageAfter = withText ? stage : old === null ? null : (JSON.parse(old) as string);
    if (stageAfter === 'lost' && !lostReason) {
      skipped += 1;
      continue;
    }
    if (current === old) continue;
    reverted.push([clientId, current, old, row]);
  }
  return { field, reverted, skipped };
}

/**
 * The undo of the column batch `batchId` read ahead, in one read transaction; null when the
 * batch is no column batch, cannot be undone as it is, or another connection wrote meanwhile.
 * The undo's transaction uses it only if the workbook's change mark is still the same
 * ({@link aheadStillHolds}): nothing was written since, so its transaction would read the same.
 */
export function readColumnRevertAhead(wb: Workbook, batchId: string): ColumnRevertAhead | null {
  const before = changeMark(wb);
  let planned: ColumnRevert | null;
  try {
    planned = wb.read(() => {
      const field = columnBatchField(wb, batchId);
      return field ? planColumnRevert(wb, batchId, field) : null;
    });
  } catch {
    // The undo's own transaction meets the same refusal and says it.
    return null;
  }
  const mark = changeMark(wb);
  return planned && mark === before ? { ...planned, batchId, mark } : null;
}

/**
 * Whether a read-ahead undo of `batchId` still holds: asked first thing in the undo's write
 * transaction, before it writes anything (its own writes move the mark).
 */
export function aheadStillHolds(
  wb: Workbook,
  batchId: string,
  ahead: ColumnRevertAhead | undefined,
): ahead is ColumnRevertAhead {
  return ahead !== undefined && ahead.batchId === batchId && ahead.mark === changeMark(wb);
}

/**
 * Puts back the old values of the batch's lines (all of `field`, see `columnBatchField`) under
 * `undoBatchId`; a value changed again since, or a stage that would be "lost" with no reason,
 * is left alone and counted as skipped. `planned`: the lines read ahead ({@link aheadStillHolds}).
 */
export function revertColumnBatch(
  ctx: WriteContext,
  batchId: string,
  undoBatchId: string,
  field: Field,
  planned: ColumnRevert = planColumnRevert(ctx.wb, batchId, field),
): { reverted: number; skipped: number } {
  const wb = ctx.wb;
  const withText = field === 'tags';
  const { reverted } = planned;
  const outcome = { reverted: 0, skipped: planned.skipped };
  if (reverted.length === 0) return outcome;
  const at = ctx.now().toISOString();
  // By rowid, in the order of the table: no look-up of the id, and each page of the table
  // visited once.
  const byRow = [...reverted].sort((a, b) => a[3] - b[3]);
  const list = JSON.stringify(
    withText
      ? byRow.map(([, , old, row]) => {
          // `old` is already the text `JSON.stringify` makes of the tags.
          const tags = (old === null ? [] : JSON.parse(old)) as string[];
          return [row, old ?? '[]', tagsFold(tags)];
        })
      : byRow.map(([, , old, row]) => [row, old === null ? null : (JSON.parse(old) as string)]),
  );
  // The clients in one statement. Tags change only their folded text among the derived
  // columns: the name, the text and the phone keys (and the indexes on them) stay as they are.
  wb.sqlite
    .prepare(
      withText
        ? `UPDATE clients SET tags = json_extract(j.value, '$[1]'), tags_fold = json_extract(j.value, '$[2]'), updated_at = ?
           FROM json_each(?) j WHERE clients.rowid = json_extract(j.value, '$[0]')`
        : `UPDATE clients SET stage = json_extract(j.value, '$[1]'), updated_at = ?
           FROM json_each(?) j WHERE clients.rowid = json_extract(j.value, '$[0]')`,
    )
    .run(at, list);
  // The undo's history, a line per client as `recordChanges` writes it, in one statement. Its
  // ids are counted up by SQLite from one fresh id, as `recordChanges` counts them: a call into
  // JavaScript for each of 99,000 ids was a tenth of the statement. `json_each` walks the array
  // in its order; an `ORDER BY key` had SQLite sort the 99,000 rows again in a temporary
  // B-tree (0.95 s instead of 0.8 s for the statement on the bench's workbook).
  const start = idSequenceStart(ctx);
  if (!start) changeIdFunction(ctx).next = idSequence(ctx);
  wb.sqlite
    .prepare(
      `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
       SELECT ${start ? "? || printf('%012x', (? + key) % 281474976710656)" : 'kartoteka_change_id()'},
              'client', value ->> 0, value ->> 0, ?, value ->> 1, value ->> 2, ?, ?, ?, ?
       FROM json_each(?)`,
    )
    .run(
      ...(start ? [start.prefix, BigInt(start.counter)] : []),
      field,
      ctx.actor(),
      at,
      undoBatchId,
      at,
      JSON.stringify(reverted),
    );
  outcome.reverted = reverted.length;
  if (withText)
    reindexTags(
      wb,
      reverted.map(([id]) => id),
    );
  return outcome;
}
