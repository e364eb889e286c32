/**
 * Plans and potential per client × category × period, and the report that compares them with
 * actual sales: fulfilment, penetration (share of wallet) and headroom split into up-sale and
 * cross-sale. The report reads plans and sales once each, grouped in SQL, never per client.
 */
import { and, asc, eq } from 'drizzle-orm';
import type {
  Plan,
  PlanBulkResult,
  PlanReport,
  PlanReportRow,
  ReportGroup,
} from '../../electron/api/contract';
import { PERIOD } from '../../electron/api/contract/enums';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { plans } from '../schema';
import { readCustomValues, requireField } from './fields';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';

type PlanRecord = typeof plans.$inferSelect;

/** First and last day of a period, and its length in months. */
export function periodRange(period: string): { from: string; to: string; months: number } {
  const m = PERIOD.exec(period);
  if (!m) throw new AppError('invalid_input', 'period_invalid', {}, 'period');
  const year = Number(m[1]);
  const [first, count] = m[2]
    ? [(Number(m[2]) - 1) * 3 + 1, 3]
    : m[3]
      ? [Number(m[3]), 1]
      : [1, 12];
  const lastMonth = first + count - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    months: count,
  };
}

function toPlan(r: PlanRecord): Plan {
  return {
    id: r.id,
    clientId: r.clientId,
    category: r.category,
    period: r.period,
    plan: r.plan,
    potential: r.potential,
    updatedAt: r.updatedAt,
  };
}

/** Upserts one plan row and records what changed under `batchId`. */
function writePlan(
  ctx: WriteContext,
  batchId: string,
  key: { clientId: string; category: string; period: string },
  values: { plan?: number | null | undefined; potential?: number | null | undefined },
): Plan {
  const at = ctx.now().toISOString();
  const existing = ctx.wb.db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.clientId, key.clientId),
        eq(plans.category, key.category),
        eq(plans.period, key.period),
      ),
    )
    .get();
  const id = existing?.id ?? ctx.newId();
  const next = {
    plan: values.plan === undefined ? (existing?.plan ?? null) : values.plan,
    potential: values.potential === undefined ? (existing?.potential ?? null) : values.potential,
  };
  if (existing) {
    ctx.wb.db
      .update(plans)
      .set({ ...next, updatedAt: at })
      .where(eq(plans.id, id))
      .run();
  } else {
    ctx.wb.db
      .insert(plans)
      .values({ id, ...key, ...next, createdAt: at, updatedAt: at })
      .run();
  }
  const changes: ChangeInput[] = (['plan', 'potential'] as const)
    .filter((f) => (existing?.[f] ?? null) !== next[f])
    .map((field) => ({
      entity: 'plan',
      entityId: id,
      clientId: key.clientId,
      field,
      oldValue: existing?.[field] ?? null,
      newValue: next[field],
    }));
  recordChanges(ctx, batchId, changes);
  return toPlan(ctx.wb.db.select().from(plans).where(eq(plans.id, id)).get()!);
}

export function setPlan(
  ctx: WriteContext,
  input: {
    clientId: string;
    category: string;
    period: string;
    plan?: number | null | undefined;
    potential?: number | null | undefined;
  },
): Plan {
  return ctx.wb.transaction(() =>
    writePlan(ctx, startBatch(ctx, 'edit', 'plan'), input, {
      plan: input.plan,
      potential: input.potential,
    }),
  );
}

export function listPlans(wb: Workbook, clientId: string): Plan[] {
  return wb.db
    .select()
    .from(plans)
    .where(eq(plans.clientId, clientId))
    .orderBy(asc(plans.period), asc(plans.category))
    .all()
    .map(toPlan);
}

