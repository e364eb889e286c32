/**
 * Local calendar arithmetic for reminders: today, the snooze choices, the due that counts and
 * whether it has passed. Dates are `YYYY-MM-DD`, times local `HH:mm`, as the contract has them.
 */
import { addDays, addHours, format, getISODay, parseISO } from 'date-fns';
import type { Reminder } from '../../../../electron/api/contract';

export function isoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function isoDateTime(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm");
}

export function shiftDate(iso: string, days: number): string {
  return isoDate(addDays(parseISO(iso), days));
}

/** The due that counts: the snooze when there is one, else the due date and time. */
export function effectiveDue(r: Reminder): string {
  return r.snoozedUntil ?? (r.dueTime ? `${r.dueDate}T${r.dueTime}` : r.dueDate);
}

/** Past its due: an earlier day, or today at an earlier time. A date-only reminder due today is not. */
export function isOverdue(due: string, now: Date): boolean {
  const date = due.slice(0, 10);
  const today = isoDate(now);
  if (date !== today) return date < today;
  return due.length > 10 && due.slice(11) < format(now, 'HH:mm');
}

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

/**
 * Where a quick snooze puts the reminder: an hour from now; tomorrow or next Monday, at the
 * reminder's own time when it has one.
 */
export function snoozeTarget(choice: SnoozeChoice, r: Reminder, now: Date): string {
  if (choice === 'hour') return isoDateTime(addHours(now, 1));
  const today = isoDate(now);
  const date = choice === 'tomorrow' ? shiftDate(today, 1) : shiftDate(today, 8 - getISODay(now));
  return r.dueTime ? `${date}T${r.dueTime}` : date;
}
