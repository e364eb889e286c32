/**
 * Local calendar arithmetic for the Today screen: the agenda is asked for the machine's
 * wall-clock date, and snoozes are written as local `YYYY-MM-DD` / `YYYY-MM-DDTHH:mm`.
 */
import i18next from 'i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a moment in the machine's time zone. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** `HH:mm` of a moment in the machine's time zone. */
export function localTime(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A `YYYY-MM-DD` date as local midnight. */
export function parseDate(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The date `days` calendar days after `ymd` (negative goes back). */
export function addDays(ymd: string, days: number): string {
  const date = parseDate(ymd);
  date.setDate(date.getDate() + days);
  return localDate(date);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  // Noon-to-noon keeps a daylight-saving shift from rounding a day away.
  const a = parseDate(from).setHours(12);
  const b = parseDate(to).setHours(12);
  return Math.round((b - a) / 86_400_000);
}

/** The snooze choices as due values, from the moment the menu is used. */
export function snoozeTargets(now: Date): { hour: string; tomorrow: string; week: string } {
  const inHour = new Date(now.getTime() + 3_600_000);
  const today = localDate(now);
  return {
    hour: `${localDate(inHour)}T${localTime(inHour)}`,
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
  const date = parseDate(ymd);
  const months = i18next.t('months', { returnObjects: true }) as unknown as string[];
  const month = months[date.getMonth()] ?? '';
  return i18next.language === 'en' ? `${month} ${date.getDate()}` : `${date.getDate()} ${month}`;
}

/** Short weekday name of a date, from the Today catalogue (Monday first). */
export function formatWeekday(ymd: string): string {
  const days = i18next.t('today.weekdays', { returnObjects: true }) as unknown as string[];
  return days[(parseDate(ymd).getDay() + 6) % 7] ?? '';
}

/** A due value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) split into its date and optional time. */
export function splitDue(due: string): { date: string; time: string | null } {
  return { date: due.slice(0, 10), time: due.length > 10 ? due.slice(11, 16) : null };
}