/** Plans of one period copied to another with a growth percentage; potentials copied where unset. */
export function copyPlans(
  ctx: WriteContext,
  from: string,
  to: string,
  growthPct: number,
  clientIds?: string[],
): PlanBulkResult {
  periodRange(from);
  periodRange(to);
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'bulk', 'planCopy');
    const only = clientIds ? new Set(clientIds) : null;
    const rows = ctx.wb.db.select().from(plans).where(eq(plans.period, from)).all();
    let affected = 0;
    for (const row of rows) {
      if (only && !only.has(row.clientId)) continue;
      const target = ctx.wb.db
        .select()
        .from(plans)
        .where(
          and(
            eq(plans.clientId, row.clientId),
            eq(plans.category, row.category),
            eq(plans.period, to),
          ),
        )
        .get();
      writePlan(
        ctx,
        batchId,
        { clientId: row.clientId, category: row.category, period: to },
        {
          ...(row.plan !== null ? { plan: Math.round((row.plan * (100 + growthPct)) / 100) } : {}),
          ...(row.potential !== null && target?.potential == null
            ? { potential: row.potential }
            : {}),
        },
      );
      affected += 1;
    }
    return { batchId, affected };
  });
}

/** Potential = field value × spend per unit per month × months in the period, for every client with a value. */
export function potentialFromField(
  ctx: WriteContext,
  input: {
    period: string;
    category: string;
    fieldKey: string;
    perUnitPerMonth: number;
    clientIds?: string[] | undefined;
  },
): PlanBulkResult {
  const { months } = periodRange(input.period);
  const field = requireField(ctx.wb, input.fieldKey, 'fieldKey');
  if (field.type !== 'number')
    throw new AppError(
      'invalid_input',
      'potential_field_number',
      { label: field.label },
      'fieldKey',
    );
  return ctx.wb.transaction(() => {
    const batchId = startBatch(ctx, 'bulk', 'potential');
    const ids =
      input.clientIds ??
      (ctx.wb.sqlite
        .prepare(
          'SELECT v.client_id FROM field_values v JOIN clients c ON c.id = v.client_id WHERE v.field_id = ? AND c.deleted_at IS NULL',
        )
        .pluck()
        .all(field.id) as string[]);
    const values = readCustomValues(ctx.wb, ids);
    let affected = 0;
    for (const id of ids) {
      const value = values.get(id)?.[field.key];
      if (typeof value !== 'number') continue;
      writePlan(
        ctx,
        batchId,
        { clientId: id, category: input.category, period: input.period },
        {
          potential: Math.round(value * input.perUnitPerMonth * months),
        },
      );
      affected += 1;
    }
    return { batchId, affected };
  });
}

interface Pair {
  clientId: string;
  category: string;
  plan: number | null;
  potential: number | null;
  actual: number;
}

/**
 * The plan report for a period. Per client and category (a pair): actual = sales in the period;
 * headroom = max(potential − actual, 0); it is up-sale when the client bought that category from
 * us in the period or the twelve months before it, else cross-sale.
 *
 * A row compares like with like: its plan, potential and actual sum only the pairs that have a
 * plan or a potential (`targets` of its `pairs`); sales in other categories are in `actualAll`
 * only. Fulfilment = sales in the pairs with a plan ÷ plan, penetration = sales in the pairs with
 * a potential ÷ potential. A row with no such pair (sales without any plan) keeps its sales in
 * `actual`, with nothing to compare them with.
 */
