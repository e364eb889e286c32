/**
 * Reminders on clients: add, change, complete (a repeating one creates its next occurrence),
 * snooze and delete, each recorded in history; and the reads the Today agenda needs.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { CompleteResult, Reminder, RepeatRule } from '../../electron/api/contract';
import { parseDue } from '../../kernel/due';
import { AppError } from '../../electron/api/errors';
import { neverFires, nextAfter, occurrence } from '../../kernel/repeat';
import type { Workbook } from '../workbook';
import { reminders } from '../schema';
import { addComment } from './comments';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';

type ReminderRecord = typeof reminders.$inferSelect;

/** What the `repeat` column holds: the rule, the series' first date and this occurrence's number. */
interface StoredRepeat extends RepeatRule {
  first: string;
  n: number;
}

export function toReminder(r: ReminderRecord): Reminder {
  const stored = r.repeat ? (JSON.parse(r.repeat) as StoredRepeat) : null;
  let repeat: RepeatRule | null = null;
  if (stored) {
    const { every, unit, weekdays, until, count } = stored;
    repeat = {
      every,
      unit,
      ...(weekdays ? { weekdays } : {}),
      ...(until ? { until } : {}),
      ...(count ? { count } : {}),
    };
  }
  return {
    id: r.id,
    clientId: r.clientId,
    title: r.title,
    dueDate: r.dueDate,
    dueTime: r.dueTime,
    repeat,
    occurrence: stored?.n ?? 1,
    snoozedUntil: r.snoozedUntil,
    doneAt: r.doneAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function requireReminder(wb: Workbook, id: string): ReminderRecord {
  const row = wb.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.id, id), isNull(reminders.deletedAt)))
    .get();
  if (!row) throw new AppError('not_found', 'reminder_not_found', {}, 'id');
  return row;
}

/** Checks a rule against its first date; returns what to store and the first real due date. */
function planSeries(
  rule: RepeatRule | null | undefined,
  date: string,
): { stored: StoredRepeat | null; date: string } {
  if (!rule) return { stored: null, date };
  const problem = neverFires(rule, date);
  if (problem)
    throw new AppError(
      'invalid_input',
      problem,
      {},
      problem === 'repeat_until_before' ? 'repeat.until' : 'repeat',
    );
  // A weekly rule on named weekdays starts on the first of those days from the given date.
  const first = occurrence(rule, date, 1) ?? date;
  return { stored: { ...rule, first, n: 1 }, date: first };
}

function snapshot(r: ReminderRecord) {
  return {
    title: r.title,
    due: r.dueTime ? `${r.dueDate}T${r.dueTime}` : r.dueDate,
    snoozedUntil: r.snoozedUntil,
    doneAt: r.doneAt,
  };
}

function record(
  ctx: WriteContext,
  batchId: string,
  before: ReminderRecord | null,
  after: ReminderRecord,
) {
  const a = snapshot(after);
  const b = before ? snapshot(before) : null;
  const items: ChangeInput[] = [];
  for (const field of ['title', 'due', 'snoozedUntil', 'doneAt'] as const) {
    const old = b ? b[field] : null;
    if (old !== a[field]) {
      items.push({
        entity: 'reminder',
        entityId: after.id,
        clientId: after.clientId,
        field,
        oldValue: old,
        newValue: a[field],
      });
    }
  }
  recordChanges(ctx, batchId, items);
}

function insert(
  ctx: WriteContext,
  values: Omit<
    ReminderRecord,
    'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'doneAt' | 'snoozedUntil'
  >,
) {
  const at = ctx.now().toISOString();
  const id = ctx.newId();
  ctx.wb.db
    .insert(reminders)
    .values({ ...values, id, createdAt: at, updatedAt: at })
    .run();
  return requireReminder(ctx.wb, id);
}

export function addReminder(
  ctx: WriteContext,
  input: { clientId: string; title: string; due: string; repeat?: RepeatRule | null | undefined },
): Reminder {
  return ctx.wb.transaction(() => {
    const due = parseDue(input.due)!;
    const series = planSeries(input.repeat, due.date);
    const row = insert(ctx, {
      clientId: input.clientId,
      title: input.title,
      dueDate: series.date,
      dueTime: due.time,
      repeat: series.stored ? JSON.stringify(series.stored) : null,
    });
    record(ctx, startBatch(ctx, 'edit', 'reminder'), null, row);
    return toReminder(row);
  });
}

