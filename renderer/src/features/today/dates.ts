/**
 * Dates on the Today screen: the snooze choices (written as local `YYYY-MM-DD` /
 * `YYYY-MM-DDTHH:mm`) and how days and times read. The calendar itself is the kernel's.
 */
import i18next from 'i18next';
import { addDays, localDay, localMinute, parseDay } from '../../../../kernel/local-date';

/** The snooze choices as due values, from the moment the menu is used. */
export function snoozeTargets(now: Date): { hour: string; tomorrow: string; week: string } {
  const inHour = new Date(now.getTime() + 3_600_000);
  const today = localDay(now);
  return {
    hour: localMinute(inHour),
    tomorrow: addDays(today, 1),
    week: addDays(today, 7),
  };
}

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