export function planReport(
  wb: Workbook,
  input: {
    period: string;
    groupBy: ReportGroup;
    managerId?: string | undefined;
    category?: string | undefined;
    clientId?: string | undefined;
  },
): PlanReport {
  const { from, to } = periodRange(input.period);
  const lookback = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
  const clientRows = wb.sqlite
    .prepare(
      `SELECT id, name, manager_id AS managerId FROM clients WHERE deleted_at IS NULL
         AND (? IS NULL OR manager_id = ?) AND (? IS NULL OR id = ?)`,
    )
    .all(
      input.managerId ?? null,
      input.managerId ?? null,
      input.clientId ?? null,
      input.clientId ?? null,
    ) as {
    id: string;
    name: string;
    managerId: string | null;
  }[];
  const clientsById = new Map(clientRows.map((c) => [c.id, c]));
  const pairs = new Map<string, Pair>();
  const pair = (clientId: string, category: string): Pair => {
    const key = `${clientId}\u0000${category}`;
    let p = pairs.get(key);
    if (!p) {
      p = { clientId, category, plan: null, potential: null, actual: 0 };
      pairs.set(key, p);
    }
    return p;
  };
  const categoryOk = (c: string) => input.category === undefined || c === input.category;
  for (const r of wb.sqlite
    .prepare('SELECT client_id AS clientId, category, plan, potential FROM plans WHERE period = ?')
    .all(input.period) as Pair[]) {
    if (!clientsById.has(r.clientId) || !categoryOk(r.category)) continue;
    Object.assign(pair(r.clientId, r.category), { plan: r.plan, potential: r.potential });
  }
  const sold = wb.sqlite
    .prepare(
      `SELECT client_id AS clientId, coalesce(category, '') AS category,
              sum(CASE WHEN date >= ? THEN amount ELSE 0 END) AS actual,
              sum(CASE WHEN amount > 0 THEN 1 ELSE 0 END) AS purchases
       FROM sales WHERE deleted_at IS NULL AND date >= ? AND date <= ? GROUP BY client_id, category`,
    )
    .all(from, lookback, to) as {
    clientId: string;
    category: string;
    actual: number;
    purchases: number;
  }[];
  const buys = new Set<string>();
  for (const s of sold) {
    if (!clientsById.has(s.clientId) || !categoryOk(s.category)) continue;
    if (s.purchases > 0) buys.add(`${s.clientId}\u0000${s.category}`);
    if (s.actual !== 0) pair(s.clientId, s.category).actual += s.actual;
  }

  const managers = new Map(
    (
      wb.sqlite.prepare('SELECT id, name FROM managers').all() as { id: string; name: string }[]
    ).map((m) => [m.id, m.name]),
  );
  const groups = new Map<string, PlanReportRow>();
  for (const p of pairs.values()) {
    const client = clientsById.get(p.clientId)!;
    const key =
      input.groupBy === 'client'
        ? p.clientId
        : input.groupBy === 'manager'
          ? (client.managerId ?? '')
          : p.category;
    let g = groups.get(key);
    if (!g) {
      const name =
        input.groupBy === 'client'
          ? client.name
          : input.groupBy === 'manager'
            ? (managers.get(key) ?? '')
            : p.category;
      g = {
        ...(input.groupBy === 'client'
          ? { clientId: key }
          : input.groupBy === 'manager'
            ? { managerId: key || null }
            : { category: key }),
        name,
        plan: 0,
        potential: 0,
        actual: 0,
        fulfilment: null,
        penetration: null,
        headroom: 0,
        upSale: 0,
        crossSale: 0,
        actualAll: 0,
        planActual: 0,
        potentialActual: 0,
        targets: 0,
        pairs: 0,
      };
      groups.set(key, g);
    }
    g.pairs += 1;
    g.actualAll += p.actual;
    if (p.plan !== null || p.potential !== null) {
      g.targets += 1;
      g.actual += p.actual;
    }
    if (p.plan !== null) {
      g.plan += p.plan;
      g.planActual += p.actual;
    }
    if (p.potential !== null) {
      g.potential += p.potential;
      g.potentialActual += p.actual;
      const headroom = Math.max(p.potential - p.actual, 0);
      g.headroom += headroom;
      if (buys.has(`${p.clientId}\u0000${p.category}`)) g.upSale += headroom;
      else g.crossSale += headroom;
    }
  }
  const rows = [...groups.values()].map((g) => ({
    ...g,
    actual: g.targets > 0 ? g.actual : g.actualAll,
    fulfilment: g.plan > 0 ? g.planActual / g.plan : null,
    penetration: g.potential > 0 ? g.potentialActual / g.potential : null,
  }));
  rows.sort(
    (a, b) =>
      (input.groupBy === 'client' ? b.headroom - a.headroom : 0) || a.name.localeCompare(b.name),
  );
  return { period: input.period, from, to, rows };
}
