/**
 * The analytics worker starts from the snapshot stored in the workbook: whatever was written
 * since (sales added, edited, deleted, clients trashed, restored, the trash emptied, an import),
 * across closing and opening the workbook, the dashboard it shows is exactly the one a fresh read
 * of every sale gives; a damaged snapshot or one of another layout is ignored and made anew.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rng } from '../../db/demo/prng';
import { openWorkbook, type Workbook } from '../../db/workbook';
import { createApp } from '../../electron/app';
import type { Dashboard } from '../../electron/api/contract';
import { DashboardCache } from '../../electron/services/analytics/dashboard';
import { readAnalyticsSettings } from '../../electron/services/analytics/settings';
import { packSnapshot, unpackSnapshot } from '../../electron/services/analytics/snapshot';
import { loadSalesData } from '../../electron/services/analytics/source';
import { salesDataFromRows } from '../../electron/analytics/sales-data';
import { AnalyticsStore } from '../../electron/services/analytics/store';
import { makeClient, makeWorld, MIGRATIONS_DIR, type World } from '../helpers/world';

const AS_OF = '2026-06-30';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

/** The dashboard (without its timings) a store computes, and how the store loaded. */
function dashboardOf(wb: Workbook, store: AnalyticsStore) {
  const cache = new DashboardCache(wb, store);
  const query = { asOf: AS_OF, months: 12, managerId: null };
  const { out } = cache.get(query, readAnalyticsSettings(wb));
  // How long it took differs from run to run; everything else must not.
  const board: Omit<Dashboard, 'timings'> & { timings?: unknown } = { ...out };
  delete board.timings;
  return { board, load: store.lastLoad };
}

/** What the worker shows at an open: from the snapshot when it can, storing a new one after. */
function atOpen(wb: Workbook) {
  const store = new AnalyticsStore(wb, { snapshot: true });
  const shown = dashboardOf(wb, store);
  store.saveSnapshot();
  return shown;
}

/** What a fresh read of every sale shows. */
const fresh = (wb: Workbook) => dashboardOf(wb, new AnalyticsStore(wb)).board;

const snapshotRows = (wb: Workbook) =>
  wb.sqlite.prepare('SELECT count(*) FROM analytics_snapshot').pluck().get() as number;

async function someClients(n: number, rng: Rng): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const client = await world.call('clients.create', makeClient({ externalId: `K${i}` }));
    ids.push(client.id);
    for (let s = rng.int(0, 6); s > 0; s--) await addRandomSale(client.id, rng);
  }
  return ids;
}

