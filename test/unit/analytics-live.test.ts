/**
 * The live dashboard: after a sale, an edit, a client trashed or restored, a new client or a
 * manager reassigned, the dashboard is brought up to date from the changed clients alone — and
 * every figure equals a dashboard computed afresh from the workbook (with the same BG/NBD
 * parameters, which the live one keeps), through random edits on a real workbook.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rng } from '../../db/demo/prng';
import { DashboardCache } from '../../electron/services/analytics/dashboard';
import { readAnalyticsSettings } from '../../electron/services/analytics/settings';
import { AnalyticsStore } from '../../electron/services/analytics/store';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

const ASOF = '2026-11-12';
const query = { asOf: ASOF, months: 12, managerId: null };
const FIRST = Date.parse('2023-09-01');
const SPAN_DAYS = Math.floor((Date.parse(ASOF) - FIRST) / 86_400_000);

/** Numbers to 10 significant digits: sums kept by adding and taking away differ in the last bits. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) ? Number(value.toPrecision(10)) : value;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'timings')
        .map(([k, v]) => [k, rounded(v)]),
    );
  }
  return value;
}

describe('the live dashboard', () => {
  it('equals a fresh computation after every one of many random edits', async () => {
    const rng = new Rng(20261130);
    const day = () =>
      new Date(FIRST + rng.int(0, SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
    const amount = () => (rng.next() < 0.05 ? -rng.int(1, 300) * 100 : rng.int(1, 900) * 100);
    const managers = [
      (await world.call('managers.add', { name: 'Anna' })).id,
      (await world.call('managers.add', { name: 'Boris' })).id,
    ];
    const clients: string[] = [];
    const trashed: string[] = [];
    const sales: string[] = [];
    const addSale = async (clientId: string, date = day()) => {
      const sale = await world.call('sales.add', { clientId, date, amount: amount() });
      sales.push(sale.id);
    };
    for (let i = 0; i < 80; i++) {
      const client = await world.call(
        'clients.create',
        makeClient({
          name: `Client ${i}`,
          managerId: rng.pick(managers),
          channel: rng.pick(['site', 'shop']),
        }),
      );
      clients.push(client.id);
      // Regular buyers, occasional ones and a few who never bought.
      const visits = i % 10 === 9 ? 0 : rng.int(1, i % 3 === 0 ? 14 : 4);
      for (let v = 0; v < visits; v++) await addSale(client.id);
    }
    const { dashboards } = world.app.ctx.analytics;
    const settings = readAnalyticsSettings(world.app.wb);
    const first = dashboards.get(query, settings);
    expect(first.out.timings['live']).toBe(0);
    const params = first.engine.clv?.params;
    expect(params && Number.isFinite(params.r)).toBe(true);

    const edits: [string, () => Promise<unknown>][] = [
      ['a sale today', () => addSale(rng.pick(clients), ASOF)],
      ['a sale in the past', () => addSale(rng.pick(clients))],
      [
        'a sale changed',
        () =>
          world.call('sales.update', {
            id: rng.pick(sales),
            patch: { amount: amount(), date: day() },
          }),
      ],
      [
        'a sale deleted',
        async () => {
          const id = sales.splice(rng.int(0, sales.length - 1), 1)[0]!;
          await world.call('sales.delete', { id });
        },
      ],
      [
        'a new client who bought',
        async () => {
          const client = await world.call(
            'clients.create',
            makeClient({ managerId: rng.pick(managers) }),
          );
          clients.push(client.id);
          await addSale(client.id);
          await addSale(client.id);
        },
      ],
      [
        'a client trashed',
        async () => {
          const id = clients.splice(rng.int(0, clients.length - 1), 1)[0]!;
          trashed.push(id);
          await world.call('clients.delete', { id });
        },
      ],
      [
        'a client restored',
        async () => {
          const id = trashed.pop();
          if (!id) return;
          clients.push(id);
          await world.call('clients.restore', { id });
        },
      ],
      [
        'a manager reassigned',
        () =>
          world.call('clients.update', {
            id: rng.pick(clients),
            patch: { managerId: rng.pick(managers) },
          }),
      ],
    ];
    let live = 0;
    for (let round = 0; round < 60; round++) {
      const [what, edit] = edits[round % edits.length]!;
      await edit();
      const kept = dashboards.get(query, settings);
      live += kept.out.timings['live'] ?? 0;
      const fresh = new DashboardCache(world.app.wb, new AnalyticsStore(world.app.wb), params).get(
        query,
        settings,
      );
      expect(fresh.out.timings['live']).toBe(0);
      // The dashboard as the window shows it, and each client's classes, scores and predictions.
      expect({ what, out: rounded(kept.out) }).toEqual({ what, out: rounded(fresh.out) });
      const perClient = (e: typeof kept.engine) =>
        rounded({
          abc: Array.from(e.current.abc.classOf),
          xyz: Array.from(e.previous.xyz.classOf),
          cv: Array.from(e.current.xyz.cv),
          rfm: [Array.from(e.rfm.r), Array.from(e.rfm.f), Array.from(e.rfm.m)],
          alive: Array.from(e.clv?.pAlive ?? []),
          expected: Array.from(e.due.expectedDay),
        });
      expect({ what, clients: perClient(kept.engine) }).toEqual({
        what,
        clients: perClient(fresh.engine),
      });
    }
    // Every edit was taken up live, none by computing everything again.
    expect(live).toBe(60);
  });
});

describe('rank orders kept current', () => {
  it('give rfm()’s scores, and the sort’s order after clients move', async () => {
    const { rfm } = await import('../../electron/analytics/rfm');
    const { rfmColumns, rfmOrders, rfmFromRanked } =
      await import('../../electron/analytics/rfm-ranked');
    const { rankBy, reRank } = await import('../../electron/analytics/ranked');
    const { salesDataFromRows } = await import('../../electron/analytics/sales-data');
    const rng = new Rng(7);
    const rows = Array.from({ length: 3000 }, () => ({
      clientId: `c${String(rng.int(0, 400)).padStart(4, '0')}`,
      date: `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      // Fractions too: the comparator path, not only the packed one.
      amount: rng.int(-50, 5000) * (rng.chance(0.1) ? 0.37 : 1),
    }));
    const data = salesDataFromRows(rows);
    const asOf = 20_600;
    const columns = rfmColumns(data, asOf);
    const mine = rfmFromRanked(asOf, columns, rfmOrders(columns));
    const theirs = rfm(data, asOf);
    expect([...mine.r, ...mine.f, ...mine.m]).toEqual([...theirs.r, ...theirs.f, ...theirs.m]);
    expect(mine.segments).toEqual(theirs.segments);

    const value = Float64Array.from(
      data.clientIds,
      () => rng.int(0, 30) * (rng.chance(0.5) ? 1 : 0.5),
    );
    const all = Int32Array.from(data.clientIds, (_, i) => i);
    const order = rankBy(all, value, true);
    const moved = [3, 50, 51, 200];
    const flags = new Uint8Array(value.length);
    for (const c of moved) {
      flags[c] = 1;
      value[c] = rng.int(0, 30);
    }
    const sorted = all.slice().sort((x, y) => value[y]! - value[x]! || x - y);
    expect(Array.from(reRank(order, null, flags, moved, value, true))).toEqual(Array.from(sorted));
  });
});

describe('the activity table of the live dashboard', () => {
  it('follows comments and reassigned clients, and is not counted again after a sale', async () => {
    const anna = await world.call('managers.add', { name: 'Anna' });
    const boris = await world.call('managers.add', { name: 'Boris' });
    const client = await world.call('clients.create', makeClient({ managerId: anna.id }));
    await world.call('sales.add', { clientId: client.id, date: ASOF, amount: 100_00 });
    const activity = async (managerId: string | null) =>
      (
        await world.call('analytics.dashboard', { asOf: ASOF, ...(managerId ? { managerId } : {}) })
      ).activity.map((a) => [a.author, a.total]);
    expect(await activity(null)).toEqual([]);
    await world.call('comments.add', { clientId: client.id, kind: 'call', body: 'Called' });
    const author = (await world.call('comments.list', { clientId: client.id }))[0]!.author;
    expect(await activity(null)).toEqual([[author, 1]]);
    expect(await activity(anna.id)).toEqual([[author, 1]]);
    // A sale changes no comment: the same table (whatever the cache does, the counts hold).
    await world.call('sales.add', { clientId: client.id, date: ASOF, amount: 5_00 });
    expect(await activity(null)).toEqual([[author, 1]]);
    await world.call('comments.add', { clientId: client.id, kind: 'visit', body: 'Came by' });
    expect(await activity(null)).toEqual([[author, 2]]);
    // Reassigned: the client's comments leave Anna's dashboard for Boris's.
    expect(await activity(anna.id)).toEqual([[author, 2]]);
    await world.call('clients.update', { id: client.id, patch: { managerId: boris.id } });
    expect(await activity(anna.id)).toEqual([]);
    expect(await activity(boris.id)).toEqual([[author, 2]]);
    const comment = (await world.call('comments.list', { clientId: client.id }))[0]!;
    await world.call('comments.delete', { id: comment.id });
    expect(await activity(boris.id)).toEqual([[author, 1]]);
  });
});
