/**
 * Actions on a whole list of clients that add to their feeds rather than change the card: a
 * reminder for each (spread over days and across managers), a touch logged on each. Each is
 * one transaction and one history batch (undone set-based by `undoBatch`); rows are inserted
 * with prepared statements in one pass, the search index rewritten once.
 */
import type { CommentKind, TouchKind } from '../../electron/api/contract';
import { addDays } from '../../kernel/local-date';
import type { Workbook } from '../workbook';
import {
  idSequence,
  recordChanges,
  startBatch,
  type ChangeInput,
  type WriteContext,
} from './history';
import { reindexText } from './search';

export interface RemindPlan {
  title: string;
  /** The first day (`YYYY-MM-DD`). */
  from: string;
  /** Days the reminders are spread over, `from` included. */
  days: number;
  /** Managers named on the reminders in turn; none → the title alone. */
  managers: { id: string; name: string }[];
}

export interface FeedResult {
  batchId: string;
  affected: number;
}

/** The live clients among `ids`, in the order given, each once. */
export function liveInOrder(wb: Workbook, ids: string[]): string[] {
  const live = new Set(
    wb.sqlite
      .prepare(
        'SELECT id FROM clients WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .all(JSON.stringify(ids)) as string[],
  );
  return [...new Set(ids)].filter((id) => live.has(id));
}

/** Managers by id, those of `ids` that exist. */
export function managersByIds(
  wb: Workbook,
  ids: string[],
): Map<string, { id: string; name: string }> {
  const rows = wb.sqlite
    .prepare('SELECT id, name FROM managers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Where client `i` of `count` goes: days evenly (the first clients on the first day, as many
 * on each day as can be), managers in turn so each day holds a mix of them.
 */
export function spreadSlot(
  i: number,
  count: number,
  days: number,
  managers: number,
): { day: number; manager: number } {
  return { day: Math.floor((i * days) / Math.max(count, 1)), manager: managers ? i % managers : 0 };
}

/** A reminder for each client of `ids`; returns the batch and how many were created. */
export function remindEach(ctx: WriteContext, ids: string[], plan: RemindPlan): FeedResult {
  return ctx.wb.transaction(() => {
    const clients = liveInOrder(ctx.wb, ids);
    const batchId = startBatch(ctx, 'bulk', 'remind');
    const at = ctx.now().toISOString();
    const insert = ctx.wb.sqlite.prepare(
      `INSERT INTO reminders (id, client_id, title, due_date, due_time, repeat, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`,
    );
    const newId = idSequence(ctx);
    const changes: ChangeInput[] = [];
    clients.forEach((clientId, i) => {
      const slot = spreadSlot(i, clients.length, plan.days, plan.managers.length);
      const manager = plan.managers[slot.manager];
      const title = manager ? `${plan.title} — ${manager.name}` : plan.title;
      const due = addDays(plan.from, slot.day);
      const id = newId();
      insert.run(id, clientId, title, due, at, at);
      const base = { entity: 'reminder', entityId: id, clientId, oldValue: null };
      changes.push(
        { ...base, field: 'title', newValue: title },
        { ...base, field: 'due', newValue: due },
      );
    });
    recordChanges(ctx, batchId, changes);
    return { batchId, affected: clients.length };
  });
}

/** A comment of `kind` (with its touch tag) on each client's feed, in one batch. */
export function touchEach(
  ctx: WriteContext,
  ids: string[],
  touch: { kind: CommentKind; touch: TouchKind | null; body: string },
): FeedResult {
  return ctx.wb.transaction(() => {
    const clients = liveInOrder(ctx.wb, ids);
    const batchId = startBatch(ctx, 'bulk', 'touch');
    const at = ctx.now().toISOString();
    const author = ctx.actor();
    const insert = ctx.wb.sqlite.prepare(
      `INSERT INTO comments (id, client_id, kind, touch, author, body, at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const newId = idSequence(ctx);
    const changes: ChangeInput[] = [];
    for (const clientId of clients) {
      const id = newId();
      insert.run(id, clientId, touch.kind, touch.touch, author, touch.body, at, at, at);
      const base = { entity: 'comment', entityId: id, clientId, oldValue: null };
      changes.push(
        { ...base, field: 'kind', newValue: touch.kind },
        { ...base, field: 'body', newValue: touch.body },
        ...(touch.touch ? [{ ...base, field: 'touch', newValue: touch.touch }] : []),
      );
    }
    recordChanges(ctx, batchId, changes);
    // Comments are in the text index only.
    if (clients.length > 0) reindexText(ctx.wb, clients);
    return { batchId, affected: clients.length };
  });
}

/**
 * Undoing a batch that created comments or reminders: they go to the trash in one statement
 * each (those already deleted are skipped), each deletion recorded under `batchId`.
 */
export function trashCreatedFeed(
  ctx: WriteContext,
  batchId: string,
  created: { comments: string[]; reminders: string[] },
): { reverted: number; skipped: number; clients: string[] } {
  const at = ctx.now().toISOString();
  const changes: ChangeInput[] = [];
  const touched = new Set<string>();
  for (const [table, entity, ids] of [
    ['comments', 'comment', created.comments],
    ['reminders', 'reminder', created.reminders],
  ] as const) {
    if (ids.length === 0) continue;
    const rows = ctx.wb.sqlite
      .prepare(
        `UPDATE ${table} SET deleted_at = ?, updated_at = ?
         WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) RETURNING id, client_id`,
      )
      .all(at, at, JSON.stringify(ids)) as { id: string; client_id: string }[];
    for (const r of rows) {
      if (entity === 'comment') touched.add(r.client_id);
      changes.push({
        entity,
        entityId: r.id,
        clientId: r.client_id,
        field: 'deletedAt',
        oldValue: null,
        newValue: at,
      });
    }
  }
  recordChanges(ctx, batchId, changes);
  const clients = [...touched];
  if (clients.length > 0) reindexText(ctx.wb, clients);
  const total = created.comments.length + created.reminders.length;
  return { reverted: changes.length, skipped: total - changes.length, clients };
}
