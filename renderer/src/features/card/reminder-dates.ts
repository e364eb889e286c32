/**
 * Local calendar arithmetic for reminders: today, the snooze choices, the due that counts and
 * whether it has passed. Dates are `YYYY-MM-DD`, times local `HH:mm`, as the contract has them.
 */
import { addHours, getISODay } from 'date-fns';
import type { Reminder } from '../../../../electron/api/contract';
import { addDays, localDay, localMinute, localTime } from '../../../../kernel/local-date';

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

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

/**
 * Where a quick snooze puts the reminder: an hour from now; tomorrow or next Monday, at the
 * reminder's own time when it has one.
 */
export function snoozeTarget(choice: SnoozeChoice, r: Reminder, now: Date): string {
  if (choice === 'hour') return localMinute(addHours(now, 1));
  const today = localDay(now);
  const date = choice === 'tomorrow' ? addDays(today, 1) : addDays(today, 8 - getISODay(now));
  return r.dueTime ? `${date}T${r.dueTime}` : date;
}
