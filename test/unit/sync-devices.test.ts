/**
 * Devices meeting through a real PostgreSQL hub (the run's throwaway cluster, a fresh database
 * per test): joining, merging field by field in every order, conflicts on both sides, nothing to
 * do, and the errors a user can meet.
 */
import { describe, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { readMeta } from '../../db/queries/sync-log';
import { freshHubUrl } from '../helpers/fresh-hub';
import { devicesPerTest } from '../helpers/exchange';
import { makeClient, type World } from '../helpers/world';

const device = devicesPerTest();

async function fleet(url: string, n: number): Promise<World[]> {
  const devices = Array.from({ length: n }, () => device());
  const first = await devices[0]!.call('sync.configure', { url, deviceName: 'Магазин' });
  for (const [i, d] of devices.slice(1).entries()) {
    await d.call('sync.configure', {
      url,
      deviceName: `Ноутбук ${i + 1}`,
      workbookId: first.workbookId!,
    });
  }
  return devices;
}

const sync = (d: World) => d.call('sync.now', undefined);

describe('sync through the hub', () => {
  it('gives a new device everything: cards, portrait, comments, reminders, sales, plans, NPS, lists', async () => {
    const url = await freshHubUrl();
    const shop = device();
    await shop.call('fields.define', { key: 'size', label: 'Размер', type: 'number' });
    const manager = await shop.call('managers.add', { name: 'Ирина' });
    const client = await shop.call(
      'clients.create',
      makeClient({ name: 'Анна', managerId: manager.id, custom: { size: 38 } }),
    );
    await shop.call('comments.add', { clientId: client.id, kind: 'call', body: 'Звонила' });
    await shop.call('reminders.add', {
      clientId: client.id,
      title: 'Перезвонить',
      due: '2026-12-03',
    });
    await shop.call('sales.add', { clientId: client.id, date: '2026-11-20', amount: 350000 });
    await shop.call('plans.set', {
      clientId: client.id,
      category: 'Обувь',
      period: '2026',
      plan: 1e6,
    });
    await shop.call('nps.add', { clientId: client.id, score: 9 });
    await shop.call('lostReasons.add', { label: 'Переехал' });
    await shop.call('views.save', { name: 'Мои', definition: { query: 'Анна' } });
    const status = await shop.call('sync.configure', { url, deviceName: 'Магазин' });
    expect(status).toMatchObject({ configured: true, pending: 0, lastError: null });

    const laptop = device();
    const joined = await laptop.call('sync.configure', {
      url,
      deviceName: 'Ноутбук Петрова',
      workbookId: status.workbookId!,
    });
    expect(joined.workbookId).toBe(status.workbookId);
    expect(joined.deviceId).not.toBe(status.deviceId);
    const card = await laptop.call('clients.get', { id: client.id });
    expect(card).toMatchObject({ name: 'Анна', managerId: manager.id, custom: { size: 38 } });
    expect(await laptop.call('sales.list', { clientId: client.id })).toHaveLength(1);
    expect(await laptop.call('reminders.list', { clientId: client.id })).toHaveLength(1);
    expect(syncDigest(laptop.app.wb)).toBe(syncDigest(shop.app.wb));
    // Found on the new device by a word of the comment (its search index was built).
    const found = await laptop.call('clients.list', { query: 'Звонила' });
    expect(found.rows.map((r) => r.id)).toEqual([client.id]);
  });

  it('merges edits of different fields on three devices the same whatever the order of syncs', async () => {
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const url = await freshHubUrl();
      const devices = await fleet(url, 3);
      const [a, b, c] = devices as [World, World, World];
      const ids = [];
      for (let i = 0; i < 3; i += 1) ids.push((await a.call('clients.create', makeClient())).id);
      for (const d of devices) await sync(d);
      for (const id of ids) {
        await a.call('clients.update', { id, patch: { email: `a-${id.slice(-4)}@mail.ru` } });
        await b.call('clients.update', { id, patch: { company: 'ООО «Б»' } });
        await c.call('clients.update', { id, patch: { note: 'от В' } });
      }
      for (const i of order) await sync(devices[i]!);
      for (const i of order) await sync(devices[i]!);
      const digests = devices.map((d) => syncDigest(d.app.wb));
      expect(new Set(digests).size, `order ${order.join('')}`).toBe(1);
      const card = await c.call('clients.get', { id: ids[0]! });
      expect(card).toMatchObject({ company: 'ООО «Б»', note: 'от В' });
      expect(card.email).toMatch(/^a-/);
    }
  }, 120_000);

  it('lists the losing value on both devices and lets "keep mine" win after the next sync', async () => {
    const url = await freshHubUrl();
    const [a, b] = (await fleet(url, 2)) as [World, World];
    const client = await a.call('clients.create', makeClient());
    await sync(a);
    await sync(b);
    await a.call('clients.update', { id: client.id, patch: { phone: '+7 901 111-11-11' } });
    await b.call('clients.update', { id: client.id, patch: { phone: '+7 902 222-22-22' } });
    const fromA = await sync(a);
    const fromB = await sync(b);
    expect(fromB.conflicts).toBe(1);
    await sync(a);
    expect(fromA.pushed).toBeGreaterThan(0);
    const winner = (await a.call('clients.get', { id: client.id })).phone;
    expect((await b.call('clients.get', { id: client.id })).phone).toBe(winner);
    const onA = await a.call('sync.conflicts', { clientId: client.id });
    const onB = await b.call('sync.conflicts', { clientId: client.id });
    expect(onA).toHaveLength(1);
    expect(onB).toHaveLength(1);
    const loser = onA[0]!.winner === 'mine' ? b : a;
    const [conflict] = await loser.call('sync.conflicts', undefined);
    expect(conflict).toMatchObject({ winner: 'theirs', field: 'phone' });
    expect(conflict!.mine.deviceName).toMatch(/Магазин|Ноутбук/);
    await loser.call('sync.resolve', { id: conflict!.id, keep: 'mine' });
    await sync(loser);
    const other = loser === a ? b : a;
    await sync(other);
    const kept = conflict!.mine.value;
    expect((await other.call('clients.get', { id: client.id })).phone).toBe(kept);
    expect((await loser.call('clients.get', { id: client.id })).phone).toBe(kept);
    expect(await other.call('sync.conflicts', undefined)).toHaveLength(0);
    expect(await loser.call('sync.conflicts', undefined)).toHaveLength(0);
  });

  it('does nothing when nothing changed, and a repeated push inserts nothing', async () => {
    const url = await freshHubUrl();
    const [a, b] = (await fleet(url, 2)) as [World, World];
    await a.call('clients.create', makeClient());
    expect((await sync(a)).pushed).toBeGreaterThan(0);
    // The next pull starts past what it pushed (a copy of it pulls only what comes later).
    const lastSeq = () => Number(readMeta(a.app.wb).last_seq ?? 0);
    expect(lastSeq()).toBeGreaterThan(0);
    expect(await sync(a)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    expect((await sync(b)).pulled).toBeGreaterThan(0);
    expect(await sync(b)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    // As after a crash between the hub's commit and the local mark: everything sent again.
    a.app.wb.sqlite.prepare('UPDATE sync_log SET pushed = 0').run();
    expect((await sync(a)).pushed).toBe(0);
    expect((await a.call('sync.status', undefined)).pending).toBe(0);
  });

  it('joins from a saved copy of the workbook and pulls only what came after it', async () => {
    const url = await freshHubUrl();
    const shop = device();
    for (let i = 0; i < 20; i += 1) await shop.call('clients.create', makeClient());
    const status = await shop.call('sync.configure', { url, deviceName: 'Магазин' });
    const laptop = device();
    const copyPath = `${laptop.dir}/copy.kartoteka`;
    await shop.call('workbook.saveCopy', { path: copyPath });
    const later = await shop.call('clients.create', makeClient({ name: 'После копии' }));
    await sync(shop);

    await laptop.call('workbook.open', { path: copyPath });
    const before = await laptop.call('sync.status', undefined);
    expect(before.configured).toBe(false);
    expect(before.deviceId).not.toBe(status.deviceId);
    const joined = await laptop.call('sync.configure', {
      url,
      deviceName: 'Ноутбук',
      workbookId: status.workbookId!,
    });
    expect(joined.lastError).toBeNull();
    expect((await laptop.call('clients.get', { id: later.id })).name).toBe('После копии');
    expect(syncDigest(laptop.app.wb)).toBe(syncDigest(shop.app.wb));
    // Only the client made after the copy came through the hub; the copy held the rest.
    const pulled = laptop.app.wb.sqlite
      .prepare(
        "SELECT DISTINCT c.client_id FROM changes c JOIN batches b ON b.id = c.batch_id WHERE b.kind = 'sync'",
      )
      .pluck()
      .all();
    expect(pulled).toEqual([later.id]);
  });

  it('says what is wrong, beside the field that caused it', async () => {
    const url = await freshHubUrl();
    const a = device();
    await a.call('clients.create', makeClient());
    const bad = await a.send('sync.configure', { url: 'http://example.org', deviceName: 'Я' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const first = device();
    const made = await first.call('sync.configure', { url, deviceName: 'Первый' });
    const notEmpty = await a.send('sync.configure', {
      url,
      deviceName: 'Я',
      workbookId: made.workbookId!,
    });
    expect(notEmpty).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const notConfigured = await a.send('sync.now', undefined);
    expect(notConfigured).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is quietly offline when the hub cannot be reached, and catches up later', async () => {
    const url = await freshHubUrl();
    const [a, b] = (await fleet(url, 2)) as [World, World];
    const client = await a.call('clients.create', makeClient());
    // The hub's address as this device knows it, pointed at a closed port meanwhile.
    const hub = a.app.wb.sqlite
      .prepare("SELECT value FROM sync_meta WHERE key = 'hub'")
      .pluck()
      .get() as string;
    const away = new URL(hub);
    away.port = '9';
    a.app.wb.sqlite
      .prepare("UPDATE sync_meta SET value = ? WHERE key = 'hub'")
      .run(away.toString());
    const failed = await a.send('sync.now', undefined);
    expect(failed.ok).toBe(false);
    const offline = await a.call('sync.status', undefined);
    expect(offline).toMatchObject({ offline: true, lastError: null });
    expect(offline.pending).toBeGreaterThan(0);
    a.app.wb.sqlite.prepare("UPDATE sync_meta SET value = ? WHERE key = 'hub'").run(hub);
    await sync(a);
    await sync(b);
    expect((await b.call('clients.get', { id: client.id })).name).toBe(client.name);
    expect((await a.call('sync.status', undefined)).offline).toBe(false);
  });

  it('gets back its own changes after a backup taken before them is restored', async () => {
    const url = await freshHubUrl();
    const [a, b] = (await fleet(url, 2)) as [World, World];
    await a.call('clients.create', makeClient({ name: 'До копии' }));
    await sync(a);
    const backup = await a.call('workbook.backup', undefined);
    const after = await a.call('clients.create', makeClient({ name: 'После копии' }));
    await sync(a);
    await a.call('workbook.restore', { path: backup.path });
    expect((await a.send('clients.get', { id: after.id })).ok).toBe(false);
    await sync(a);
    expect((await a.call('clients.get', { id: after.id })).name).toBe('После копии');
    // And what it writes next wins over what it wrote before the restore.
    await a.call('clients.update', { id: after.id, patch: { name: 'Снова здесь' } });
    await sync(a);
    await sync(b);
    expect((await b.call('clients.get', { id: after.id })).name).toBe('Снова здесь');
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });

  it('sends everything to a new hub it is moved to', async () => {
    const first = await freshHubUrl();
    const shop = device();
    const client = await shop.call('clients.create', makeClient({ name: 'Переезд' }));
    await shop.call('sync.configure', { url: first, deviceName: 'Магазин' });
    shop.app.ctx.sync.disconnect();
    const second = await freshHubUrl();
    const moved = await shop.call('sync.configure', { url: second, deviceName: 'Магазин' });
    expect(moved.pending).toBe(0);
    const laptop = device();
    await laptop.call('sync.configure', {
      url: second,
      deviceName: 'Ноутбук',
      workbookId: moved.workbookId!,
    });
    expect((await laptop.call('clients.get', { id: client.id })).name).toBe('Переезд');
  });
});
