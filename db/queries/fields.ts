/**
 * Custom (portrait) fields: definitions, and the checking and writing of their values. A value
 * is written only through `writeCustomValues`, which records history in the caller's transaction.
 */
import { asc, eq } from 'drizzle-orm';
import type { CustomValue, FieldDef, FieldType } from '../../electron/api/contract';
import { isCalendarDate } from '../../kernel/local-date';
import { AppError } from '../../electron/api/errors';
import type { MessageKey } from '../../electron/api/messages';
import type { Workbook } from '../workbook';
import { fieldDefs, fieldValues } from '../schema';
import { recordChanges, type ChangeInput, type WriteContext } from './history';
import { prepared } from './prepared';

type FieldRecord = typeof fieldDefs.$inferSelect;

export function toFieldDef(r: FieldRecord): FieldDef {
  return {
    id: r.id,
    key: r.key,
    label: r.label,
    type: r.type,
    options: JSON.parse(r.options) as string[],
    group: r.groupName,
    position: r.position,
    retiredAt: r.retiredAt,
  };
}

export function listFields(wb: Workbook, includeRetired = false): FieldDef[] {
  return wb.db
    .select()
    .from(fieldDefs)
    .orderBy(asc(fieldDefs.position), asc(fieldDefs.key))
    .all()
    .map(toFieldDef)
    .filter((f) => includeRetired || f.retiredAt === null);
}

export function requireField(wb: Workbook, key: string, path = 'key'): FieldDef {
  const row = wb.db.select().from(fieldDefs).where(eq(fieldDefs.key, key)).get();
  if (!row) throw new AppError('not_found', 'field_not_found', { key }, path);
  return toFieldDef(row);
}

export interface FieldInput {
  key: string;
  label?: string | undefined;
  type?: FieldType | undefined;
  options?: string[] | undefined;
  group?: string | null | undefined;
}

/** Creates a field, or updates label, options and group of an existing key (type is fixed). */
export function defineField(ctx: WriteContext, input: FieldInput): FieldDef {
  return ctx.wb.transaction(() => {
    const existing = ctx.wb.db.select().from(fieldDefs).where(eq(fieldDefs.key, input.key)).get();
    const at = ctx.now().toISOString();
    if (existing) {
      if (input.type && input.type !== existing.type) {
        throw new AppError('conflict', 'field_type_fixed', { key: input.key }, 'type');
      }
      ctx.wb.db
        .update(fieldDefs)
        .set({
          ...(input.label !== undefined ? { label: input.label } : {}),
          ...(input.options !== undefined
            ? { options: JSON.stringify(dedupe(input.options)) }
            : {}),
          ...(input.group !== undefined ? { groupName: input.group?.trim() || null } : {}),
          updatedAt: at,
        })
        .where(eq(fieldDefs.id, existing.id))
        .run();
      return requireField(ctx.wb, input.key);
    }
    if (!input.type || !input.label)
      throw new AppError('invalid_input', 'required', {}, input.type ? 'label' : 'type');
    const type = input.type;
    const options = dedupe(input.options ?? []);
    if ((type === 'choice' || type === 'multichoice') && options.length === 0) {
      throw new AppError('invalid_input', 'field_options_required', {}, 'options');
    }
    const position = (
      ctx.wb.sqlite
        .prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM field_defs')
        .get() as { p: number }
    ).p;
    ctx.wb.db
      .insert(fieldDefs)
      .values({
        id: ctx.newId(),
        key: input.key,
        label: input.label,
        type,
        options: JSON.stringify(options),
        groupName: input.group?.trim() || null,
        position,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    return requireField(ctx.wb, input.key);
  });
}

export function setFieldRetired(ctx: WriteContext, key: string, retired: boolean): FieldDef {
  const field = requireField(ctx.wb, key);
  ctx.wb.db
    .update(fieldDefs)
    .set({
      retiredAt: retired ? ctx.now().toISOString() : null,
      updatedAt: ctx.now().toISOString(),
    })
    .where(eq(fieldDefs.id, field.id))
    .run();
  return requireField(ctx.wb, key);
}

/** Puts the named fields first, in the given order; the rest keep their order after them. */
export function reorderFields(ctx: WriteContext, keys: string[]): FieldDef[] {
  return ctx.wb.transaction(() => {
    const all = listFields(ctx.wb, true);
    for (const key of keys) if (!all.some((f) => f.key === key)) requireField(ctx.wb, key, 'keys');
    const ordered = [
      ...keys.map((k) => all.find((f) => f.key === k)!),
      ...all.filter((f) => !keys.includes(f.key)),
    ];
    const at = ctx.now().toISOString();
    const update = ctx.wb.sqlite.prepare(
      'UPDATE field_defs SET position = ?, updated_at = ? WHERE id = ?',
    );
    ordered.forEach((f, i) => update.run(i, at, f.id));
    return listFields(ctx.wb, true);
  });
}

function dedupe(options: string[]): string[] {
  return [...new Set(options.map((o) => o.trim()).filter(Boolean))];
}

/** Checks a value against its field's type; returns the value to store (null clears). */
export function checkCustomValue(field: FieldDef, value: unknown, path: string): CustomValue {
  const fail = (key: MessageKey, params: Record<string, string | number> = {}): never => {
    throw new AppError('invalid_input', key, { label: field.label, ...params }, path);
  };
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return fail('custom_text');
      if (value.length > 2000) return fail('too_long', { max: 2000 });
      return value.trim() || null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('custom_number');
      return value;
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail('custom_money');
      return value;
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) return fail('date_invalid');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('custom_boolean');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !field.options.includes(value)) {
        return fail('custom_choice', { options: field.options.join(', ') });
      }
      return value;
    case 'multichoice': {
      if (
        !Array.isArray(value) ||
        value.some((v) => typeof v !== 'string' || !field.options.includes(v))
      ) {
        return fail('custom_choice', { options: field.options.join(', ') });
      }
      const chosen = field.options.filter((o) => (value as string[]).includes(o));
      return chosen.length > 0 ? chosen : null;
    }
  }
}

