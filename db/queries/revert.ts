/**
 * Going back in history: restoring one change, undoing a whole batch (a bulk edit, an import),
 * and reading a card as it was at a past moment. Every restore is itself recorded as changes.
 */
import { desc, eq } from 'drizzle-orm';
import type {
  Client,
  ClientField,
  ClientPatch,
  ClientRow,
  CustomValue,
  UndoResult,
} from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { batches, changes } from '../schema';
import {
  applyPatch,
  INDEXED_FIELDS,
  readClientRows,
  requireClient,
  sameValue,
  setDeleted,
} from './clients';
import { writeFields } from './client-fields-write';
import { patchComment, requireComment, type CommentPatch } from './comments';
import {
  createdRecords,
  decode,
  isCreationEntry,
  recordChanges,
  startBatch,
  type ChangeInput,
  type WriteContext,
} from './history';
import { readCustomValues } from './fields';
import {
  aheadStillHolds,
  columnBatchField,
  revertColumnBatch,
  type ColumnRevertAhead,
} from './revert-columns';
import { restoreCustomValues } from './revert-custom';
import { SALE_COLUMNS } from './sales';
import { reindexClients } from './search';
import { moveStagesFromSales } from './stage-ladder';
import { createdClients } from './undo-created-clients';
import { changesBesideCreated, noSalesTaken, removeCreatedSales } from './undo-created-sales';
import { trashCreatedFeed } from './list-actions';

type ChangeRecord = typeof changes.$inferSelect;

interface Outcome {
  reverted: number;
  skipped: number;
}

/**
 * Puts back the old values of `items` under `batchId`. With `onlyIfCurrent`, a value that was
 * changed again since is left alone and counted as skipped.
 */
