/**
 * Change history: batches and change rows. Only the write paths in this folder call these,
 * inside the same transaction as the change itself.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { HistoryEntry } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { batches, changes } from '../schema';

export interface WriteContext {
  wb: Workbook;
  now: () => Date;
  newId: () => string;
  actor: () => string;
}

export type BatchKind = (typeof batches.$inferInsert)['kind'];

export function startBatch(ctx: WriteContext, kind: BatchKind, label: string | null = null) {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.wb.db
    .insert(batches)
    .values({ id, kind, label, actor: ctx.actor(), createdAt: at, updatedAt: at })
    .run();
  return id;
}

export interface ChangeInput {
  entity: string;
  entityId: string;
  clientId: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export function recordChanges(ctx: WriteContext, batchId: string, items: ChangeInput[]): void {
  const at = ctx.now().toISOString();
  const actor = ctx.actor();
  const insert = ctx.wb.db.insert(changes);
  for (const item of items) {
    insert
      .values({
        id: ctx.newId(),
        entity: item.entity,
        entityId: item.entityId,
        clientId: item.clientId,
        field: item.field,
        oldValue: encode(item.oldValue),
        newValue: encode(item.newValue),
        actor,
        at,
        batchId,
        updatedAt: at,
      })
      .run();
  }
}

export function listClientHistory(wb: Workbook, clientId: string): HistoryEntry[] {
  const rows = wb.db
    .select({
      id: changes.id,
      entity: changes.entity,
      field: changes.field,
      oldValue: changes.oldValue,
      newValue: changes.newValue,
      actor: changes.actor,
      at: changes.at,
      batchId: changes.batchId,
      batchKind: batches.kind,
    })
    .from(changes)
    .innerJoin(batches, eq(batches.id, changes.batchId))
    .where(eq(changes.clientId, clientId))
    .orderBy(desc(changes.at), desc(changes.batchId), asc(changes.id))
    .all();
  return rows.map((r) => ({ ...r, oldValue: decode(r.oldValue), newValue: decode(r.newValue) }));
}

function encode(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function decode(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}