async function addRandomSale(clientId: string, rng: Rng) {
  const day = `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const amount = rng.chance(0.1) ? -rng.int(1, 50) * 100 : rng.int(1, 500) * 100;
  return world.call('sales.add', {
    clientId,
    date: rng.chance(0.3) ? `2026-0${rng.int(1, 6)}-15` : day,
    amount,
    ...(rng.chance(0.5) ? { margin: Math.round(amount / 3) } : {}),
  });
}

function importSales(lines: string[]) {
  const file = path.join(world.dir, `sales-${lines.length}-${Date.now()}.csv`);
  fs.writeFileSync(file, ['Client code;Date;Amount', ...lines].join('\n'));
  world.app.ctx.importer.allowFile(file);
  return world.call('import.run', {
    path: file,
    target: 'sales',
    mapping: { 'Client code': 'externalId', Date: 'date', Amount: 'amount' },
    onDuplicate: 'create',
    onInvalid: 'abort',
  });
}

describe('the analytics snapshot', () => {
  it('shows exactly the fresh dashboard after random writes, whatever happened since it was stored', async () => {
    const rng = new Rng(20261130);
    const ids = await someClients(24, rng);
    const managers = [
      null,
      ...(await Promise.all(
        ['Анна', 'Борис'].map(async (name) => (await world.call('managers.add', { name })).id),
      )),
    ];
    const wb = world.app.wb;
    const first = atOpen(wb);
    expect(first.load).toEqual({ from: 'sales', patched: 0 });
    expect(snapshotRows(wb)).toBe(1);
    expect(first.board).toEqual(fresh(wb));

    const trashed = new Set<string>();
    for (let round = 0; round < 8; round++) {
      // Every third round starts from a newly stored snapshot, the others patch an older one.
      if (round % 3 === 2) wb.sqlite.exec('DELETE FROM analytics_snapshot');
      const live = ids.filter((id) => !trashed.has(id));
      for (let op = 0; op < 6; op++) {
        const pick = live[rng.int(0, live.length - 1)]!;
        const sales = await world.call('sales.list', { clientId: pick });
        const which = Math.min(rng.int(0, 7), 6);
        if (which <= 1 || sales.length === 0) await addRandomSale(pick, rng);
        else if (which === 2) {
          const sale = sales[rng.int(0, sales.length - 1)]!;
          await world.call('sales.update', {
            id: sale.id,
            patch: { amount: sale.amount + 1_00, date: '2026-02-02' },
          });
        } else if (which === 3) {
          await world.call('sales.delete', { id: sales[rng.int(0, sales.length - 1)]!.id });
        } else if (which === 6) {
          // What the figures group by: kept in the snapshot, read afresh for changed clients.
          await world.call('clients.update', {
            id: pick,
            patch: {
              managerId: managers[rng.int(0, 2)]!,
              channel: rng.chance(0.3) ? null : `канал ${rng.int(1, 3)}`,
              externalId: rng.chance(0.2) ? null : `N${round}-${op}`,
            },
          });
        } else if (which === 4 && live.length > 4) {
          await world.call('clients.delete', { id: pick });
          trashed.add(pick);
        } else if (trashed.size > 0) {
          const back = [...trashed][0]!;
          await world.call('clients.restore', { id: back });
          trashed.delete(back);
        }
      }
      if (round === 3 || round === 6) {
        // Emptying the trash deletes history rows: the snapshot's watermark row may go with them.
        await world.call('trash.empty', undefined);
        for (const id of trashed) ids.splice(ids.indexOf(id), 1);
        trashed.clear();
      }
      if (round === 4) {
        await importSales([`K1;2026-05-01;120,00`, `K2;2026-05-02;80,00`, `K3;2024-12-31;5,00`]);
      }
      const shown = atOpen(wb);
      expect(shown.load?.from).toBe(round % 3 === 2 ? 'sales' : 'snapshot');
      expect(shown.board).toEqual(fresh(wb));
    }
  });

  it('starts from the snapshot after closing and opening the workbook, new sales patched in', async () => {
    const rng = new Rng(7);
    const ids = await someClients(10, rng);
    atOpen(world.app.wb);
    await addRandomSale(ids[3]!, rng);
    await world.call('clients.delete', { id: ids[4]! });
    world.app.close();

    const app = createApp({
      workbookPath: world.file,
      migrationsDir: MIGRATIONS_DIR,
      dataDir: world.dir,
      shell: 'web',
      version: 'test',
      systemLocale: 'en',
    });
    try {
      const shown = atOpen(app.wb);
      expect(shown.load).toEqual({ from: 'snapshot', patched: 2 });
      expect(shown.board).toEqual(fresh(app.wb));
      expect(shown.board.revenueByMonth.some((m) => m.revenue !== 0)).toBe(true);
    } finally {
      app.close();
    }
  });

  it('keeps what the figures group by and reads it afresh for clients edited since', async () => {
    const rng = new Rng(17);
    const ids = await someClients(8, rng);
    for (const id of ids)
      await world.call('sales.add', { clientId: id, date: '2026-05-05', amount: 10_00 });
    const vera = await world.call('managers.add', { name: 'Вера' });
    await world.call('clients.update', {
      id: ids[0]!,
      patch: { managerId: vera.id, channel: 'сайт' },
    });
    atOpen(world.app.wb);
    const edit = (id: string, patch: Record<string, unknown>) =>
      world.call('clients.update', { id, patch });
    // The same clients as in the snapshot: their attributes are written in place.
    await edit(ids[0]!, { managerId: null, channel: 'звонок' });
    await edit(ids[1]!, { managerId: vera.id, externalId: 'НОВЫЙ-1' });
    let shown = atOpen(world.app.wb);
    expect(shown.load).toEqual({ from: 'snapshot', patched: 2 });
    expect(shown.board).toEqual(fresh(world.app.wb));
    expect(shown.board.channels.map((c) => c.key)).toContain('звонок');
    expect(shown.board.ltv.byManager.find((r) => r.key === vera.id)?.clients).toBe(1);
    // And with clients come and gone: the attributes are laid out again around them.
    await edit(ids[2]!, { managerId: vera.id, channel: 'выставка' });
    await world.call('clients.delete', { id: ids[3]! });
    for (const code of ['Н1', 'Н2']) {
      const added = await world.call('clients.create', makeClient({ externalId: code }));
      await edit(added.id, { managerId: vera.id });
      await addRandomSale(added.id, rng);
    }
    shown = atOpen(world.app.wb);
    expect(shown.load?.from).toBe('snapshot');
    expect(shown.board).toEqual(fresh(world.app.wb));
    expect(shown.board.ltv.byManager.find((r) => r.key === vera.id)?.clients).toBe(4);
  });

  it('catches a client purged with its history, even when the watermark row stays', async () => {
    const rng = new Rng(11);
    const ids = await someClients(6, rng);
    const gone = ids[2]!;
    await world.call('sales.add', { clientId: gone, date: '2026-06-01', amount: 1_000_00 });
    await addRandomSale(ids[0]!, rng); // the snapshot's watermark: a row that stays
    atOpen(world.app.wb);
    // Trashed after the snapshot, then purged: both history rows of that are deleted.
    await world.call('clients.delete', { id: gone });
    await addRandomSale(ids[1]!, rng);
    await world.call('trash.empty', undefined);
    const shown = atOpen(world.app.wb);
    expect(shown.load?.from).toBe('snapshot');
    expect(shown.board).toEqual(fresh(world.app.wb));
    expect(shown.board.revenue.current).toBe(fresh(world.app.wb).revenue.current);
  });

  it('does not take a later history row that reused the watermark rowid for one it has seen', async () => {
    const rng = new Rng(13);
    const ids = await someClients(5, rng);
    await world.call('clients.delete', { id: ids[4]! }); // the snapshot's watermark row
    atOpen(world.app.wb);
    // The purge deletes the history's last rows: SQLite gives their rowids to the next ones.
    await world.call('trash.empty', undefined);
    await world.call('sales.add', { clientId: ids[0]!, date: '2026-06-20', amount: 777_00 });
    const shown = atOpen(world.app.wb);
    expect(shown.load?.from).toBe('sales');
    expect(shown.board).toEqual(fresh(world.app.wb));
  });

  it('reads all the sales again when the snapshot is damaged or of another layout', async () => {
    const rng = new Rng(5);
    await someClients(8, rng);
    const wb = world.app.wb;
    atOpen(wb);
    const stored = () =>
      wb.sqlite.prepare('SELECT data FROM analytics_snapshot').pluck().get() as Buffer;
    const good = Buffer.from(stored());
    const spoil = (data: Buffer, format = 1) =>
      wb.sqlite.prepare('UPDATE analytics_snapshot SET data = ?, format = ?').run(data, format);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x10; // one bit of one amount
    const cases: [string, () => void][] = [
      ['a flipped bit', () => spoil(flipped)],
      ['cut short', () => spoil(good.subarray(0, good.length - 8))],
      ['empty', () => spoil(Buffer.alloc(0))],
      ['another format', () => spoil(good, 99)],
      [
        'ids out of order',
        () =>
          wb.sqlite
            .prepare("UPDATE analytics_snapshot SET client_ids = 'b\na' || substr(client_ids, 4)")
            .run(),
      ],
      ['a text instead of bytes', () => wb.sqlite.exec("UPDATE analytics_snapshot SET data = 'x'")],
    ];
    for (const [name, damage] of cases) {
      damage();
      const shown = atOpen(wb);
      expect(shown.load?.from, name).toBe('sales');
      expect(shown.board, name).toEqual(fresh(wb));
      // And made anew: the next open starts from it.
      expect(atOpen(wb).load?.from, name).toBe('snapshot');
    }
  });

  it('packs and unpacks every column and attribute as it was', async () => {
    const ids = await someClients(12, new Rng(3));
    const manager = await world.call('managers.add', { name: 'Вера' });
    await world.call('clients.update', {
      id: ids[2]!,
      patch: { managerId: manager.id, channel: 'сайт "весна"\n2026', externalId: 'К-7\t"x"' },
    });
    await world.call('clients.update', { id: ids[5]!, patch: { managerId: manager.id } });
    const source = loadSalesData(world.app.wb);
    const back = unpackSnapshot(packSnapshot(source.data, source.clients, 4));
    expect(back?.skippedSales).toBe(4);
    expect(back?.clients).toEqual(source.clients);
    expect(back?.clients.channel).toContain('сайт "весна"\n2026');
    // Read in place when aligned, from a copy when not; the stored bytes are left as they were.
    const packed = packSnapshot(source.data, source.clients, 4);
    const stored = Buffer.from(packed.data);
    const shifted = Buffer.alloc(packed.data.length + 4);
    packed.data.copy(shifted, 4);
    const misaligned = shifted.subarray(4);
    expect(misaligned.byteOffset % 8).not.toBe(0);
    for (const data of [packed.data, misaligned]) {
      const again = unpackSnapshot({ ...packed, data });
      expect(again?.clients).toEqual(source.clients);
      expect(Array.from(again!.data.revenue)).toEqual(Array.from(source.data.revenue));
      expect(Buffer.compare(data, stored)).toBe(0);
    }
    for (const [key, column] of Object.entries(source.data)) {
      const got = back!.data[key as keyof typeof source.data];
      expect(Array.from(got as ArrayLike<unknown>), key).toEqual(
        Array.from(column as ArrayLike<unknown>),
      );
    }
  });

  it('keeps every amount exactly, whole or not, small or beyond 32 bits', () => {
    const attributes = (n: number) => ({
      externalId: new Array<string | null>(n).fill(null),
      managerId: new Array<string | null>(n).fill(null),
      channel: new Array<string | null>(n).fill(null),
    });
    const cases = [
      [{ clientId: 'a', date: '2026-01-02', amount: 100_00 }], // whole: int32, margins all zero
      [{ clientId: 'a', date: '2026-01-02', amount: 12.5, margin: 0.25 }],
      [
        { clientId: 'a', date: '2026-01-02', amount: 3_000_000_000_00, margin: -1 },
        { clientId: 'b', date: '2026-01-03', amount: -7_00 }, // a return only: an adjustment day
        { clientId: 'b', date: '2026-01-04', amount: 0, margin: 0 },
      ],
    ];
    for (const rows of cases) {
      const data = salesDataFromRows(rows);
      const back = unpackSnapshot(packSnapshot(data, attributes(data.clientIds.length), 0));
      for (const [key, column] of Object.entries(data)) {
        const got = back?.data[key as keyof typeof data];
        expect(Array.from(got as ArrayLike<unknown>), key).toEqual(
          Array.from(column as ArrayLike<unknown>),
        );
      }
    }
  });

  it('on a workbook open read-only is read but never written', async () => {
    const rng = new Rng(9);
    const ids = await someClients(3, rng);
    atOpen(world.app.wb);
    await addRandomSale(ids[1]!, rng);
    const expected = fresh(world.app.wb);
    const madeAt = () =>
      world.app.wb.sqlite.prepare('SELECT updated_at FROM analytics_snapshot').pluck().get();
    const stored = madeAt();
    world.app.close();
    const opened = (readOnly: boolean) =>
      openWorkbook(world.file, { migrationsDir: MIGRATIONS_DIR, readOnly });
    const showReadOnly = () => {
      const wb = opened(true);
      try {
        const store = new AnalyticsStore(wb, { snapshot: true, readOnly: true });
        const shown = dashboardOf(wb, store);
        expect(store.snapshotDue).toBe(false);
        expect(store.saveSnapshot()).toBe(false);
        return {
          ...shown,
          made: wb.sqlite.prepare('SELECT updated_at FROM analytics_snapshot').pluck().all(),
        };
      } finally {
        wb.close();
      }
    };
    expect(showReadOnly()).toEqual({
      board: expected,
      load: { from: 'snapshot', patched: 1 },
      made: [stored],
    });
    const wb = opened(false);
    wb.sqlite.exec('DELETE FROM analytics_snapshot');
    wb.close();
    expect(showReadOnly()).toEqual({
      board: expected,
      load: { from: 'sales', patched: 0 },
      made: [],
    });
  });
});