function reverse(
  ctx: WriteContext,
  batchId: string,
  items: ChangeRecord[],
  onlyIfCurrent: boolean,
): Outcome {
  const outcome: Outcome = { reverted: 0, skipped: 0 };
  // Clients and sales this batch created (by hand or by an import): undoing it moves them to
  // the trash as they are, so their other changes in the same batch need no walking back.
  const creations = createdRecords(items);
  const createdOf = (entity: string) =>
    new Set(
      items
        .filter((c) => c.entity === entity && isCreationEntry(c, creations))
        .map((c) => c.entityId),
    );
  const created = createdOf('client');
  const createdSales = createdOf('sale');
  // Comments and reminders this batch created (a list's "log a touch", "remind each") go to the
  // trash together below; their other creation fields need no walking back.
  const createdFeed = { comments: new Set<string>(), reminders: new Set<string>() };
  for (const c of items) {
    if (c.oldValue !== null) continue;
    if (c.entity === 'comment' && c.field === 'body') createdFeed.comments.add(c.entityId);
    if (c.entity === 'reminder' && c.field === 'title') createdFeed.reminders.add(c.entityId);
  }
  const removedSales = new Set<string>();
  const clientIds = [
    ...new Set(
      items.filter((c) => c.entity === 'client' && !created.has(c.entityId)).map((c) => c.entityId),
    ),
  ];
  const rows = new Map(readClientRows(ctx.wb, clientIds, true).map((r) => [r.id, r]));
  const customIds = [
    ...new Set(items.filter((c) => c.field.startsWith('custom.')).map((c) => c.entityId)),
  ];
  const customs = readCustomValues(ctx.wb, customIds);
  const patches = new Map<
    string,
    { patch: Partial<ClientRow>; custom: Record<string, CustomValue> }
  >();
  const restore: string[] = [];
  const trash: string[] = [];

  for (const change of [...items].reverse()) {
    if (change.entity === 'client' && created.has(change.entityId)) continue;
    if (
      (change.entity === 'comment' && createdFeed.comments.has(change.entityId)) ||
      (change.entity === 'reminder' && createdFeed.reminders.has(change.entityId))
    )
      continue;
    if (change.entity === 'sale' && createdSales.has(change.entityId)) {
      if (removedSales.has(change.entityId)) continue;
      removedSales.add(change.entityId);
      outcome[removeCreatedSale(ctx, batchId, change) ? 'reverted' : 'skipped'] += 1;
      continue;
    }
    const oldValue = decode(change.oldValue);
    const newValue = decode(change.newValue);
    if (change.entity === 'comment') {
      const comment = requireComment(ctx.wb, change.entityId, true);
      const field = change.field as keyof CommentPatch;
      if (onlyIfCurrent && !sameValue((comment as Record<string, unknown>)[field], newValue)) {
        outcome.skipped += 1;
        continue;
      }
      // Undoing the creation of a comment deletes it.
      const patch: CommentPatch =
        change.field === 'body' && oldValue === null
          ? { deletedAt: ctx.now().toISOString() }
          : { [field]: oldValue };
      patchComment(ctx, change.entityId, patch, batchId);
      outcome.reverted += 1;
      continue;
    }
    if (change.entity === 'sale' || change.entity === 'plan') {
      outcome[
        revertRecord(ctx, batchId, change, oldValue, newValue, onlyIfCurrent)
          ? 'reverted'
          : 'skipped'
      ] += 1;
      continue;
    }
    const client = change.entity === 'client' ? rows.get(change.entityId) : undefined;
    if (!client) throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
    if (change.field === 'deletedAt') {
      if (onlyIfCurrent && !sameValue(client.deletedAt, newValue)) outcome.skipped += 1;
      else (oldValue === null ? restore : trash).push(client.id);
      continue;
    }
    const entry = patches.get(client.id) ?? { patch: {}, custom: {} };
    if (change.field.startsWith('custom.')) {
      const key = change.field.slice('custom.'.length);
      if (onlyIfCurrent && !sameValue(customs.get(client.id)?.[key] ?? null, newValue)) {
        outcome.skipped += 1;
        continue;
      }
      entry.custom[key] = oldValue as CustomValue;
    } else {
      if (
        onlyIfCurrent &&
        !sameValue((client as unknown as Record<string, unknown>)[change.field], newValue)
      ) {
        outcome.skipped += 1;
        continue;
      }
      Object.assign(entry.patch, { [change.field]: oldValue ?? null });
    }
    patches.set(client.id, entry);
  }

  if (createdFeed.comments.size + createdFeed.reminders.size > 0) {
    const feed = trashCreatedFeed(ctx, batchId, {
      comments: [...createdFeed.comments],
      reminders: [...createdFeed.reminders],
    });
    outcome.reverted += feed.reverted;
    outcome.skipped += feed.skipped;
  }
  if (restore.length > 0) outcome.reverted += setDeleted(ctx, restore, false, batchId);
  const at = ctx.now().toISOString();
  const changes: ChangeInput[] = [];
  const reindex: string[] = [];
  const customOnly = new Map<string, Record<string, CustomValue>>();
  for (const [id, { patch, custom }] of patches) {
    const before = rows.get(id)!;
    const fields = (Object.keys(patch) as (keyof ClientRow)[]).filter(
      (f) => !sameValue(before[f], patch[f]),
    );
    const simple =
      Object.keys(custom).length === 0 &&
      !('externalId' in patch) &&
      !('managerId' in patch && patch.managerId);
    if (!simple && Object.keys(patch).length === 0) {
      // Custom values alone (undoing a bulk "set field"): written together below.
      customOnly.set(id, custom);
      continue;
    }
    if (!simple) {
      // Custom values with fields, and references, go through the full write path with its checks.
      const full: ClientPatch = {
        ...(patch as ClientPatch),
        ...(Object.keys(custom).length > 0 ? { custom } : {}),
      };
      outcome.reverted += applyPatch(ctx, id, full, batchId, { deferIndex: true }).length;
      reindex.push(id);
      continue;
    }
    const after: ClientRow = { ...before, ...patch, updatedAt: at };
    if (after.stage === 'lost' && !after.lostReason) {
      if (!onlyIfCurrent)
        throw new AppError('invalid_input', 'lost_reason_required', {}, 'changeId');
      outcome.skipped += fields.length;
      continue;
    }
    if (fields.length === 0) continue;
    const indexed = fields.some((f) => INDEXED_FIELDS.has(f));
    writeFields(ctx.wb, after, fields as ClientField[], indexed);
    for (const field of fields) {
      changes.push({
        entity: 'client',
        entityId: id,
        clientId: id,
        field,
        oldValue: before[field],
        newValue: after[field],
      });
    }
    outcome.reverted += fields.length;
    if (indexed) reindex.push(id);
  }
  recordChanges(ctx, batchId, changes);
  const restored = restoreCustomValues(ctx, batchId, customOnly, customs);
  outcome.reverted += restored.changes;
  reindex.push(...restored.reindex);
  if (trash.length > 0) outcome.reverted += setDeleted(ctx, trash, true, batchId);
  if (created.size > 0) {
    // Created clients moved to the trash since count as skipped.
    const moved = setDeleted(ctx, [...created], true, batchId);
    outcome.reverted += moved;
    outcome.skipped += created.size - moved;
  }
  if (reindex.length > 0) reindexClients(ctx.wb, reindex);
  return outcome;
}

