/**
 * One action on many clients, as one batch in history: set manager or stage, add a tag, set a
 * custom field, move to the trash. Set-based reads, one prepared statement per write, one
 * transaction; the search index is rebuilt once for the clients whose text changed.
 */
import type { BulkAction, BulkResult, ClientRow } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import { readClientRows, sameValue, setDeleted, writeRow } from './clients';
import { checkCustomPatch, readCustomValues } from './fields';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { reindexClients } from './search';
import { applySuggestedStages } from './stage-ladder';

function liveRows(ctx: WriteContext, ids: string[]): ClientRow[] {
  return readClientRows(ctx.wb, ids, false);
}

export function bulkUpdate(
  ctx: WriteContext,
  ids: string[],
  action: BulkAction,
  label?: string,
): BulkResult {
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'bulk', label ?? action.type);
    if (action.type === 'delete') return { batchId, affected: setDeleted(ctx, ids, true, batchId) };
    if (action.type === 'setCustom')
      return { batchId, affected: setCustomMany(ctx, batchId, ids, action.key, action.value) };
    if (action.type === 'applySuggestedStage')
      return { batchId, affected: applySuggestedStages(ctx, batchId, ids) };
    if (action.type === 'setManager' && action.managerId) {
      const found = ctx.wb.sqlite
        .prepare('SELECT 1 FROM managers WHERE id = ?')
        .get(action.managerId);
      if (!found) throw new AppError('not_found', 'manager_not_found', {}, 'action.managerId');
    }
    if (action.type === 'setStage' && action.stage === 'lost' && !action.lostReason) {
      throw new AppError('invalid_input', 'lost_reason_required', {}, 'action.lostReason');
    }
    const at = ctx.now().toISOString();
    const changes: ChangeInput[] = [];
    const reindex: string[] = [];
    for (const before of liveRows(ctx, ids)) {
      const patch: Partial<ClientRow> = {};
      if (action.type === 'setManager') patch.managerId = action.managerId;
      if (action.type === 'setStage') {
        patch.stage = action.stage;
        if (action.lostReason) patch.lostReason = action.lostReason;
      }
      if (action.type === 'addTag' && !before.tags.includes(action.tag))
        patch.tags = [...before.tags, action.tag];
      const fields = (Object.keys(patch) as (keyof ClientRow)[]).filter(
        (f) => !sameValue(before[f], patch[f]),
      );
      if (fields.length === 0) continue;
      writeRow(ctx.wb, { ...before, ...patch, updatedAt: at });
      for (const field of fields) {
        changes.push({
          entity: 'client',
          entityId: before.id,
          clientId: before.id,
          field,
          oldValue: before[field],
          newValue: patch[field],
        });
      }
      if (action.type === 'addTag') reindex.push(before.id);
    }
    recordChanges(ctx, batchId, changes);
    if (reindex.length > 0) reindexClients(ctx.wb, reindex);
    return { batchId, affected: new Set(changes.map((c) => c.entityId)).size };
  });
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
  const live = liveRows(ctx, ids).map((r) => r.id);
  const current = readCustomValues(ctx.wb, live);
  const upsert = ctx.wb.sqlite.prepare(
    `INSERT INTO field_values (id, client_id, field_id, value, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (client_id, field_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = ctx.wb.sqlite.prepare(
    'DELETE FROM field_values WHERE client_id = ? AND field_id = ?',
  );
  const touch = ctx.wb.sqlite.prepare('UPDATE clients SET updated_at = ? WHERE id = ?');
  const changes: ChangeInput[] = [];
  for (const id of live) {
    const old = current.get(id)?.[key] ?? null;
    if (sameValue(old, checked.value)) continue;
    if (checked.value === null) remove.run(id, field.id);
    else upsert.run(ctx.newId(), id, field.id, JSON.stringify(checked.value), at);
    touch.run(at, id);
    changes.push({
      entity: 'client',
      entityId: id,
      clientId: id,
      field: `custom.${key}`,
      oldValue: old,
      newValue: checked.value,
    });
  }
  recordChanges(ctx, batchId, changes);
  if (['text', 'choice', 'multichoice'].includes(field.type))
    reindexClients(
      ctx.wb,
      changes.map((c) => c.entityId),
    );
  return changes.length;
}
