/**
 * The desktop notifications for reminders that came due, in the workbook's language: one per
 * reminder, or a single summary for several missed while the program was closed. A click opens
 * the client's card (or Today, for the summary).
 */
import type { Locale } from '../api/contract';
import { translate } from '../api/messages';
import type { DueReminder } from '../services/reminder-scheduler';

export interface ReminderNote {
  title: string;
  body: string;
  /** The renderer's route a click opens. */
  route: string;
}

export function reminderNotes(
  items: DueReminder[],
  missed: boolean,
  locale: Locale,
): ReminderNote[] {
  const [first] = items;
  if (!first) return [];
  if (missed && items.length > 1) {
    return [
      {
        title: translate(locale, 'notify_missed_title', { count: items.length }),
        body: translate(locale, 'notify_missed_body', {
          first: `${first.clientName}: ${first.title}`,
        }),
        route: '#/today',
      },
    ];
  }
  return items.map((item) => ({
    title: translate(locale, 'notify_title', { client: item.clientName }),
    body: item.title,
    route: `#/clients/${encodeURIComponent(item.clientId)}`,
  }));
}
