/**
 * Dates on the Today screen: how days and times read. The calendar itself and the snooze
 * choices are the kernel's.
 */
import i18next from 'i18next';
import { parseDay } from '../../../../kernel/local-date';

/** `HH:mm` as the user reads a time ("14:03" / "02:03 PM"), like `formatDateTime`. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(2000, 0, 1, h ?? 0, m ?? 0).toLocaleTimeString(
    i18next.language === 'en' ? 'en-US' : 'ru-RU',
    { hour: '2-digit', minute: '2-digit' },
  );
}

/** A date without its year, for short notes: "30 ноя" / "Nov 30". */
export function formatShortDate(ymd: string): string {
  const date = parseDay(ymd);
  const months = i18next.t('months', { returnObjects: true }) as unknown as string[];
  const month = months[date.getMonth()] ?? '';
  return i18next.language === 'en' ? `${month} ${date.getDate()}` : `${date.getDate()} ${month}`;
}

/** Short weekday name of a date, from the Today catalogue (Monday first). */
export function formatWeekday(ymd: string): string {
  const days = i18next.t('today.weekdays', { returnObjects: true }) as unknown as string[];
  return days[(parseDay(ymd).getDay() + 6) % 7] ?? '';
}

/** A due value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) split into its date and optional time. */
export function splitDue(due: string): { date: string; time: string | null } {
  return { date: due.slice(0, 10), time: due.length > 10 ? due.slice(11, 16) : null };
}
