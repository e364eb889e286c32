/** Sales of a client: add, change and delete with history; the card's totals and monthly chart. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Sale, SalesSummary } from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { sales } from '../schema';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { moveStagesFromSales } from './stage-ladder';
import { localDay } from '../../kernel/local-date';

type SaleRecord = typeof sales.$inferSelect;
export type SaleFields = Partial<Omit<Sale, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>>;

/** The fields of a sale recorded in history, with their columns. */
export const SALE_COLUMNS = {
  date: 'date',
  amount: 'amount',
  margin: 'margin',
  category: 'category',
  product: 'product',
  quantity: 'quantity',
  docNo: 'doc_no',
  managerId: 'manager_id',
  deletedAt: 'deleted_at',
} as const;

function toSale(r: SaleRecord): Sale {
  return {
    id: r.id,
    clientId: r.clientId,
    date: r.date,
    amount: r.amount,
    margin: r.margin,
    category: r.category,
    product: r.product,
    quantity: r.quantity,
    docNo: r.docNo,
    managerId: r.managerId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function requireSale(wb: Workbook, id: string): SaleRecord {
  const row = wb.db
    .select()
    .from(sales)
    .where(and(eq(sales.id, id), isNull(sales.deletedAt)))
    .get();
  if (!row) throw new AppError('not_found', 'sale_not_found', {}, 'id');
  return row;
}

function checkManager(wb: Workbook, managerId: string | null | undefined, path: string) {
  if (managerId && !wb.sqlite.prepare('SELECT 1 FROM managers WHERE id = ?').get(managerId)) {
    throw new AppError('not_found', 'manager_not_found', {}, path);
  }
}

function diff(before: Partial<SaleRecord> | null, after: SaleRecord): ChangeInput[] {
  return (Object.keys(SALE_COLUMNS) as (keyof typeof SALE_COLUMNS)[])
    .filter(
      (f) => (before ? before[f] : null) !== after[f] && !(before === null && after[f] === null),
    )
    .map((field) => ({
      entity: 'sale',
      entityId: after.id,
      clientId: after.clientId,
      field,
      oldValue: before ? (before[field] ?? null) : null,
      newValue: after[field] ?? null,
    }));
}

export function addSale(
  ctx: WriteContext,
  input: SaleFields & { clientId: string; date: string; amount: number },
): Sale {
  return ctx.wb.transaction(() => {
    checkManager(ctx.wb, input.managerId, 'managerId');
    const at = ctx.now().toISOString();
    const id = ctx.newId();
    ctx.wb.db
      .insert(sales)
      .values({
        id,
        clientId: input.clientId,
        date: input.date,
        amount: input.amount,
        margin: input.margin ?? null,
        category: input.category ?? null,
        product: input.product ?? null,
        quantity: input.quantity ?? null,
        docNo: input.docNo ?? null,
        managerId: input.managerId ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    const row = requireSale(ctx.wb, id);
    recordChanges(ctx, startBatch(ctx, 'edit', 'sale'), diff(null, row));
    moveStagesFromSales(ctx, [row.clientId]);
    return toSale(row);
  });
}

export function updateSale(ctx: WriteContext, id: string, patch: SaleFields): Sale {
  return ctx.wb.transaction(() => {
    const before = requireSale(ctx.wb, id);
    checkManager(ctx.wb, patch.managerId, 'patch.managerId');
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    ctx.wb.db
      .update(sales)
      .set({ ...set, updatedAt: ctx.now().toISOString() })
      .where(eq(sales.id, id))
      .run();
    const after = requireSale(ctx.wb, id);
    recordChanges(ctx, startBatch(ctx, 'edit', 'sale'), diff(before, after));
    moveStagesFromSales(ctx, [after.clientId]);
    return toSale(after);
  });
}

export function deleteSale(ctx: WriteContext, id: string): Sale {
  return ctx.wb.transaction(() => {
    const before = requireSale(ctx.wb, id);
    const at = ctx.now().toISOString();
    ctx.wb.db.update(sales).set({ deletedAt: at, updatedAt: at }).where(eq(sales.id, id)).run();
    recordChanges(ctx, startBatch(ctx, 'edit', 'sale'), [
      {
        entity: 'sale',
        entityId: id,
        clientId: before.clientId,
        field: 'deletedAt',
        oldValue: null,
        newValue: at,
      },
    ]);
    moveStagesFromSales(ctx, [before.clientId]);
    return toSale(before);
  });
}

export function listSales(wb: Workbook, clientId: string): Sale[] {
  return wb.db
    .select()
    .from(sales)
    .where(and(eq(sales.clientId, clientId), isNull(sales.deletedAt)))
    .orderBy(desc(sales.date), desc(sales.id))
    .all()
    .map(toSale);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function salesSummary(wb: Workbook, clientId: string, now: Date): SalesSummary {
  const totals = wb.sqlite
    .prepare(
      `SELECT coalesce(sum(amount), 0) AS total, coalesce(sum(margin), 0) AS margin,
              count(margin) AS marginCount, count(*) AS count
       FROM sales WHERE client_id = ? AND deleted_at IS NULL`,
    )
    .get(clientId) as { total: number; margin: number; marginCount: number; count: number };
  const months = wb.sqlite
    .prepare(
      `SELECT substr(date, 1, 7) AS month, sum(amount) AS amount FROM sales
       WHERE client_id = ? AND deleted_at IS NULL GROUP BY month ORDER BY month`,
    )
    .all(clientId) as { month: string; amount: number }[];
  const byMonth: SalesSummary['byMonth'] = [];
  if (months.length > 0) {
    const amounts = new Map(months.map((m) => [m.month, m.amount]));
    const last = [months.at(-1)!.month, localDay(now).slice(0, 7)].sort().at(-1)!;
    for (let m = months[0]!.month; m <= last; m = nextMonth(m))
      byMonth.push({ month: m, amount: amounts.get(m) ?? 0 });
  }
  const byCategory = wb.sqlite
    .prepare(
      `SELECT coalesce(category, '') AS category, sum(amount) AS amount FROM sales
       WHERE client_id = ? AND deleted_at IS NULL GROUP BY 1 ORDER BY amount DESC`,
    )
    .all(clientId) as SalesSummary['byCategory'];
  return { ...totals, byMonth, byCategory };
}
