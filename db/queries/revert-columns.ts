/**
 * Undoing a bulk edit of one plain column (a stage, tags) over many clients: the clients are
 * read once, only the columns the undo needs, and each written with one cached statement. The
 * same checks, rows and history as the general walk in `revert.ts`, which reads and compares
 * whole client rows and takes several seconds more over 100,000 clients.
 */
import { AppError } from '../../electron/api/errors';
import { tagsFold } from './client-derived';
import { sameValue } from './clients';
import { decode, recordChanges, type ChangeInput, type WriteContext } from './history';
import { reindexTags } from './search';

/** What the undo needs of a change row. */
interface ColumnChange {
  entity: string;
  entityId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

type Field = 'stage' | 'tags';

/**
 * The field when every change of `items` sets that one field ('stage' or 'tags') of a
 * different client, as a bulk edit records it; null for any other batch.
 */
export function columnBatchField(items: readonly ColumnChange[]): Field | null {
  const field = items[0]?.field;
  if (field !== 'stage' && field !== 'tags') return null;
  const seen = new Set<string>();
  for (const c of items) {
    if (c.entity !== 'client' || c.field !== field || seen.has(c.entityId)) return null;
    seen.add(c.entityId);
  }
  return field;
}

/**
 * Puts back the old values of `items` (all of `field`, see `columnBatchField`) under
 * `batchId`; a value changed again since, or a stage that would be "lost" with no reason, is
 * left alone and counted as skipped.
 */
export function revertColumnBatch(
  ctx: WriteContext,
  batchId: string,
  items: readonly ColumnChange[],
  field: Field,
): { reverted: number; skipped: number } {
  const withText = field === 'tags';
  const rows = ctx.wb.sqlite
    .prepare(
      `SELECT id, stage, lost_reason, tags FROM clients WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(items.map((c) => c.entityId))) as Record<string, string | null>[];
  const byId = new Map(rows.map((r) => [r['id']!, r]));
  const at = ctx.now().toISOString();
  // Tags change only their folded text among the derived columns: the name, the text and the
  // phone keys (and the indexes on them) stay as they are.
  const updateTags = ctx.wb.sqlite.prepare(
    'UPDATE clients SET tags = ?, tags_fold = ?, updated_at = ? WHERE id = ?',
  );
  // A stage is put back set-based: the clients going back to each stage, in one statement.
  const toStage = new Map<string | null, string[]>();
  const outcome = { reverted: 0, skipped: 0 };
  const changes: ChangeInput[] = [];
  // Latest first, as the general walk goes.
  for (let i = items.length - 1; i >= 0; i--) {
    const change = items[i]!;
    const row = byId.get(change.entityId);
    if (!row) throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
    const current: unknown = withText ? JSON.parse(row['tags']!) : row['stage'];
    if (!sameValue(current, decode(change.newValue))) {
      outcome.skipped += 1;
      continue;
    }
    const old = decode(change.oldValue) ?? null;
    const stage = field === 'stage' ? old : row['stage'];
    if (stage === 'lost' && !row['lost_reason']) {
      outcome.skipped += 1;
      continue;
    }
    if (sameValue(current, old)) continue;
    if (withText) {
      const tags = old as string[];
      updateTags.run(JSON.stringify(tags), tagsFold(tags), at, row['id']);
    } else {
      const ids = toStage.get(old as string | null);
      if (ids) ids.push(change.entityId);
      else toStage.set(old as string | null, [change.entityId]);
    }
    changes.push({
      entity: 'client',
      entityId: change.entityId,
      clientId: change.entityId,
      field,
      oldValue: current,
      newValue: old,
    });
  }
  const updateStage = ctx.wb.sqlite.prepare(
    'UPDATE clients SET stage = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
  );
  for (const [stage, ids] of toStage) updateStage.run(stage, at, JSON.stringify(ids));
  recordChanges(ctx, batchId, changes);
  outcome.reverted = changes.length;
  if (withText && changes.length > 0)
    reindexTags(
      ctx.wb,
      changes.map((c) => c.entityId),
    );
  return outcome;
}
