/** Sales, and per-client plans against the client's potential. Money is integer minor units. */
import { z } from 'zod';
import { PERIOD } from './enums';
import { addDays, today } from '../../../kernel/local-date';
import { id, isCalendarDate, optionalText } from './validators';

export interface Sale {
  id: string;
  clientId: string;
  date: string;
  /** Minor units (kopecks, cents); negative for a return. */
  amount: number;
  margin: number | null;
  category: string | null;
  product: string | null;
  quantity: number | null;
  docNo: string | null;
  managerId: string | null;
  createdAt: string;
  updatedAt: string;
}

const money = z.number().int().min(-1e13).max(1e13);

/**
 * A sale date: a real date from 1900 up to a year ahead. A sanity bound, not a business rule,
 * so the system clock is good enough here (a schema has no access to the app's clock).
 */
export const saleDate = z
  .string()
  .max(10)
  .refine((s) => isCalendarDate(s), { params: { key: 'date_invalid' }, abort: true })
  .refine((s) => s >= '1900-01-01', { params: { key: 'sale_date_range' } })
  .refine((s) => s <= addDays(today(), 366), { params: { key: 'sale_date_range' } });

const saleFields = {
  date: saleDate,
  amount: money,
  margin: money.nullable().optional(),
  category: optionalText(100),
  product: optionalText(200),
  quantity: z.number().finite().min(0).max(1e9).nullable().optional(),
  docNo: optionalText(100),
  managerId: id.nullable().optional(),
};

export const saleAddInput = z.object({ clientId: id, ...saleFields }).strict();
export const saleUpdateInput = z
  .object({
    id,
    patch: z
      .object({ ...saleFields, date: saleDate.optional(), amount: money.optional() })
      .strict(),
  })
  .strict();
export const saleIdInput = z.object({ id }).strict();
export const saleListInput = z.object({ clientId: id }).strict();

export interface SalesSummary {
  total: number;
  margin: number;
  /** How many of the sales have a margin entered: with none, `margin` is 0 but unknown. */
  marginCount: number;
  count: number;
  /** Revenue by calendar month `YYYY-MM`, oldest first, months without sales included. */
  byMonth: { month: string; amount: number }[];
  byCategory: { category: string; amount: number }[];
}

export const period = z
  .string()
  .max(7)
  .refine((s) => PERIOD.test(s), { params: { key: 'period_invalid' } });

export interface Plan {
  id: string;
  clientId: string;
  category: string;
  period: string;
  /** What we intend to sell, minor units. */
  plan: number | null;
  /** The client's total demand for the category from all suppliers, minor units. */
  potential: number | null;
  updatedAt: string;
}

export const planSetInput = z
  .object({
    clientId: id,
    category: z.string().trim().min(1).max(100),
    period,
    plan: money.min(0).nullable().optional(),
    potential: money.min(0).nullable().optional(),
  })
  .strict();
export const planListInput = z.object({ clientId: id }).strict();

export const REPORT_GROUPS = ['client', 'manager', 'category'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export const planReportInput = z
  .object({
    period,
    groupBy: z.enum(REPORT_GROUPS),
    managerId: id.optional(),
    category: z.string().max(100).optional(),
    clientId: id.optional(),
  })
  .strict();

export interface PlanReportRow {
  clientId?: string;
  managerId?: string | null;
  category?: string;
  /** Display name of the group (client name, manager name, category). */
  name: string;
  /** Plan and potential, summed over the row's client × category pairs that have them. */
  plan: number;
  potential: number;
  /**
   * Sales in the period in the pairs with a plan or a potential (like with like: a client's
   * categories without either are left out); all its sales when it has no such pair.
   */
  actual: number;
  /** planActual ÷ plan, null without a plan. */
  fulfilment: number | null;
  /** potentialActual ÷ potential (share of wallet), null without a potential. */
  penetration: number | null;
  /** Σ max(potential − actual, 0) over categories. */
  headroom: number;
  /** Headroom in categories the client already buys from us. */
  upSale: number;
  /** Headroom in categories it does not buy from us. */
  crossSale: number;
  /** All the row's sales in the period, in every category. */
  actualAll: number;
  /** Sales in the pairs with a plan: fulfilment's numerator. */
  planActual: number;
  /** Sales in the pairs with a potential: penetration's numerator. */
  potentialActual: number;
  /** Client × category pairs with a plan or a potential, of all the row's `pairs`. */
  targets: number;
  /** Client × category pairs in the row: with a plan, a potential or sales in the period. */
  pairs: number;
}

export interface PlanReport {
  period: string;
  from: string;
  to: string;
  rows: PlanReportRow[];
}

export const planCopyInput = z
  .object({
    from: period,
    to: period,
    /** Percent growth applied to plans, e.g. 10 for +10 %. */
    growthPct: z.number().min(-100).max(1000),
    clientIds: z.array(id).max(200_000).optional(),
  })
  .strict();

export const potentialFormulaInput = z
  .object({
    period,
    category: z.string().trim().min(1).max(100),
    /** A number custom field of the portrait, e.g. shop area in m². */
    fieldKey: z.string().max(40),
    /** Minor units per unit of the field per month, e.g. spend per m² per month. */
    perUnitPerMonth: money.min(0),
    clientIds: z.array(id).max(200_000).optional(),
  })
  .strict();

export interface PlanBulkResult {
  batchId: string;
  affected: number;
}
