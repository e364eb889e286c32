import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodRange } from '../../db/queries/plans';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

const client = (o: Record<string, unknown> = {}) => world.call('clients.create', makeClient(o));

describe('sales', () => {
  it('adds, edits and deletes sales with history, and sums them by month', async () => {
    const { id } = await client();
    const a = await world.call('sales.add', {
      clientId: id,
      date: '2026-09-15',
      amount: 1_250_050,
      margin: 300_000,
      category: 'Плитка',
      quantity: 12,
    });
    await world.call('sales.add', {
      clientId: id,
      date: '2026-11-02',
      amount: 749_950,
      category: 'Плитка',
    });
    await world.call('sales.update', { id: a.id, patch: { amount: 1_250_000 } });
    const summary = await world.call('sales.summary', { clientId: id });
    expect(summary).toMatchObject({
      total: 1_999_950,
      count: 2,
      byCategory: [{ category: 'Плитка', amount: 1_999_950 }],
    });
    expect(summary.byMonth.slice(0, 3)).toEqual([
      { month: '2026-09', amount: 1_250_000 },
      { month: '2026-10', amount: 0 },
      { month: '2026-11', amount: 749_950 },
    ]);
    await world.call('sales.delete', { id: a.id });
    expect((await world.call('sales.list', { clientId: id })).map((s) => s.amount)).toEqual([
      749_950,
    ]);
    const history = (await world.call('history.list', { clientId: id })).filter(
      (h) => h.entity === 'sale',
    );
    expect(history.find((h) => h.field === 'amount' && h.oldValue === 1_250_050)).toMatchObject({
      newValue: 1_250_000,
    });
    expect(history.some((h) => h.field === 'deletedAt')).toBe(true);
  });

  it('refuses a negative quantity, a sale dated 1899 or more than a year ahead, and a fractional amount', async () => {
    const { id } = await client();
    const cases: [Record<string, unknown>, string][] = [
      [{ quantity: -1 }, 'quantity'],
      [{ date: '1899-12-31' }, 'date'],
      [{ date: '2999-01-01' }, 'date'],
      [{ date: '2026-02-30' }, 'date'],
      [{ amount: 10.5 }, 'amount'],
    ];
    for (const [patch, field] of cases) {
      const result = await world.send('sales.add', {
        clientId: id,
        date: '2026-01-10',
        amount: 100,
        ...patch,
      });
      expect(result, JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      });
    }
    expect(world.count('sales')).toBe(0);
  });

  it('sums 1,000,000 sales of 0.10 to exactly 100,000.00', { timeout: 120_000 }, async () => {
    const { id } = await client();
    const insert = world.app.wb.sqlite.prepare(
      "INSERT INTO sales (id, client_id, date, amount, category, created_at, updated_at) VALUES (?, ?, '2026-03-01', 10, 'Мелочь', 'x', 'x')",
    );
    world.app.wb.transaction(() => {
      for (let i = 0; i < 1_000_000; i++) insert.run(`s${i}`, id);
    });
    expect((await world.call('sales.summary', { clientId: id })).total).toBe(10_000_000);
    const report = await world.call('plans.report', { period: '2026', groupBy: 'client' });
    // Without a plan or potential the actual is still there, and the ratios are unknown.
    expect(report.rows).toEqual([
      expect.objectContaining({ actual: 10_000_000, plan: 0, fulfilment: null, penetration: null }),
    ]);
    await world.call('plans.set', {
      clientId: id,
      category: 'Мелочь',
      period: '2026',
      plan: 10_000_000,
    });
    const [row] = (await world.call('plans.report', { period: '2026', groupBy: 'client' })).rows;
    expect(row).toMatchObject({ actual: 10_000_000, plan: 10_000_000, fulfilment: 1 });
  });
});

