/**
 * Local calendar arithmetic for reminders: the due that counts and whether it has passed (the
 * snooze choices are the kernel's, shared with the Today screen). Dates are `YYYY-MM-DD`, times
 * local `HH:mm`, as the contract has them.
 */
import type { Reminder } from '../../../../electron/api/contract';
import { localDay, localTime } from '../../../../kernel/local-date';

/** The due that counts: the snooze when there is one, else the due date and time. */
export function effectiveDue(r: Reminder): string {
  return r.snoozedUntil ?? (r.dueTime ? `${r.dueDate}T${r.dueTime}` : r.dueDate);
}

/** Past its due: an earlier day, or today at an earlier time. A date-only reminder due today is not. */
export function isOverdue(due: string, now: Date): boolean {
  const date = due.slice(0, 10);
  const today = localDay(now);
  if (date !== today) return date < today;
  return due.length > 10 && due.slice(11) < localTime(now);
}
