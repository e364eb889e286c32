/**
 * The quick snooze choices, one rule set for the Today screen and the client card: an hour from
 * now; tomorrow; next week (the coming Monday). Tomorrow and next week keep the reminder's own
 * time of day when it has one, so a 09:00 call snoozed to tomorrow is due at 09:00, not all day.
 */
import { addHours, getISODay } from 'date-fns';
import { addDays, localDay, localMinute } from './local-date';

export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'nextWeek'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/**
 * The due value a quick snooze moves a reminder to (`YYYY-MM-DD` or local `YYYY-MM-DDTHH:mm`),
 * from the moment the choice is made; `dueTime` is the reminder's own `HH:mm`, or null.
 */
export function snoozeTarget(choice: SnoozeChoice, dueTime: string | null, now: Date): string {
  if (choice === 'hour') return localMinute(addHours(now, 1));
  const today = localDay(now);
  // Next week starts on Monday: from a Monday that is a week on, from a Sunday it is tomorrow.
  const date = choice === 'tomorrow' ? addDays(today, 1) : addDays(today, 8 - getISODay(now));
  return dueTime ? `${date}T${dueTime}` : date;
}
