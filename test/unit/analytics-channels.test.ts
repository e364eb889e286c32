/**
 * The analytics channels through the real dispatch: the CDNOW sample imported as files (clients,
 * then sales) and fitted through `analytics.clv`; the in-memory store kept current by patches
 * equal to a fresh read; the dashboard, its drill-downs, thresholds and NPS answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSalesData } from '../../electron/services/analytics/source';
import { AnalyticsStore } from '../../electron/services/analytics/store';
import { createApp } from '../../electron/app';
import { makeClient, makeWorld, MIGRATIONS_DIR, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

const CDNOW = path.resolve(__dirname, '../fixtures/CDNOW_sample.txt');

describe('CDNOW through import and analytics.clv', () => {
  it('reproduces Fader, Hardie & Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', async () => {
    const lines = fs.readFileSync(CDNOW, 'utf8').trim().split('\n');
    const sales = ['Client code;Date;Amount'];
    const ids = new Set<string>();
    for (const line of lines) {
      const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/);
      ids.add(sampleId!);
      sales.push(`${sampleId};${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6)};${dollars}`);
    }
    const clientsFile = path.join(world.dir, 'clients.csv');
    fs.writeFileSync(
      clientsFile,
      ['Name;Client code', ...[...ids].map((id) => `Customer ${id};${id}`)].join('\n'),
    );
    const salesFile = path.join(world.dir, 'sales.csv');
    fs.writeFileSync(salesFile, sales.join('\n'));
    // Handed to the import as an upload to the browser shell would be.
    world.app.ctx.importer.allowFile(clientsFile);
    world.app.ctx.importer.allowFile(salesFile);
    const common = { onDuplicate: 'create', onInvalid: 'abort' } as const;
    const c = await world.call('import.run', {
      path: clientsFile,
      target: 'clients',
      mapping: { Name: 'name', 'Client code': 'externalId' },
      ...common,
    });
    expect(c.inserted).toBe(2357);
    const s = await world.call('import.run', {
      path: salesFile,
      target: 'sales',
      mapping: { 'Client code': 'externalId', Date: 'date', Amount: 'amount' },
      ...common,
    });
    expect(s.inserted).toBe(6919);

    const fit = await world.call('analytics.clv', {
      calibrationEnd: '1997-09-30',
      horizonWeeks: 39,
    });
    expect(fit.params.r.toPrecision(3)).toBe('0.243');
    expect(fit.params.alpha.toPrecision(4)).toBe('4.414');
    expect(fit.params.a.toPrecision(3)).toBe('0.793');
    expect(fit.params.b.toPrecision(4)).toBe('2.426');
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.clients).toHaveLength(2357);
    const first = fit.clients.find((x) => x.externalId === '0001')!;
    // Customer 0001: purchase days 1 Jan, 18 Jan, 2 Aug 1997 in the calibration period.
    expect(first).toMatchObject({ frequency: 2, recency: 213 / 7, T: 272 / 7 });
    expect(first.pAlive).toBeGreaterThan(0);
    expect(first.pAlive).toBeLessThanOrEqual(1);
  }, 60_000);
});

async function seed() {
  const a = await world.call('clients.create', makeClient({ name: 'Regular', externalId: 'R1' }));
  const b = await world.call('clients.create', makeClient({ name: 'Once', externalId: 'O1' }));
  const c = await world.call('clients.create', makeClient({ name: 'Small', externalId: 'S1' }));
  // The world's clock is 2026-11-12: a year of monthly purchases for "Regular".
  for (let m = 0; m < 12; m += 1) {
    const date = new Date(Date.UTC(2025, 11 + m, 5)).toISOString().slice(0, 10);
    await world.call('sales.add', { clientId: a.id, date, amount: 100_00 });
  }
  await world.call('sales.add', { clientId: b.id, date: '2026-06-01', amount: 50_00 });
  await world.call('sales.add', { clientId: c.id, date: '2026-10-01', amount: 10_00 });
  await world.call('sales.add', { clientId: c.id, date: '2026-10-20', amount: 5_00 });
  return { a, b, c };
}

describe('the dashboard and its store', () => {
  it('computes the matrix, drills into a cell, and follows new sales and the trash', async () => {
    const { a, b, c } = await seed();
    const input = { asOf: '2026-11-12', months: 12 };
    const first = await world.call('analytics.dashboard', input);
    // Revenue 1200, 50, 15 of 1265: Regular A (nothing before it), Once B (1200/1265 = 94.9 %
    // before it), Small C (1250/1265 = 98.8 %). Regular: 12 equal months → CV 0 → X; Once: one
    // day → Z; Small: Oct 10, Nov 0 → mean 7.5, σ 7.5, CV 1 → Y.
    expect(first.matrix.counts).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    const drill = await world.call('analytics.drill', { kind: 'matrix', key: 'BZ', ...input });
    expect(drill).toMatchObject({
      total: 1,
      rows: [{ clientId: b.id, externalId: 'O1', name: 'Once', abc: 'B', xyz: 'Z' }],
    });

    // One more sale moves "Small" up to B in ABC (60 + 15 > 50) and "Once" down to C.
    await world.call('sales.add', { clientId: c.id, date: '2026-11-01', amount: 60_00 });
    const second = await world.call('analytics.dashboard', input);
    expect(second.matrix.counts).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    await world.call('clients.delete', { id: a.id });
    const third = await world.call('analytics.dashboard', input);
    expect(third.matrix.counts.flat().reduce((x, y) => x + y, 0)).toBe(2);

    // The patched store holds exactly what a fresh read of the workbook gives.
    const patched = world.app.ctx.analytics.store.current().source;
    const fresh = loadSalesData(world.app.wb);
    expect(patched.data.clientIds).toEqual(fresh.data.clientIds);
    expect(Array.from(patched.data.start)).toEqual(Array.from(fresh.data.start));
    expect(Array.from(patched.data.day)).toEqual(Array.from(fresh.data.day));
    expect(Array.from(patched.data.revenue)).toEqual(Array.from(fresh.data.revenue));
    expect(patched.clients.externalId).toEqual(fresh.clients.externalId);
    expect(world.app.ctx.analytics.store.lastRefresh.kind).toBe('none');
    await world.call('clients.restore', { id: a.id });
    const again = new AnalyticsStore(world.app.wb).current().source;
    expect(world.app.ctx.analytics.store.current().source.data.clientIds).toEqual(
      again.data.clientIds,
    );
  });

  it('answers the fixed channels with clientId and externalId on every client row', async () => {
    const { a } = await seed();
    const abc = await world.call('analytics.abcxyz', { from: '2025-11-13', to: '2026-11-12' });
    expect(abc.clients.find((r) => r.clientId === a.id)).toEqual({
      clientId: a.id,
      externalId: 'R1',
      revenue: 1200_00,
      abc: 'A',
      cv: 0,
      xyz: 'X',
    });
    const rfm = await world.call('analytics.rfm', { asOf: '2026-11-12' });
    expect(rfm.clients).toHaveLength(3);
    expect(rfm.clients.every((r) => r.clientId && r.externalId && r.segment)).toBe(true);
    const retention = await world.call('analytics.retention', {
      periods: [{ from: '2026-01-01', to: '2026-11-12' }],
    });
    // Active on 1 Jan: Regular (bought 5 Dec). Active at the end: all three. New: Once, Small.
    expect(retention.periods[0]).toMatchObject({
      atStart: 1,
      atEnd: 3,
      new: 2,
      retentionRate: 1,
      cohortRetention: 1,
      churnRate: 0,
    });
    const ltv = await world.call('analytics.ltv', {
      from: '2025-11-13',
      to: '2026-11-12',
      groupBy: 'base',
    });
    expect(ltv.rows[0]).toMatchObject({ clients: 3, purchaseDays: 15, revenue: 1265_00 });
    const migration = await world.call('analytics.migration', {
      a: { from: '2024-11-13', to: '2025-11-12' },
      b: { from: '2025-11-13', to: '2026-11-12' },
    });
    expect(migration.new).toBe(3);
    expect(migration.clients.every((m) => m.externalId)).toBe(true);
  });

  it('keeps thresholds, refuses inverted ones, and records NPS answers', async () => {
    const { a } = await seed();
    expect(await world.call('analytics.settings', undefined)).toEqual({
      activeDays: 365,
      abcA: 0.8,
      abcB: 0.95,
      xyzX: 0.5,
      xyzPeriod: 'month',
      horizonWeeks: 52,
    });
    const refused = await world.send('settings.setAnalytics', { abcA: 0.97 });
    expect(refused).toMatchObject({ ok: false, error: { field: 'abcA' } });
    expect((await world.call('settings.setAnalytics', { activeDays: 180 })).activeDays).toBe(180);
    const answer = await world.call('nps.add', {
      clientId: a.id,
      score: 9,
      comment: 'Рекомендую',
      at: '2026-11-01',
    });
    await world.call('nps.add', { clientId: a.id, score: 3, at: '2026-11-02' });
    expect((await world.call('nps.list', { clientId: a.id })).map((n) => n.score)).toEqual([3, 9]);
    const board = await world.call('analytics.dashboard', { asOf: '2026-11-12' });
    expect(board.nps.total).toMatchObject({ answers: 2, promoters: 1, detractors: 1, nps: 0 });
    await world.call('nps.delete', { id: answer.id });
    expect(await world.call('nps.list', { clientId: a.id })).toHaveLength(1);
    expect(await world.send('nps.add', { clientId: a.id, score: 11 })).toMatchObject({ ok: false });
  });

  it('lists clients slipping away by their own rhythm, and lost ones only for win-back', async () => {
    const gone = await world.call(
      'clients.create',
      makeClient({ name: 'Gone quiet', externalId: 'G1' }),
    );
    const steady = await world.call(
      'clients.create',
      makeClient({ name: 'Steady', externalId: 'S2' }),
    );
    // Every 30 days: "Gone quiet" until 2026-07-15 (120 days before the clock's 2026-11-12),
    // "Steady" until 2026-11-01.
    for (let k = 0; k < 8; k += 1) {
      const at = (end: string) =>
        new Date(Date.parse(end) - k * 30 * 86_400_000).toISOString().slice(0, 10);
      await world.call('sales.add', { clientId: gone.id, date: at('2026-07-15'), amount: 500_00 });
      await world.call('sales.add', {
        clientId: steady.id,
        date: at('2026-11-01'),
        amount: 100_00,
      });
    }
    const due = await world.call('analytics.due', { asOf: '2026-11-12' });
    expect(due.slipping.map((d) => d.clientId)).toEqual([gone.id]);
    expect(due.slipping[0]).toMatchObject({
      externalId: 'G1',
      name: 'Gone quiet',
      lastPurchase: '2026-07-15',
      rhythmDays: 30,
      expected: '2026-08-14',
      overdueDays: 90,
      revenue: 4000_00,
    });
    await world.call('clients.update', {
      id: gone.id,
      patch: { stage: 'lost', lostReason: 'Переехал' },
    });
    expect((await world.call('analytics.due', { asOf: '2026-11-12' })).slippingCount).toBe(0);
    expect(await world.call('analytics.winBack', undefined)).toEqual([
      {
        clientId: gone.id,
        externalId: 'G1',
        name: 'Gone quiet',
        phone: gone.phone,
        lostReason: 'Переехал',
        revenue: 4000_00,
        lastPurchase: '2026-07-15',
        lastContact: null,
      },
    ]);
  });
});

describe('an analytics worker that cannot start', () => {
  it('computes in this thread instead, and says so in the log', async () => {
    const script = path.join(world.dir, 'broken-analytics.cjs');
    fs.writeFileSync(script, "throw new Error('cannot load');\n");
    const logged: string[] = [];
    const app = createApp({
      workbookPath: path.join(world.dir, 'fallback.kartoteka'),
      migrationsDir: MIGRATIONS_DIR,
      dataDir: world.dir,
      shell: 'web',
      version: 'test',
      systemLocale: 'en',
      analyticsWorker: script,
      logger: { info: () => undefined, error: (m) => logged.push(m) },
    });
    try {
      const created = await app.dispatch('clients.create', { name: 'Ann' });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.data as { id: string }).id;
      await app.dispatch('sales.add', { clientId: id, date: '2026-01-10', amount: 100 });
      const board = await app.dispatch('analytics.abcxyz', {
        from: '2026-01-01',
        to: '2026-12-31',
      });
      expect(board).toMatchObject({
        ok: true,
        data: { clients: [{ clientId: id, abc: 'A', xyz: 'Z' }] },
      });
      expect(logged).toEqual(['analytics worker could not start; computing inline']);
    } finally {
      app.close();
    }
  });
});
