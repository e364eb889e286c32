/** Pure helpers over plan report rows: ranking, and the ratios and money shown on the screen. */
import i18next from 'i18next';
import type { PlanReportRow } from '../../../../electron/api/contract';
import { currency } from '../../lib/money';

/** Largest headroom first; ties by name, as the report orders them. */
export function rankByHeadroom(rows: PlanReportRow[]): PlanReportRow[] {
  return [...rows].sort((a, b) => b.headroom - a.headroom || a.name.localeCompare(b.name));
}

function locale(): string {
  return i18next.language === 'en' ? 'en-US' : 'ru-RU';
}

/** 0.456 → "46 %" / "46%"; null → "—". */
export function formatPercent(ratio: number | null): string {
  if (ratio === null) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio,
  );
}

/** Minor units as a short axis label: 12345600 → "123 тыс. ₽" / "₽123K". */
export function formatMoneyShort(minor: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: currency(),
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(minor / 100);
}