describe('plans versus potential', () => {
  it('reads periods as years, quarters and months, and refuses 2026-13', async () => {
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31', months: 12 });
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31', months: 3 });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29', months: 1 });
    const { id } = await client();
    expect(
      await world.send('plans.set', { clientId: id, category: 'X', period: '2026-13', plan: 1 }),
    ).toMatchObject({
      ok: false,
      error: { field: 'period' },
    });
  });

  it('computes fulfilment, penetration and headroom split into up-sale and cross-sale (hand-computed)', async () => {
    const petrov = await world.call('managers.add', { name: 'Петров' });
    const a = await client({ name: 'Альфа', managerId: petrov.id });
    const b = await client({ name: 'Бета' });
    // Альфа buys tiles (this year) and paint (last year only); never bought glue.
    await world.call('sales.add', {
      clientId: a.id,
      date: '2026-02-10',
      amount: 20_000_00,
      category: 'Плитка',
    });
    await world.call('sales.add', {
      clientId: a.id,
      date: '2026-03-10',
      amount: 10_000_00,
      category: 'Плитка',
    });
    await world.call('sales.add', {
      clientId: a.id,
      date: '2025-05-01',
      amount: 5_000_00,
      category: 'Краска',
    });
    await world.call('sales.add', {
      clientId: a.id,
      date: '2026-04-01',
      amount: 1_000_00,
      category: 'Инструмент',
    });
    await world.call('plans.set', {
      clientId: a.id,
      category: 'Плитка',
      period: '2026',
      plan: 40_000_00,
      potential: 100_000_00,
    });
    await world.call('plans.set', {
      clientId: a.id,
      category: 'Краска',
      period: '2026',
      plan: 10_000_00,
      potential: 20_000_00,
    });
    await world.call('plans.set', {
      clientId: a.id,
      category: 'Клей',
      period: '2026',
      potential: 5_000_00,
    });
    await world.call('plans.set', {
      clientId: b.id,
      category: 'Плитка',
      period: '2026',
      plan: 10_000_00,
      potential: 50_000_00,
    });
    await world.call('sales.add', {
      clientId: b.id,
      date: '2026-06-01',
      amount: 60_000_00,
      category: 'Плитка',
    });

    const byClient = await world.call('plans.report', { period: '2026', groupBy: 'client' });
    const alpha = byClient.rows.find((r) => r.clientId === a.id)!;
    // Like with like: tiles 30 000 + paint 0 + glue 0 against their plans and potentials; the
    // tools (1 000, no plan, no potential) only in actualAll.
    expect(alpha).toMatchObject({
      name: 'Альфа',
      plan: 50_000_00,
      potential: 125_000_00,
      actual: 30_000_00,
      actualAll: 31_000_00,
      planActual: 30_000_00,
      potentialActual: 30_000_00,
      targets: 3,
      pairs: 4,
    });
    expect(alpha.fulfilment).toBeCloseTo(30_000 / 50_000, 10);
    expect(alpha.penetration).toBeCloseTo(30_000 / 125_000, 10);
    // headroom: tiles 70 000 (up-sale), paint 20 000 (bought last year: up-sale), glue 5 000 (cross-sale).
    expect(alpha).toMatchObject({ headroom: 95_000_00, upSale: 90_000_00, crossSale: 5_000_00 });
    const beta = byClient.rows.find((r) => r.clientId === b.id)!;
    expect(beta).toMatchObject({ actual: 60_000_00, headroom: 0, fulfilment: 6 });
    expect(byClient.rows[0]!.clientId).toBe(a.id); // ranked by headroom

    const byCategory = await world.call('plans.report', { period: '2026', groupBy: 'category' });
    expect(byCategory.rows.find((r) => r.category === 'Плитка')).toMatchObject({
      plan: 50_000_00,
      potential: 150_000_00,
      actual: 90_000_00,
      headroom: 70_000_00,
      targets: 2,
      pairs: 2,
    });
    // A category nobody has a plan for: its sales, with nothing to compare them with.
    expect(byCategory.rows.find((r) => r.category === 'Инструмент')).toMatchObject({
      plan: 0,
      potential: 0,
      actual: 1_000_00,
      actualAll: 1_000_00,
      fulfilment: null,
      penetration: null,
      targets: 0,
    });
    const byManager = await world.call('plans.report', {
      period: '2026',
      groupBy: 'manager',
      managerId: petrov.id,
    });
    expect(byManager.rows).toEqual([
      expect.objectContaining({
        managerId: petrov.id,
        name: 'Петров',
        headroom: 95_000_00,
        actual: 30_000_00,
        actualAll: 31_000_00,
      }),
    ]);
    const q1 = await world.call('plans.report', {
      period: '2026-Q1',
      groupBy: 'client',
      clientId: a.id,
    });
    // Plans are per period: none set for Q1, so only the quarter's actual sales show.
    expect(q1.rows).toEqual([
      expect.objectContaining({ actual: 30_000_00, plan: 0, potential: 0, headroom: 0 }),
    ]);
  });

  it('compares a client’s potential in one category with its sales in that category only', async () => {
    // As found: "Факт 446 611,30 ₽" beside "Доля кошелька 13 %" on a 500 000 potential.
    const a = await client({ name: 'Гамма' });
    await world.call('plans.set', {
      clientId: a.id,
      category: 'Плитка',
      period: '2026',
      potential: 500_000_00,
    });
    const sold: [string, number][] = [
      ['Плитка', 65_000_00],
      ['Краска', 200_000_00],
      ['Инструмент', 181_611_30],
    ];
    for (const [category, amount] of sold) {
      await world.call('sales.add', { clientId: a.id, date: '2026-03-01', amount, category });
    }
    const [row] = (await world.call('plans.report', { period: '2026', groupBy: 'client' })).rows;
    expect(row).toMatchObject({
      potential: 500_000_00,
      actual: 65_000_00,
      penetration: 0.13,
      headroom: 435_000_00,
      actualAll: 446_611_30,
      targets: 1,
      pairs: 3,
    });
  });

  it('copies plans to the next year with growth and derives potential from a portrait field; undo reverts', async () => {
    await world.call('fields.define', { key: 'area', label: 'Площадь, м²', type: 'number' });
    const a = await client({ custom: { area: 120 } });
    const b = await client({ custom: { area: 50.5 } });
    await world.call('plans.set', {
      clientId: a.id,
      category: 'Плитка',
      period: '2026',
      plan: 10_000_00,
      potential: 30_000_00,
    });
    const copy = await world.call('plans.copy', { from: '2026', to: '2027', growthPct: 10 });
    expect(copy.affected).toBe(1);
    expect(
      (await world.call('plans.list', { clientId: a.id })).find((p) => p.period === '2027'),
    ).toMatchObject({
      plan: 11_000_00,
      potential: 30_000_00,
    });
    const derived = await world.call('plans.potentialFromField', {
      period: '2027-Q1',
      category: 'Плитка',
      fieldKey: 'area',
      perUnitPerMonth: 150_00,
    });
    expect(derived.affected).toBe(2);
    expect((await world.call('plans.list', { clientId: b.id }))[0]).toMatchObject({
      period: '2027-Q1',
      potential: Math.round(50.5 * 150_00 * 3),
    });
    await world.call('history.undoBatch', { batchId: copy.batchId });
    expect(
      (await world.call('plans.list', { clientId: a.id })).find((p) => p.period === '2027'),
    ).toMatchObject({ plan: null, potential: null });
  });
});