export function updateReminder(
  ctx: WriteContext,
  input: {
    id: string;
    title?: string | undefined;
    due?: string | undefined;
    repeat?: RepeatRule | null | undefined;
  },
): Reminder {
  return ctx.wb.transaction(() => {
    const before = requireReminder(ctx.wb, input.id);
    const due = input.due ? parseDue(input.due)! : { date: before.dueDate, time: before.dueTime };
    const current = toReminder(before);
    const rule = input.repeat === undefined ? current.repeat : input.repeat;
    const series =
      input.repeat !== undefined || input.due !== undefined ? planSeries(rule, due.date) : null;
    ctx.wb.db
      .update(reminders)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(series
          ? {
              dueDate: series.date,
              dueTime: due.time,
              repeat: series.stored ? JSON.stringify(series.stored) : null,
              snoozedUntil: null,
            }
          : {}),
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(reminders.id, input.id))
      .run();
    const after = requireReminder(ctx.wb, input.id);
    record(ctx, startBatch(ctx, 'edit', 'reminder'), before, after);
    return toReminder(after);
  });
}

/**
 * Marks a reminder done; a repeating one gets its next occurrence as a new reminder. With
 * `call`, the call is logged on the client's feed in the same transaction: both or neither.
 */
export function completeReminder(ctx: WriteContext, id: string, call?: string): CompleteResult {
  return ctx.wb.transaction(() => {
    const before = requireReminder(ctx.wb, id);
    const comment = call
      ? addComment(ctx, { clientId: before.clientId, kind: 'call', body: call })
      : null;
    if (before.doneAt) return { done: toReminder(before), next: null, comment };
    const at = ctx.now().toISOString();
    ctx.wb.db
      .update(reminders)
      .set({ doneAt: at, updatedAt: at })
      .where(eq(reminders.id, id))
      .run();
    const done = requireReminder(ctx.wb, id);
    const batchId = startBatch(ctx, 'edit', 'reminder');
    record(ctx, batchId, before, done);
    let next: ReminderRecord | null = null;
    if (before.repeat) {
      const stored = JSON.parse(before.repeat) as StoredRepeat;
      const following = nextAfter(stored, stored.first, before.dueDate);
      if (following) {
        next = insert(ctx, {
          clientId: before.clientId,
          title: before.title,
          dueDate: following.date,
          dueTime: before.dueTime,
          repeat: JSON.stringify({ ...stored, n: following.n }),
        });
        record(ctx, batchId, null, next);
      }
    }
    return { done: toReminder(done), next: next ? toReminder(next) : null, comment };
  });
}

export function snoozeReminder(ctx: WriteContext, id: string, until: string): Reminder {
  return ctx.wb.transaction(() => {
    const before = requireReminder(ctx.wb, id);
    ctx.wb.db
      .update(reminders)
      .set({ snoozedUntil: until, updatedAt: ctx.now().toISOString() })
      .where(eq(reminders.id, id))
      .run();
    const after = requireReminder(ctx.wb, id);
    record(ctx, startBatch(ctx, 'edit', 'reminder'), before, after);
    return toReminder(after);
  });
}

export function deleteReminder(ctx: WriteContext, id: string): Reminder {
  return ctx.wb.transaction(() => {
    const before = requireReminder(ctx.wb, id);
    const at = ctx.now().toISOString();
    ctx.wb.db
      .update(reminders)
      .set({ deletedAt: at, updatedAt: at })
      .where(eq(reminders.id, id))
      .run();
    recordChanges(ctx, startBatch(ctx, 'edit', 'reminder'), [
      {
        entity: 'reminder',
        entityId: id,
        clientId: before.clientId,
        field: 'deletedAt',
        oldValue: null,
        newValue: at,
      },
    ]);
    return toReminder({ ...before, deletedAt: at });
  });
}

export function listReminders(wb: Workbook, clientId: string, includeDone: boolean): Reminder[] {
  return wb.db
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.clientId, clientId),
        isNull(reminders.deletedAt),
        includeDone ? undefined : isNull(reminders.doneAt),
      ),
    )
    .orderBy(asc(reminders.dueDate), asc(reminders.dueTime))
    .all()
    .map(toReminder);
}

/** Open reminders whose effective due (snooze applied) falls on or before `lastDate`. */
export function openRemindersUntil(wb: Workbook, lastDate: string): Reminder[] {
  return wb.db
    .select()
    .from(reminders)
    .where(
      and(
        isNull(reminders.deletedAt),
        isNull(reminders.doneAt),
        sql`coalesce(substr(${reminders.snoozedUntil}, 1, 10), ${reminders.dueDate}) <= ${lastDate}`,
      ),
    )
    .all()
    .map(toReminder);
}

/** The due that counts: the snooze when there is one, else the due date and time. */
export function effectiveDue(r: Reminder): string {
  return r.snoozedUntil ?? (r.dueTime ? `${r.dueDate}T${r.dueTime}` : r.dueDate);
}
