/**
 * A sales import follows the ladder from the days it writes, keeping only each client's
 * latest few distinct purchase days (`LatestDays`), and adds the days of the sales that were
 * there before instead of reading every sale again. What it keeps must give the very stage
 * and suggestion the whole list of days gives, whatever the order the days come in.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGE_RULES,
  ladderRows,
  ladderStage,
  LatestDays,
} from '../../db/queries/stage-ladder';
import { makeClient, makeWorld } from '../helpers/world';

/** A small deterministic generator (the test must not change between runs). */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

const dayOf = (n: number) =>
  new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

describe('the latest purchase days of a client', () => {
  it('give the stage all the days give, for any rules and order of days', () => {
    const next = rng(7);
    for (const rules of [
      DEFAULT_STAGE_RULES,
      { auto: true, regularDays: 2, regularMonths: 1 },
      { auto: true, regularDays: 7, regularMonths: 3 },
      { auto: true, regularDays: 1, regularMonths: 12 },
    ]) {
      const latest = new LatestDays(rules);
      const all = new Map<string, Set<string>>();
      for (let i = 0; i < 20_000; i += 1) {
        const client = `c${Math.floor(next() * 1_500)}`; // past the first 1,024 slots
        // Clients buy over a span of a few weeks to three years, some a day many times.
        const span = 20 + (Number(client.slice(1)) % 5) * 250;
        const day = dayOf(Math.floor(next() * span));
        latest.add(client, day);
        all.set(client, (all.get(client) ?? new Set()).add(day));
      }
      latest.touch('nobody');
      const followed = latest.purchaseDays();
      expect(followed.get('nobody')).toEqual([]);
      expect(latest.exact).toBe(true);
      for (const [client, days] of all) {
        const sorted = [...days].sort();
        const kept = followed.get(client)!;
        expect(kept).toEqual(sorted.slice(-Math.max(2, rules.regularDays)));
        expect(ladderStage(kept, rules)).toBe(ladderStage(sorted, rules));
      }
    }
  });

  it('keeps the same days when the clients come by their place in the order of ids', () => {
    const next = rng(11);
    const byId = new LatestDays(DEFAULT_STAGE_RULES);
    const byOrder = new LatestDays(DEFAULT_STAGE_RULES);
    byId.add('c5', '2025-06-01');
    byOrder.add('c5', '2025-06-01', 5);
    for (let i = 0; i < 20_000; i += 1) {
      // 3,000 clients: their places run past the first 1,024 the table starts with.
      const order = Math.floor(next() * 3_000);
      const client = `c${order}`;
      const day = dayOf(Math.floor(next() * 400));
      if (next() < 0.1) {
        byId.touch(client);
        byOrder.touch(client, order);
      } else {
        byId.add(client, day);
        byOrder.add(client, day, order);
      }
    }
    // A client met by its id first, then by its place, keeps one slot.
    byId.add('c5', '2026-01-01');
    byOrder.add('c5', '2026-01-01');
    expect(byOrder.size).toBe(byId.size);
    expect(byOrder.purchaseDays()).toEqual(byId.purchaseDays());
  });

  it('owns up to a day it cannot hold as a number, so the ladder reads the sales instead', () => {
    const latest = new LatestDays(DEFAULT_STAGE_RULES);
    latest.add('a', '2025-01-05');
    expect(latest.exact).toBe(true);
    latest.add('b', '2025-1-5');
    expect(latest.exact).toBe(false);
    expect([...latest.clients()]).toEqual(['a', 'b']);
    expect(latest.purchaseDays()).toEqual(
      new Map([
        ['a', ['2025-01-05']],
        ['b', []],
      ]),
    );
  });

  it("with the workbook's earlier sales added, gives the rows the ladder reads itself", async () => {
    const world = makeWorld({ locale: 'ru' });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const client = await world.call('clients.create', makeClient({ name: `Клиент ${i}` }));
        ids.push(client.id);
      }
      const sale = (i: number, date: string, amount: number) =>
        world.call('sales.add', { clientId: ids[i]!, date, amount });
      // Earlier sales: one deleted, one a refund (not a purchase), the rest purchases.
      await sale(1, '2026-01-10', 500);
      await sale(2, '2025-02-01', 500);
      await sale(3, '2026-02-01', -300);
      const gone = await sale(4, '2026-03-01', 900);
      await world.call('sales.delete', { id: gone.id });
      const before = world.app.wb.sqlite
        .prepare('SELECT max(rowid) FROM sales')
        .pluck()
        .get() as number;
      // What an import then writes, followed in memory.
      const rules = DEFAULT_STAGE_RULES;
      const latest = new LatestDays(rules);
      const written: [number, string, number][] = [
        [0, '2026-05-01', 100],
        [1, '2026-05-01', 100],
        [1, '2026-06-01', 100],
        [1, '2026-07-01', 100],
        [2, '2026-04-01', 100],
        [2, '2026-07-01', 0],
        [3, '2026-08-01', 100],
        [4, '2026-09-01', 100],
        [5, '2026-10-01', -50],
      ];
      for (const [i, date, amount] of written) {
        await sale(i, date, amount);
        if (amount > 0) latest.add(ids[i]!, date);
        else latest.touch(ids[i]!);
      }
      latest.addWritten(world.app.wb, before);
      const read = ladderRows(world.app.wb, rules, ids);
      expect(ladderRows(world.app.wb, rules, ids, { bought: latest.purchaseDays() })).toEqual(read);
      expect(read.map((r) => r.ladder)).toEqual([
        'first_purchase',
        'regular',
        'repeat',
        'first_purchase',
        'first_purchase',
        'prospect',
      ]);
    } finally {
      world.dispose();
    }
  });
});
