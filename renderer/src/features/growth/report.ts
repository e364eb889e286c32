/** Pure helpers over plan report rows: ranking, totals, and the ratios shown as percents. */
import i18next from 'i18next';
import type { PlanReportRow } from '../../../../electron/api/contract';

export interface Totals {
  count: number;
  potential: number;
  plan: number;
  actual: number;
  headroom: number;
  upSale: number;
  crossSale: number;
  fulfilment: number | null;
  penetration: number | null;
}

/** Largest headroom first; ties by name, as the report orders them. */
export function rankByHeadroom(rows: PlanReportRow[]): PlanReportRow[] {
  return [...rows].sort((a, b) => b.headroom - a.headroom || a.name.localeCompare(b.name));
}

/**
 * Sums of the money columns, and ratios from the sums. A row's ratios count only sales in the
 * categories it has a plan (a potential) for, so the totals weigh them back the same way:
 * Σ(fulfilment × plan) ÷ Σ plan, not Σ actual ÷ Σ plan.
 */
export function totalsOf(rows: PlanReportRow[]): Totals {
  let planned = 0;
  let potentialBase = 0;
  const t: Totals = {
    count: rows.length,
    potential: 0,
    plan: 0,
    actual: 0,
    headroom: 0,
    upSale: 0,
    crossSale: 0,
    fulfilment: null,
    penetration: null,
  };
  for (const r of rows) {
    t.potential += r.potential;
    t.plan += r.plan;
    t.actual += r.actual;
    t.headroom += r.headroom;
    t.upSale += r.upSale;
    t.crossSale += r.crossSale;
    planned += (r.fulfilment ?? 0) * r.plan;
    potentialBase += (r.penetration ?? 0) * r.potential;
  }
  t.fulfilment = t.plan > 0 ? planned / t.plan : null;
  t.penetration = t.potential > 0 ? potentialBase / t.potential : null;
  return t;
}

/** True when the period has something to rank: a plan or a potential somewhere. */
export function hasTargets(rows: PlanReportRow[]): boolean {
  return rows.some((r) => r.plan > 0 || r.potential > 0);
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
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(minor / 100);
}
