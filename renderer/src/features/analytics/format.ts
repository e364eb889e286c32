/** Numbers of the dashboard as the user reads them: percents, ratios, months, the as-of date. */
import i18next from 'i18next';
import { formatMonth } from '../../lib/format';
import { currency, formatMoney } from '../../lib/money';

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'ru-RU';
}

/** 0.456 → "46 %" / "46%"; `digits` decimals at most; null → "—". */
export function percent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** A plain number with at most `digits` decimals; null → "—". */
export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** Money in minor units, or "—". Averages are rounded to whole kopecks first. */
export function money(minor: number | null | undefined): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  return formatMoney(Math.round(minor));
}

/** A headline amount in whole roubles: 924344100 → "9 243 441 ₽" / "₽9,243,441". */
export function moneyWhole(minor: number | null | undefined): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: currency(),
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(Math.round(minor / 100));
}

/** A fitted parameter: four significant digits, however small (3.01e-8 stays visible). */
export function param(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), {
    maximumSignificantDigits: 4,
    notation: value !== 0 && Math.abs(value) < 1e-3 ? 'scientific' : 'standard',
  }).format(value);
}

/** Minor units as a short axis label: 12345600 → "123,5 тыс. ₽" / "₽123.5K". */
export function moneyShort(minor: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: currency(),
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(minor / 100);
}

/** `YYYY-MM` (or a `YYYY-MM-DD` inside it) → "май 26" / "May 26". */
export const monthLabel = formatMonth;

/** A relative change: 1.2 → "+20 %"; null when there is nothing to compare with. */
export function change(now: number, before: number): string | null {
  if (before <= 0) return null;
  const ratio = now / before - 1;
  const text = percent(Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}
