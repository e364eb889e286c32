/**
 * Putting back the custom values of many clients at once (undoing a bulk "set field"): the
 * fields are read and checked once, the values written with cached statements, the history
 * rows recorded in one pass. The same checks and the same rows as the card's write path, which
 * would read the field list and the client again for each of 100,000 clients.
 */
import type { CustomValue } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import { sameValue, SEARCHED_TYPES } from './clients';
import { checkCustomValue, listFields } from './fields';
import { recordChanges, type ChangeInput, type WriteContext } from './history';

/**
 * Writes `restore` (client id → custom values) under `batchId`; `current` holds the values the
 * clients have now. Returns the changes written and the clients whose searched text changed.
 */
export function restoreCustomValues(
  ctx: WriteContext,
  batchId: string,
  restore: ReadonlyMap<string, Record<string, CustomValue>>,
  current: ReadonlyMap<string, Record<string, CustomValue>>,
): { changes: number; reindex: string[] } {
  if (restore.size === 0) return { changes: 0, reindex: [] };
  // As the card's write path: a client in the trash is not edited (the undo stops, whole).
  const trashed = ctx.wb.sqlite
    .prepare(
      'SELECT 1 FROM clients WHERE deleted_at IS NOT NULL AND id IN (SELECT value FROM json_each(?)) LIMIT 1',
    )
    .get(JSON.stringify([...restore.keys()]));
  if (trashed) throw new AppError('not_found', 'client_not_found', {}, 'id');
  const fields = new Map(listFields(ctx.wb, true).map((f) => [f.key, f]));
  const at = ctx.now().toISOString();
  const remove = ctx.wb.sqlite.prepare(
    'DELETE FROM field_values WHERE client_id = ? AND field_id = ?',
  );
  const upsert = ctx.wb.sqlite.prepare(
    `INSERT INTO field_values (id, client_id, field_id, value, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (client_id, field_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const touch = ctx.wb.sqlite.prepare('UPDATE clients SET updated_at = ? WHERE id = ?');
  const changes: ChangeInput[] = [];
  const reindex: string[] = [];
  for (const [id, custom] of restore) {
    let changed = false;
    let searched = false;
    for (const [key, raw] of Object.entries(custom)) {
      const path = `patch.custom.${key}`;
      const field = fields.get(key);
      if (!field) throw new AppError('invalid_input', 'custom_unknown', { key }, path);
      if (field.retiredAt)
        throw new AppError('invalid_input', 'custom_retired', { label: field.label }, path);
      const value = checkCustomValue(field, raw, path);
      const old = current.get(id)?.[key] ?? null;
      if (sameValue(old, value)) continue;
      if (value === null) remove.run(id, field.id);
      else upsert.run(ctx.newId(), id, field.id, JSON.stringify(value), at);
      changes.push({
        entity: 'client',
        entityId: id,
        clientId: id,
        field: `custom.${key}`,
        oldValue: old,
        newValue: value,
      });
      changed = true;
      searched ||= SEARCHED_TYPES.has(field.type);
    }
    if (changed) touch.run(at, id);
    if (searched) reindex.push(id);
  }
  recordChanges(ctx, batchId, changes);
  return { changes: changes.length, reindex };
}
