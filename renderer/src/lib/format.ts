/** Dates and values as the user reads them: "12 ноя 2026" / "Nov 12, 2026". */
import i18next from 'i18next';

function months(): string[] {
  return i18next.t('months', { returnObjects: true }) as unknown as string[];
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
  return i18next.t('monthsStandalone', { returnObjects: true }) as unknown as string[];
}

/** `YYYY-MM` (or a `YYYY-MM-DD` in it) as a chart labels a month: "май 26" / "May 26". */
export function formatMonth(value: string): string {
  const [year = '', month = '1'] = value.split('-');
  return `${monthNames()[Number(month) - 1] ?? month} ${year.slice(2)}`;
}

export { formatMoney } from './money';
