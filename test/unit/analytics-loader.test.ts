import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSalesData } from '../../electron/services/analytics/source';
import { addSale, deleteSale } from '../../db/queries/sales';
import { dayFromIso } from '../../electron/analytics/days';
import { rfm } from '../../electron/analytics/rfm';
import { salesDataFromRows } from '../../electron/analytics/sales-data';
import { Rng } from '../../db/demo/prng';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

describe('analytics loader', () => {
  it('reads live clients and live sales of a real workbook into purchase days', async () => {
    const manager = await world.call('managers.add', { name: 'Анна' });
    const a = await world.call(
      'clients.create',
      makeClient({ channel: 'site', managerId: manager.id }),
    );
    const b = await world.call('clients.create', makeClient({ externalId: 'B-7' }));
    const quiet = await world.call('clients.create', makeClient()); // no sales
    const trashed = await world.call('clients.create', makeClient());
    const ctx = world.app.ctx;
    addSale(ctx, { clientId: a.id, date: '2026-03-02', amount: 100_00, margin: 30_00 });
    addSale(ctx, { clientId: a.id, date: '2026-03-02', amount: 50_00 }); // same day: one purchase
    addSale(ctx, { clientId: a.id, date: '2026-01-15', amount: 20_00, margin: 5_00 });
    addSale(ctx, { clientId: a.id, date: '2026-03-20', amount: -40_00 }); // a return
    const gone = addSale(ctx, { clientId: b.id, date: '2026-02-01', amount: 999_00 });
    deleteSale(ctx, gone.id); // soft-deleted: left out
    addSale(ctx, { clientId: b.id, date: '2026-02-03', amount: 70_00 });
    addSale(ctx, { clientId: trashed.id, date: '2026-02-03', amount: 10_00 });
    await world.call('clients.delete', { id: trashed.id }); // in the trash: it and its sale left out

    const { data, clients, indexOf, skippedSales } = loadSalesData(world.app.wb);
    const ids = [a.id, b.id, quiet.id].sort();
    expect(data.clientIds).toEqual(ids);
    expect(skippedSales).toBe(1);
    const ia = indexOf.get(a.id)!;
    const ib = indexOf.get(b.id)!;
    const days = (c: number) => Array.from(data.day.subarray(data.start[c], data.start[c + 1]));
    expect(days(ia)).toEqual([dayFromIso('2026-01-15'), dayFromIso('2026-03-02')]);
    expect(Array.from(data.revenue.subarray(data.start[ia], data.start[ia + 1]))).toEqual([
      20_00, 150_00,
    ]);
    expect(Array.from(data.margin.subarray(data.start[ia], data.start[ia + 1]))).toEqual([
      5_00, 30_00,
    ]);
    expect(Array.from(data.marginRevenue.subarray(data.start[ia], data.start[ia + 1]))).toEqual([
      20_00, 100_00,
    ]);
    expect(Array.from(data.adjDay.subarray(data.adjStart[ia], data.adjStart[ia + 1]))).toEqual([
      dayFromIso('2026-03-20'),
    ]);
    expect(days(ib)).toEqual([dayFromIso('2026-02-03')]);
    expect(days(indexOf.get(quiet.id)!)).toEqual([]);
    expect(clients.managerId[ia]).toBe(manager.id);
    expect(clients.channel[ia]).toBe('site');
    expect(clients.externalId[ib]).toBe('B-7');

    // The engine runs on it directly: a bought 2 days for 170.00 − 40.00 returned = 130.00 net.
    const scored = rfm(data, dayFromIso('2026-03-31'));
    expect([scored.frequency[ia], scored.monetary[ia], scored.recency[ia]]).toEqual([
      2, 130_00, 29,
    ]);
  });

  it('reads an empty workbook', () => {
    const { data, skippedSales } = loadSalesData(world.app.wb);
    expect(data.clientIds).toEqual([]);
    expect(Array.from(data.start)).toEqual([0]);
    expect(skippedSales).toBe(0);
  });

  it('groups interleaved sales exactly as the plain one-sale-at-a-time grouping does', async () => {
    const rng = new Rng(42);
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) ids.push((await world.call('clients.create', makeClient())).id);
    const ctx = world.app.ctx;
    // Runs of one date over several clients and of one client over several dates, returns,
    // unknown margins: what the loader's shortcuts (the last date, the last client) must not skew.
    for (let i = 0; i < 400; i++) {
      const clientId = ids[rng.chance(0.5) ? i % 3 : rng.int(0, ids.length - 1)]!;
      const date = `2026-0${rng.int(1, 3)}-${String(rng.chance(0.6) ? 10 : rng.int(1, 28)).padStart(2, '0')}`;
      const amount = rng.chance(0.1) ? -rng.int(1, 90) * 100 : rng.int(0, 900) * 100;
      addSale(ctx, { clientId, date, amount, ...(rng.chance(0.5) ? { margin: 7_00 } : {}) });
    }
    // A date the app would not write, left out and counted.
    world.app.wb.sqlite
      .prepare("UPDATE sales SET date = '2026-13-45' WHERE rowid = (SELECT min(rowid) FROM sales)")
      .run();
    const rows = world.app.wb.sqlite
      .prepare('SELECT client_id AS clientId, date, amount, margin FROM sales')
      .all() as { clientId: string; date: string; amount: number; margin: number | null }[];
    const expected = salesDataFromRows(rows, ids);
    const { data, skippedSales } = loadSalesData(world.app.wb);
    expect(skippedSales).toBe(1);
    for (const [key, column] of Object.entries(expected)) {
      const got = data[key as keyof typeof data];
      expect(Array.from(got as ArrayLike<unknown>), key).toEqual(
        Array.from(column as ArrayLike<unknown>),
      );
    }
  });
});