const RECORD_COLUMNS: Record<'sale' | 'plan', Record<string, string>> = {
  sale: SALE_COLUMNS,
  plan: { plan: 'plan', potential: 'potential' },
};

/** Puts back one field of a sale or a plan row; false when it was changed again since. */
function revertRecord(
  ctx: WriteContext,
  batchId: string,
  change: ChangeRecord,
  oldValue: unknown,
  newValue: unknown,
  onlyIfCurrent: boolean,
): boolean {
  const entity = change.entity as 'sale' | 'plan';
  const column = RECORD_COLUMNS[entity][change.field];
  const table = entity === 'sale' ? 'sales' : 'plans';
  if (!column) throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
  const row = ctx.wb.sqlite
    .prepare(`SELECT ${column} AS value FROM ${table} WHERE id = ?`)
    .get(change.entityId) as { value: unknown } | undefined;
  if (!row) throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
  if (onlyIfCurrent && !sameValue(row.value, newValue)) return false;
  const at = ctx.now().toISOString();
  ctx.wb.sqlite
    .prepare(`UPDATE ${table} SET ${column} = ?, updated_at = ? WHERE id = ?`)
    .run(oldValue ?? null, at, change.entityId);
  recordChanges(ctx, batchId, [
    {
      entity,
      entityId: change.entityId,
      clientId: change.clientId,
      field: change.field,
      oldValue: row.value,
      newValue: oldValue ?? null,
    },
  ]);
  return true;
}

