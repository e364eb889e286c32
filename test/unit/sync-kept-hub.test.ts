/**
 * The hub's connection is kept from one sync to the next (a connection costs a TLS handshake and
 * a server process: ~50 ms here, more over a network), and given up when the hub is forgotten,
 * when a sync fails, and when the program closes. A real hub: the run's throwaway cluster.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connectHub } from '../../electron/services/sync/hub';
import { freshHubUrl } from '../helpers/fresh-hub';
import { makeClient, makeWorld, type World } from '../helpers/world';

/**
 * A device whose connections to the hub are counted; `failOnce()` makes the next sync's hub fail
 * once as it reads the device names, half-way through the sync.
 */
function countingDevice(): { world: World; connections: () => number; failOnce: () => void } {
  let connections = 0;
  let fail = false;
  const world = makeWorld({
    app: {
      connectHub: async (url) => {
        connections += 1;
        const hub = await connectHub(url);
        const deviceNames = hub.deviceNames.bind(hub);
        hub.deviceNames = (workbookId) => {
          if (!fail) return deviceNames(workbookId);
          fail = false;
          return Promise.reject(new Error('the hub failed'));
        };
        return hub;
      },
    },
  });
  return {
    world,
    connections: () => connections,
    failOnce: () => {
      fail = true;
    },
  };
}

/** How many of the program's connections the hub's server holds for the database at `url`. */
async function openOnServer(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE application_name = 'kartoteka' AND datname = current_database()`,
    );
    return Number(result.rows[0]!.n);
  } finally {
    await admin.end();
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}

describe('the hub kept between syncs', () => {
  it('serves syncs one after another on one connection, and is closed when the hub is forgotten', async () => {
    const url = await freshHubUrl();
    const { world, connections } = countingDevice();
    try {
      await world.call('sync.configure', { url, deviceName: 'Магазин' });
      const afterSetup = connections();
      for (let i = 0; i < 3; i += 1) {
        await world.call('clients.create', makeClient({ name: `Клиент ${i}` }));
        const result = await world.call('sync.now', undefined);
        expect(result.pushed).toBeGreaterThan(0);
      }
      expect(connections()).toBe(afterSetup);
      expect(await openOnServer(url)).toBeGreaterThan(0);

      await world.call('sync.disconnect', undefined);
      await until(async () => (await openOnServer(url)) === 0);
    } finally {
      world.dispose();
    }
  });

  it('syncs on after the server dropped its connections; after a failed sync, connects afresh', async () => {
    const url = await freshHubUrl();
    const { world, connections, failOnce } = countingDevice();
    try {
      await world.call('sync.configure', { url, deviceName: 'Магазин' });
      // The server restarts its sessions (an administrator, a failover): the kept one is gone.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'kartoteka' AND datname = current_database()`,
      );
      await admin.end();
      await world.call('clients.create', makeClient({ name: 'После перезапуска' }));
      const after = await world.call('sync.now', undefined);
      expect(after.pushed).toBeGreaterThan(0);
      expect((await world.call('sync.status', undefined)).lastError).toBeNull();

      const before = connections();
      expect(before).toBe(2);

      // A sync that fails gives up its hub; the one after it connects again and succeeds.
      failOnce();
      const failed = await world.send('sync.now', undefined);
      expect(failed.ok).toBe(false);
      expect(connections()).toBe(before);
      const again = await world.call('sync.now', undefined);
      expect(again.pulled).toBe(0);
      expect(connections()).toBe(before + 1);
      expect((await world.call('sync.status', undefined)).lastError).toBeNull();
    } finally {
      world.dispose();
    }
  });

  it('a sync running when its hub is given up ends as it would have, then the hub closes', async () => {
    const url = await freshHubUrl();
    const { world } = countingDevice();
    try {
      await world.call('sync.configure', { url, deviceName: 'Магазин' });
      await world.call('clients.create', makeClient({ name: 'В пути' }));
      // A background sync on the kept hub, and the hub given up meanwhile (set again, forgotten).
      const running = world.send('sync.now', undefined);
      world.app.ctx.sync.release();
      expect(await running).toMatchObject({ ok: true, data: { pushed: 1 } });
      await until(async () => (await openOnServer(url)) === 0);
    } finally {
      world.dispose();
    }
  });

  it('gives its connections back when the program closes', async () => {
    const url = await freshHubUrl();
    const { world } = countingDevice();
    await world.call('sync.configure', { url, deviceName: 'Магазин' });
    expect(await openOnServer(url)).toBeGreaterThan(0);
    world.dispose();
    await until(async () => (await openOnServer(url)) === 0);
  });
});
