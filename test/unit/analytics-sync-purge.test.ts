/**
 * A client purged on another device leaves the analytics of this one when the purge arrives by
 * sync, also when the figures are kept in the analytics worker (as in the app): the worker's
 * sales in memory are dropped with the inline ones. The worker is bundled from the real
 * sources, as the build does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RfmResultOut } from '../../electron/api/contract';
import { carry, devicesPerTest } from '../helpers/exchange';
import { makeClient, makeWorld, type World } from '../helpers/world';
import { bundleFolder, bundleForNode } from '../helpers/bundle';

let bundleDir: string;
const device = devicesPerTest();
const worlds: World[] = [];

beforeAll(async () => {
  bundleDir = bundleFolder('analytics-purge');
  await bundleForNode({ 'analytics-worker': 'electron/services/analytics/worker.ts' }, bundleDir);
});

afterAll(() => {
  for (const w of worlds.splice(0)) w.dispose();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function rfm(w: World): Promise<RfmResultOut> {
  return w.call('analytics.rfm', { asOf: '2026-11-30' });
}

it('drops a client purged elsewhere from the figures the worker keeps', async () => {
  const shop = device();
  const laptop = makeWorld({
    app: { analyticsWorker: path.join(bundleDir, 'analytics-worker.cjs') },
  });
  worlds.push(laptop);
  const gone = await shop.call('clients.create', makeClient({ name: 'Удалить совсем' }));
  const kept = await shop.call('clients.create', makeClient({ name: 'Оставить' }));
  for (const [client, amount] of [
    [gone.id, 500_000],
    [kept.id, 120_000],
  ] as const) {
    await shop.call('sales.add', { clientId: client, date: '2026-10-01', amount });
    await shop.call('sales.add', { clientId: client, date: '2026-11-01', amount });
  }
  await carry(shop, laptop);
  const before = await rfm(laptop);
  expect(before.clients.map((c) => c.clientId).sort()).toEqual([gone.id, kept.id].sort());

  await shop.call('clients.delete', { id: gone.id });
  await shop.call('trash.empty', {});
  await carry(shop, laptop);

  expect(laptop.count('clients')).toBe(1);
  const after = await rfm(laptop);
  expect(after.clients.map((c) => c.clientId)).toEqual([kept.id]);
  expect(after.segments.reduce((n, s) => n + s.revenue, 0)).toBe(240_000);
  // It was the worker that answered, not the inline fallback.
  expect(laptop.logged.filter((m) => m.includes('analytics worker'))).toEqual([]);
});
