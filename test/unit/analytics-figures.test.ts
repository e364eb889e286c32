/**
 * One figure for one thing on the dashboard, through the real dispatch: the window's revenue is
 * the same on every card, "new" is retention's on the migration card too (with the returned
 * apart), clients without revenue in the window are in no class, and the computer's user is
 * never a manager.
 */
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATRIX_CLASSES } from '../../electron/analytics/migration';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

// The world's clock reads 12 Nov 2026: the window is 13 Nov 2025 – 12 Nov 2026, the previous
// one 13 Nov 2024 – 12 Nov 2025.
const input = { asOf: '2026-11-12', months: 12 };

async function seed() {
  const petrov = await world.call('managers.add', { name: 'Петров' });
  const make = (name: string, managerId?: string) =>
    world.call('clients.create', makeClient({ name, ...(managerId ? { managerId } : {}) }));
  const sale = (clientId: string, date: string, amount: number) =>
    world.call('sales.add', { clientId, date, amount });
  // Back: bought in May 2024 (before the previous window), then twice in this one.
  const back = await make('Вернулся', petrov.id);
  await sale(back.id, '2024-05-01', 300_00);
  await sale(back.id, '2026-03-01', 1000_00);
  await sale(back.id, '2026-06-01', 500_00);
  // Fresh: the first purchase ever in this window.
  const fresh = await make('Новый');
  await sale(fresh.id, '2026-04-01', 200_00);
  // Refund: bought in the previous window; in this one only returned part of it.
  const refund = await make('Возврат');
  await sale(refund.id, '2025-03-01', 400_00);
  await sale(refund.id, '2026-02-01', -95_19);
  // Gift: its only purchase is a free item. Undone: bought and returned it all.
  const gift = await make('Подарок');
  await sale(gift.id, '2026-05-01', 0);
  const undone = await make('Отмена');
  await sale(undone.id, '2025-12-01', 300_00);
  await sale(undone.id, '2025-12-05', -300_00);
  return { petrov, back, fresh, refund, gift, undone };
}

describe('one figure for one thing on the dashboard', () => {
  it('shows the same revenue of the window on every card', async () => {
    await seed();
    const d = await world.call('analytics.dashboard', input);
    // 1000 + 500 + 200 − 95.19 + 0 + (300 − 300) = 1604.81; the previous window: 400.
    expect(d.revenue).toEqual({ current: 1604_81, previous: 400_00 });
    expect(d.revenueByMonth.reduce((s, m) => s + m.revenue, 0)).toBe(1604_81);
    expect(d.pareto.totalRevenue).toBe(1604_81);
    expect(d.channels.reduce((s, c) => s + c.revenue, 0)).toBe(1604_81);
    expect(d.channels.reduce((s, c) => s + (c.revenueShare ?? 0), 0)).toBeCloseTo(1, 12);
    // Buyers: everyone with a purchase day in the window (Refund only returned).
    expect(d.pareto.clients).toBe(4);
    expect(d.channels.reduce((s, c) => s + c.buyers, 0)).toBe(4);
  });

  it('classes only clients with revenue, in the matrix, its drill-down and the migration', async () => {
    const { back, fresh, refund, gift, undone } = await seed();
    const d = await world.call('analytics.dashboard', input);
    // Back 1500 → A (months Mar–Nov: 1000, 0, 0, 500, 0 …: Y); Fresh 200 → B (1500/1700 before
    // it), one day: Z. Gift (free), Undone (net 0) and Refund (no purchase) have no class.
    expect(d.matrix.counts).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    expect(d.matrix.unclassed).toBe(3);
    const drilled = new Set<string>();
    for (const key of MATRIX_CLASSES) {
      const drill = await world.call('analytics.drill', { kind: 'matrix', key, ...input });
      for (const row of drill.rows) drilled.add(row.clientId);
    }
    expect(drilled).toEqual(new Set([back.id, fresh.id]));
    const abc = await world.call('analytics.abcxyz', { from: '2025-11-13', to: '2026-11-12' });
    expect(abc.clients.map((c) => c.clientId).sort()).toEqual([back.id, fresh.id].sort());
    const moves = await world.call('analytics.drill', {
      kind: 'migration',
      key: 'none>none',
      ...input,
    });
    expect(moves.total).toBe(0);
    const migration = await world.call('analytics.migration', {
      a: { from: '2024-11-13', to: '2025-11-12' },
      b: { from: '2025-11-13', to: '2026-11-12' },
    });
    expect(
      Object.fromEntries(migration.clients.map((m) => [m.clientId, [m.from, m.to, m.direction]])),
    ).toEqual({
      [back.id]: [null, 'AY', 'returned'],
      [fresh.id]: [null, 'BZ', 'new'],
      [refund.id]: ['AZ', null, 'gone'],
    });
    expect([gift.id, undone.id].some((id) => drilled.has(id))).toBe(false);
  });

  it('counts as new on the migration card the new clients of the retention card', async () => {
    await seed();
    const d = await world.call('analytics.dashboard', input);
    // New in the window (first purchase in it): Fresh, Gift and Undone. Of them only Fresh has a
    // class now; Back came back and is counted apart.
    expect(d.retention.window.new).toBe(3);
    expect(d.migration).toMatchObject({ new: 1, returned: 1, gone: 1, up: 0, down: 0, same: 0 });
  });

  it('never takes the computer’s user for a manager', async () => {
    const { petrov, back, fresh } = await seed();
    await world.call('comments.add', { clientId: fresh.id, kind: 'call', body: 'Звонок' });
    await world.call('comments.add', { clientId: fresh.id, kind: 'note', body: 'Заметка' });
    await world.call('settings.set', { currentManagerId: petrov.id });
    await world.call('comments.add', { clientId: back.id, kind: 'call', body: 'Звонок' });
    const d = await world.call('analytics.dashboard', input);
    const login = os.userInfo().username;
    expect(d.activity.map((a) => [a.author, a.managerId, a.total])).toEqual([
      [login, null, 2],
      ['Петров', petrov.id, 1],
    ]);
    expect(d.managers.map((m) => m.managerId).sort()).toEqual([null, petrov.id].sort());
  });
});
