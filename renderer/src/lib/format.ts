/** Dates and values as the user reads them: "12 ноя 2026" / "Nov 12, 2026". */
import i18next from 'i18next';

/**
 * The month names of each language, read from the catalogue once: a list shows a few dates on
 * each of its rows, and a lookup of the array in i18next (copied at every call) was most of the
 * time a date took to show (profiled at the start of the client list). Kept per store, which a
 * new `init` replaces.
 */
const monthLists = new WeakMap<object, Map<string, string[]>>();

function cachedList(key: 'months' | 'monthsStandalone'): string[] {
  const lists = monthLists.get(i18next.store) ?? new Map<string, string[]>();
  monthLists.set(i18next.store, lists);
  const at = `${i18next.language}:${key}`;
  const known = lists.get(at);
  if (known) return known;
  const list = i18next.t(key, { returnObjects: true }) as unknown;
  // Before the catalogue is loaded the key itself comes back: not kept.
  if (!Array.isArray(list)) return [];
  lists.set(at, list as string[]);
  return list as string[];
}

function months(): string[] {
  return cachedList('months');
}

/** `YYYY-MM-DD` or an ISO timestamp, shown as a date in the current language. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const month = months()[date.getMonth()] ?? '';
  return i18next.language === 'en'
    ? `${month} ${date.getDate()}, ${date.getFullYear()}`
    : `${date.getDate()} ${month} ${date.getFullYear()}`;
}

/** An ISO timestamp with its local time: "12 ноя 2026, 14:03". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  const time = date.toLocaleTimeString(i18next.language === 'en' ? 'en-US' : 'ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${formatDate(value)}, ${time}`;
}

/**
 * Short month names standing on their own, January first: the nominative in Russian ("май"),
 * where a date takes the genitive ("12 мая").
 */
export function monthNames(): string[] {
  return cachedList('monthsStandalone');
}

/** `YYYY-MM` (or a `YYYY-MM-DD` in it) as a chart labels a month: "май 26" / "May 26". */
export function formatMonth(value: string): string {
  const [year = '', month = '1'] = value.split('-');
  return `${monthNames()[Number(month) - 1] ?? month} ${year.slice(2)}`;
}

export { formatMoney } from './money';