/** Resolves and checks a whole `custom` patch before anything is written. */
export function checkCustomPatch(wb: Workbook, patch: Record<string, unknown>, pathPrefix: string) {
  const fields = new Map(listFields(wb, true).map((f) => [f.key, f]));
  return Object.entries(patch).map(([key, value]) => {
    const path = `${pathPrefix}.${key}`;
    const field = fields.get(key);
    if (!field) throw new AppError('invalid_input', 'custom_unknown', { key }, path);
    if (field.retiredAt)
      throw new AppError('invalid_input', 'custom_retired', { label: field.label }, path);
    return { field, value: checkCustomValue(field, value, path) };
  });
}

export function readCustomValues(
  wb: Workbook,
  clientIds: string[],
): Map<string, Record<string, CustomValue>> {
  const out = new Map<string, Record<string, CustomValue>>();
  if (clientIds.length === 0) return out;
  const rows = prepared(
    wb,
    `SELECT v.client_id AS clientId, d.key AS key, v.value AS value FROM field_values v
     JOIN field_defs d ON d.id = v.field_id WHERE v.client_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(clientIds)) as { clientId: string; key: string; value: string }[];
  for (const r of rows) {
    const record = out.get(r.clientId) ?? {};
    record[r.key] = JSON.parse(r.value) as CustomValue;
    out.set(r.clientId, record);
  }
  return out;
}

/** Writes checked values for one client and records each real change; returns the changes. */
export function writeCustomValues(
  ctx: WriteContext,
  batchId: string,
  clientId: string,
  values: { field: FieldDef; value: CustomValue }[],
): ChangeInput[] {
  const current = readCustomValues(ctx.wb, [clientId]).get(clientId) ?? {};
  const at = ctx.now().toISOString();
  const changes: ChangeInput[] = [];
  for (const { field, value } of values) {
    const old = current[field.key] ?? null;
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    if (value === null) {
      ctx.wb.sqlite
        .prepare('DELETE FROM field_values WHERE client_id = ? AND field_id = ?')
        .run(clientId, field.id);
    } else {
      ctx.wb.db
        .insert(fieldValues)
        .values({
          id: ctx.newId(),
          clientId,
          fieldId: field.id,
          value: JSON.stringify(value),
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [fieldValues.clientId, fieldValues.fieldId],
          set: { value: JSON.stringify(value), updatedAt: at },
        })
        .run();
    }
    changes.push({
      entity: 'client',
      entityId: clientId,
      clientId,
      field: `custom.${field.key}`,
      oldValue: old,
      newValue: value,
    });
  }
  recordChanges(ctx, batchId, changes);
  return changes;
}