/** Undoing the import of a sale deletes it (softly, like any deletion); false if gone already. */
function removeCreatedSale(ctx: WriteContext, batchId: string, change: ChangeRecord): boolean {
  const at = ctx.now().toISOString();
  const done = ctx.wb.sqlite
    .prepare('UPDATE sales SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(at, at, change.entityId);
  if (done.changes === 0) return false;
  recordChanges(ctx, batchId, [
    {
      entity: 'sale',
      entityId: change.entityId,
      clientId: change.clientId,
      field: 'deletedAt',
      oldValue: null,
      newValue: at,
    },
  ]);
  return true;
}

/** Sales put back or taken away move the stages that follow sales (undoing a sales import). */
function followSales(
  ctx: WriteContext,
  items: ChangeRecord[],
  clients: Iterable<string> = [],
): void {
  moveStagesFromSales(ctx, [
    ...clients,
    ...items.flatMap((c) => (c.entity === 'sale' && c.clientId ? [c.clientId] : [])),
  ]);
}

function requireChange(wb: Workbook, id: string): ChangeRecord {
  const change = wb.db.select().from(changes).where(eq(changes.id, id)).get();
  if (!change) throw new AppError('not_found', 'change_not_found', {}, 'changeId');
  return change;
}

/** Restores the old value of one change; returns the client as it is now. */
export function revertChange(ctx: WriteContext, changeId: string): Client {
  return ctx.wb.transaction(() => {
    const change = requireChange(ctx.wb, changeId);
    if (!change.clientId)
      throw new AppError('invalid_input', 'revert_not_possible', {}, 'changeId');
    const sameBatch = ctx.wb.sqlite
      .prepare(
        `SELECT entity, entity_id AS entityId, batch_id AS batchId, field, old_value AS oldValue
         FROM changes WHERE client_id = ? AND batch_id = ?`,
      )
      .all(change.clientId, change.batchId) as ChangeRecord[];
    if (isCreationEntry(change, createdRecords(sameBatch))) {
      const sale = change.entity === 'sale' || change.entity === 'sales';
      const key = sale ? 'revert_creation_sale' : 'revert_creation_client';
      throw new AppError('invalid_input', key, {}, 'changeId');
    }
    reverse(ctx, startBatch(ctx, 'revert'), [change], false);
    followSales(ctx, [change]);
    return requireClient(ctx.wb, change.clientId, ctx.now(), true);
  });
}

/** Undoes every change of a batch that still holds; marks the batch undone. */
export function undoBatch(
  ctx: WriteContext,
  batchId: string,
  options: {
    /** From this many created sales on, the history's client index is built once at the end. */
    bulkRows?: number;
    /** A column batch's undo read ahead (`readColumnRevertAhead`): used if nothing was written since. */
    ahead?: ColumnRevertAhead | undefined;
  } = {},
): UndoResult {
  return ctx.wb.transaction(() => {
    // Asked before this transaction writes anything: its own writes move the mark.
    const ahead = aheadStillHolds(ctx.wb, batchId, options.ahead) ? options.ahead : undefined;
    const batch = ctx.wb.db.select().from(batches).where(eq(batches.id, batchId)).get();
    if (!batch) throw new AppError('not_found', 'batch_not_found', {}, 'batchId');
    if (batch.undoneAt) throw new AppError('conflict', 'batch_undone', {}, 'batchId');
    const undo = startBatch(ctx, 'undo', batchId);
    // A bulk edit of one column over many clients is put back set-based, its lines never read
    // into objects. Every line of it sets a client's stage or tags: it created no sale and no
    // client, and the batch is not read again to look for them.
    const column = ahead ? ahead.field : columnBatchField(ctx.wb, batchId);
    // The sales and clients an import created go to the trash set-based (the clients last, as
    // the walk did); the rest is walked back line by line.
    const sales = column
      ? noSalesTaken()
      : removeCreatedSales(ctx, batchId, undo, options.bulkRows);
    const created = column ? [] : createdClients(ctx.wb, batchId);
    const items = column ? [] : changesBesideCreated<ChangeRecord>(ctx.wb, batchId);
    const outcome = column
      ? revertColumnBatch(ctx, batchId, undo, column, ahead)
      : reverse(ctx, undo, items, true);
    // Created clients moved to the trash since count as skipped.
    const moved = created.length > 0 ? setDeleted(ctx, created, true, undo) : 0;
    outcome.reverted += sales.removed + moved;
    outcome.skipped += sales.gone + created.length - moved;
    followSales(ctx, items, sales.clients);
    sales.restore();
    const at = ctx.now().toISOString();
    ctx.wb.db
      .update(batches)
      .set({ undoneAt: at, updatedAt: at })
      .where(eq(batches.id, batchId))
      .run();
    return { batchId: undo, ...outcome };
  });
}

/** The card as it was at `at`: today's values with every later change walked back. */
export function clientAsOf(wb: Workbook, clientId: string, at: string, now: Date): Client | null {
  const client = requireClient(wb, clientId, now, true);
  const moment = new Date(at).toISOString();
  if (client.createdAt > moment) return null;
  // The creation batch is the starting point, not a change to walk back.
  const later = wb.db
    .select({ change: changes, kind: batches.kind })
    .from(changes)
    .innerJoin(batches, eq(batches.id, changes.batchId))
    .where(eq(changes.entityId, clientId))
    .orderBy(desc(changes.at), desc(changes.id))
    .all()
    .filter((r) => r.change.entity === 'client' && r.kind !== 'create' && r.change.at > moment)
    .map((r) => r.change);
  const snapshot: Record<string, unknown> = { ...client, custom: { ...client.custom } };
  for (const change of later) {
    const old = decode(change.oldValue);
    if (change.field.startsWith('custom.')) {
      const custom = snapshot['custom'] as Record<string, unknown>;
      if (old === null) delete custom[change.field.slice('custom.'.length)];
      else custom[change.field.slice('custom.'.length)] = old;
    } else {
      snapshot[change.field] = old;
    }
  }
  return { ...(snapshot as unknown as Client), suggestedStage: null };
}
