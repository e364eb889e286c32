/**
 * One action on many clients, as one batch in history: set manager or stage, add a tag, set a
 * custom field, move to the trash. Set-based: the clients whose value changes are read in one
 * query, written in one statement per value (a tag's folded text per row), their history rows
 * inserted in one pass, and the search index rewritten once for those whose text changed; all
 * in one transaction. 100,000 clients take seconds, not a minute.
 */
import type { BulkAction, BulkResult } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import { sameValue, SEARCHED_TYPES, setDeleted } from './clients';
import { checkCustomPatch } from './fields';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { fold, reindexTags, reindexText } from './search';
import { applySuggestedStages } from './stage-ladder';

export function bulkUpdate(
  ctx: WriteContext,
  ids: string[],
  action: BulkAction,
  label?: string,
): BulkResult {
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'bulk', label ?? action.type);
    const affected = (): number => {
      switch (action.type) {
        case 'delete':
          return setDeleted(ctx, ids, true, batchId);
        case 'setCustom':
          return setCustomMany(ctx, batchId, ids, action.key, action.value);
        case 'applySuggestedStage':
          return applySuggestedStages(ctx, batchId, ids);
        case 'addTag':
          return addTag(ctx, batchId, ids, action.tag);
        case 'setManager':
          if (
            action.managerId &&
            !ctx.wb.sqlite.prepare('SELECT 1 FROM managers WHERE id = ?').get(action.managerId)
          )
            throw new AppError('not_found', 'manager_not_found', {}, 'action.managerId');
          return setColumn(ctx, batchId, ids, 'managerId', action.managerId);
        case 'setStage': {
          if (action.stage === 'lost' && !action.lostReason)
            throw new AppError('invalid_input', 'lost_reason_required', {}, 'action.lostReason');
          const moved = setColumn(ctx, batchId, ids, 'stage', action.stage);
          const reasons = action.lostReason
            ? setColumn(ctx, batchId, ids, 'lostReason', action.lostReason)
            : 0;
          return moved + reasons;
        }
      }
    };
    const count = affected();
    // A stage and its lost reason are one client changed, not two.
    const clients =
      action.type === 'setStage' && action.lostReason
        ? (ctx.wb.sqlite
            .prepare('SELECT count(DISTINCT entity_id) FROM changes WHERE batch_id = ?')
            .pluck()
            .get(batchId) as number)
        : count;
    return { batchId, affected: clients };
  });
}

const COLUMNS = { managerId: 'manager_id', stage: 'stage', lostReason: 'lost_reason' } as const;

/** Sets one plain column (no derived text) on the live clients among `ids` holding another value. */
function setColumn(
  ctx: WriteContext,
  batchId: string,
  ids: string[],
  field: keyof typeof COLUMNS,
  value: string | null,
): number {
  const column = COLUMNS[field];
  const at = ctx.now().toISOString();
  const before = ctx.wb.sqlite
    .prepare(
      `SELECT id, ${column} FROM clients WHERE +deleted_at IS NULL AND ${column} IS NOT ?
       AND id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(value, JSON.stringify(ids)) as [string, string | null][];
  ctx.wb.sqlite
    .prepare(
      `UPDATE clients SET ${column} = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .run(value, at, JSON.stringify(before.map(([id]) => id)));
  recordChanges(
    ctx,
    batchId,
    before.map(([id, old]) => ({
      entity: 'client',
      entityId: id,
      clientId: id,
      field,
      oldValue: old,
      newValue: value,
    })),
  );
  return before.length;
}

/**
 * Adds a tag to the live clients among `ids` without it; their folded tags and tag index rows
 * follow. Only the tags are read, and the clients written in one statement: the tag's JSON goes
 * at the end of the stored array's text (written by `JSON.stringify`, so the result is what it
 * would write) and its folded text at the end of `tags_fold` (as `tagsFold` joins them). No
 * full rows are read, no text derived again, and the index rows of the clients' text and
 * comments are left as they are.
 */
function addTag(ctx: WriteContext, batchId: string, ids: string[], tag: string): number {
  const at = ctx.now().toISOString();
  const rows = ctx.wb.sqlite
    .prepare(
      `SELECT id, tags FROM clients WHERE +deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM json_each(clients.tags) WHERE value = ?)`,
    )
    .raw()
    .all(JSON.stringify(ids), tag) as [string, string][];
  const changes: ChangeInput[] = [];
  // The clients that had tags: only they have a tag index row to take out first.
  const indexed: string[] = [];
  for (const [id, stored] of rows) {
    const old = JSON.parse(stored) as string[];
    if (old.length > 0) indexed.push(id);
    changes.push({
      entity: 'client',
      entityId: id,
      clientId: id,
      field: 'tags',
      oldValue: old,
      newValue: [...old, tag],
    });
  }
  const changed = changes.map((c) => c.entityId);
  const quoted = JSON.stringify(tag);
  const folded = fold(tag);
  ctx.wb.sqlite
    .prepare(
      `UPDATE clients SET updated_at = ?,
         tags = CASE tags WHEN '[]' THEN '[' || ? || ']' ELSE substr(tags, 1, length(tags) - 1) || ',' || ? || ']' END,
         tags_fold = CASE tags_fold WHEN '' THEN ? ELSE tags_fold || ' ' || ? END
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .run(at, quoted, quoted, folded, folded, JSON.stringify(changed));
  recordChanges(ctx, batchId, changes);
  if (changes.length > 0) reindexTags(ctx.wb, changed, indexed);
  return changes.length;
}

function setCustomMany(
  ctx: WriteContext,
  batchId: string,
  ids: string[],
  key: string,
  value: unknown,
): number {
  const [checked] = checkCustomPatch(ctx.wb, { [key]: value }, 'action.value');
  if (!checked) return 0;
  const { field } = checked;
  const at = ctx.now().toISOString();
  const stored = checked.value === null ? null : JSON.stringify(checked.value);
  // The live clients whose value differs, with the value they hold (null: none).
  const current = (
    ctx.wb.sqlite
      .prepare(
        `SELECT c.id, v.value FROM clients c
         LEFT JOIN field_values v ON v.client_id = c.id AND v.field_id = ?
         WHERE +c.deleted_at IS NULL AND c.id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(field.id, JSON.stringify(ids)) as [string, string | null][]
  )
    .map(([id, raw]): [string, unknown] => [id, raw === null ? null : (JSON.parse(raw) as unknown)])
    .filter(([, old]) => !sameValue(old, checked.value));
  const changed = JSON.stringify(current.map(([id]) => id));
  if (stored === null) {
    ctx.wb.sqlite
      .prepare(
        'DELETE FROM field_values WHERE field_id = ? AND client_id IN (SELECT value FROM json_each(?))',
      )
      .run(field.id, changed);
  } else {
    const upsert = ctx.wb.sqlite.prepare(
      `INSERT INTO field_values (id, client_id, field_id, value, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (client_id, field_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    for (const [id] of current) upsert.run(ctx.newId(), id, field.id, stored, at);
  }
  ctx.wb.sqlite
    .prepare('UPDATE clients SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))')
    .run(at, changed);
  recordChanges(
    ctx,
    batchId,
    current.map(([id, old]) => ({
      entity: 'client',
      entityId: id,
      clientId: id,
      field: `custom.${key}`,
      oldValue: old,
      newValue: checked.value,
    })),
  );
  // Custom values are in the text index only.
  if (SEARCHED_TYPES.has(field.type))
    reindexText(
      ctx.wb,
      current.map(([id]) => id),
    );
  return current.length;
}
