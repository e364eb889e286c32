/** The scheduler's view of the workbook: open reminders and the moments they come due. */
import { clientNamesOf } from '../../db/queries/client-names';
import { effectiveDue, openRemindersUntil } from '../../db/queries/reminders';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { Workbook } from '../../db/workbook';
import type { CheckpointStore, DueReminder, ReminderSource } from './reminder-scheduler';
import { localDay } from '../../kernel/local-date';
import { dueInstant } from './repeat';

/** A reminder for a whole day is announced at the start of the working day. */
export const DAY_REMINDER_HOUR = 9;

function momentOf(due: string): Date {
  const at = dueInstant(due);
  if (due.length === 10) at.setHours(DAY_REMINDER_HOUR, 0, 0, 0);
  return at;
}

export function workbookReminderSource(wb: Workbook): ReminderSource {
  const load = (until: Date): DueReminder[] => {
    const rows = openRemindersUntil(wb, localDay(until));
    if (rows.length === 0) return [];
    const names = clientNamesOf(
      wb,
      rows.map((r) => r.clientId),
    );
    return rows.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      clientName: names.get(r.clientId) ?? '',
      title: r.title,
      at: momentOf(effectiveDue(r)),
    }));
  };
  return {
    dueBetween: (from, to) => load(to).filter((r) => r.at > from && r.at <= to),
    nextDueAfter: (after) => {
      const horizon = new Date(after.getTime() + 400 * 86_400_000);
      const next = load(horizon)
        .map((r) => r.at)
        .filter((at) => at > after)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      return next ?? null;
    },
  };
}

/** SQLite refused to write: the file, its medium or the connection is read-only. */
function isReadOnlyError(error: unknown): boolean {
  // drizzle may wrap the driver's error; its code is on a cause.
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code.startsWith('SQLITE_READONLY');
  }
  return false;
}

/**
 * When reminders were last looked at, kept in the workbook. A workbook open read-only cannot
 * keep it: the scheduler goes on with the moment it holds in memory.
 */
export function workbookCheckpoint(wb: Workbook): CheckpointStore {
  return {
    read: () => {
      const at = readSetting<string>(wb, 'remindersCheckedAt');
      return at ? new Date(at) : null;
    },
    write: (at) => {
      try {
        writeSetting(wb, 'remindersCheckedAt', at.toISOString(), at);
      } catch (error) {
        if (!isReadOnlyError(error)) throw error;
      }
    },
  };
}
