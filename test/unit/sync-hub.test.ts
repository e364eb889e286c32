/**
 * The hub against a real, throwaway PostgreSQL: the schema made once (also when two devices
 * connect first at the same moment), pushes that never duplicate, pulls in pages, device names,
 * and the append-only role from the README that can add and read but not rewrite the log.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHub } from '../../electron/services/sync/hub';
import { HubError } from '../../electron/services/sync/hub-errors';
import type { Hub, HubChange } from '../../electron/services/sync/hub-types';
import { freshHubUrl } from '../helpers/fresh-hub';

const WB = '6f1c2a3e-0000-4000-8000-000000000001';
const OTHER_WB = '6f1c2a3e-0000-4000-8000-000000000002';
const DEV_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const DEV_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

const opened: { end(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.end()));
});

async function hubAt(url: string): Promise<Hub> {
  const hub = await connectHub(url);
  opened.push({ end: () => hub.close() });
  return hub;
}

/** A plain connection as the cluster's superuser, to look at the tables directly. */
async function sql(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  opened.push({ end: () => client.end() });
  return client;
}

/** `count` changes of device `device`, clocks in order from `from`. */
function changes(device: string, count: number, from = 0): HubChange[] {
  return Array.from({ length: count }, (_, i) => ({
    deviceId: device,
    hlc: `2026-11-30T09:25:43.788Z-${String(from + i).padStart(6, '0')}-${device.slice(0, 16)}`,
    entity: 'clients',
    rowId: `c${from + i}`,
    field: 'phone',
    value: `+7 900 ${from + i}`,
    base: null,
    actor: 'Петров',
  }));
}

describe('the hub schema', () => {
  it('is made once, and connecting again leaves the tables and their rows as they were', async () => {
    const url = await freshHubUrl();
    const hub = await hubAt(url);
    expect(await hub.schemaReady()).toBe(false);
    await hub.ensureSchema();
    expect(await hub.schemaReady()).toBe(true);
    await hub.registerWorkbook(WB, 'Магазин');
    expect(await hub.push(WB, changes(DEV_A, 2))).toBe(2);

    await hub.ensureSchema();
    const again = await hubAt(url);
    await again.ensureSchema();
    expect(await again.workbooks()).toMatchObject([{ id: WB, name: 'Магазин' }]);
    expect(await again.pull(WB, 0, DEV_B, 100)).toHaveLength(2);
    const db = await sql(url);
    expect((await db.query('SELECT version FROM kartoteka.schema_version')).rows).toEqual([
      { version: 1 },
    ]);
    expect(await hub.serverVersion()).toMatch(/^PostgreSQL \d+\.\d+$/);
  });

  it('two devices connecting first at the same moment both succeed', async () => {
    const url = await freshHubUrl();
    const [a, b] = await Promise.all([hubAt(url), hubAt(url)]);
    await Promise.all([a.ensureSchema(), b.ensureSchema()]);
    expect(await a.schemaReady()).toBe(true);
    expect(await b.schemaReady()).toBe(true);
  });
});

describe('push and pull', () => {
  it('a repeated push adds nothing, and values come back as they went', async () => {
    const hub = await hubAt(await freshHubUrl());
    await hub.ensureSchema();
    const three: HubChange[] = [
      { ...changes(DEV_A, 1, 0)[0]!, value: { name: 'Анна', tags: ['vip'] }, batchId: 'b1' },
      { ...changes(DEV_A, 1, 1)[0]!, value: 1250.5, base: '2026-11-29T00:00:00.000Z-0000-x' },
      { ...changes(DEV_A, 1, 2)[0]!, value: null, actor: null },
    ];
    expect(await hub.push(WB, three)).toBe(3);
    expect(await hub.push(WB, three)).toBe(0);

    const pulled = await hub.pull(WB, 0, DEV_B, 100);
    expect(pulled.map(({ seq: _seq, ...change }) => change)).toEqual([
      { ...three[0], batchId: 'b1' },
      { ...three[1], batchId: null },
      { ...three[2], batchId: null },
    ]);
    expect(pulled.every((c) => typeof c.seq === 'number')).toBe(true);
  });

  it('text with a NUL character, which jsonb cannot hold, goes and comes back as it was', async () => {
    const hub = await hubAt(await freshHubUrl());
    await hub.ensureSchema();
    const odd: HubChange[] = [
      { ...changes(DEV_A, 1, 0)[0]!, value: 'до\u0000после' },
      { ...changes(DEV_A, 1, 1)[0]!, value: { note: 'a\u0000b', n: 1 } },
      { ...changes(DEV_A, 1, 2)[0]!, value: { $kartoteka: 'looks like the wrapper' } },
    ];
    expect(await hub.push(WB, odd)).toBe(3);
    const pulled = await hub.pull(WB, 0, DEV_B, 10);
    expect(pulled.map((c) => c.value)).toEqual(odd.map((c) => c.value));
  });

  it('12,000 changes go in one push, in order, and a second push of them adds none', async () => {
    const hub = await hubAt(await freshHubUrl());
    await hub.ensureSchema();
    const many = changes(DEV_A, 12_000);
    expect(await hub.push(WB, many)).toBe(12_000);
    expect(await hub.push(WB, many)).toBe(0);

    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const page = await hub.pull(WB, after, DEV_B, 5000);
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.hlc));
      after = page.at(-1)!.seq;
    }
    expect(seen).toEqual(many.map((c) => c.hlc));
  });

  it('a push that fails in its last batch leaves nothing of the earlier ones', async () => {
    const url = await freshHubUrl();
    const hub = await hubAt(url);
    await hub.ensureSchema();
    const many = changes(DEV_A, 6000);
    many[5500] = { ...many[5500]!, deviceId: 'not-a-uuid' };
    await expect(hub.push(WB, many)).rejects.toBeInstanceOf(HubError);
    const db = await sql(url);
    expect((await db.query('SELECT count(*)::int AS n FROM kartoteka.changes')).rows).toEqual([
      { n: 0 },
    ]);
  });

  it('pull pages by seq, leaves out the asking device and other workbooks', async () => {
    const hub = await hubAt(await freshHubUrl());
    await hub.ensureSchema();
    await hub.push(WB, changes(DEV_A, 3, 0));
    await hub.push(WB, changes(DEV_B, 2, 100));
    await hub.push(OTHER_WB, changes(DEV_A, 2, 200));
    await hub.push(WB, changes(DEV_A, 3, 3));

    const forB = await hub.pull(WB, 0, DEV_B, 4);
    expect(forB.map((c) => c.rowId)).toEqual(['c0', 'c1', 'c2', 'c3']);
    const rest = await hub.pull(WB, forB.at(-1)!.seq, DEV_B, 4);
    expect(rest.map((c) => c.rowId)).toEqual(['c4', 'c5']);
    expect(await hub.pull(WB, rest.at(-1)!.seq, DEV_B, 4)).toEqual([]);

    const forA = await hub.pull(WB, 0, DEV_A, 100);
    expect(forA.map((c) => c.rowId)).toEqual(['c100', 'c101']);
    expect(forA[0]!.seq).toBeLessThan(forA[1]!.seq);
  });
  it('a device pulling while two others push misses none of their changes', async () => {
    // seq is given out when a row is written, not when it commits: a small push committing
    // while a big one is still writing would let a puller step past the big one's rows.
    const url = await freshHubUrl();
    const [a, b, reader] = await Promise.all([hubAt(url), hubAt(url), hubAt(url)]);
    await a.ensureSchema();
    const big = changes(DEV_A, 15_000);
    const small = changes(DEV_B, 20, 100_000);
    let done = false;
    const pushes = Promise.all([
      a.push(WB, big),
      // Starts once the big push is under way.
      reader.pull(WB, 0, WB, 1).then(() => b.push(WB, small)),
    ]).finally(() => {
      done = true;
    });
    const seen = new Set<string>();
    let after = 0;
    const drain = async () => {
      for (let page = await reader.pull(WB, after, WB, 5000); page.length > 0;) {
        for (const change of page) seen.add(change.hlc);
        after = page.at(-1)!.seq;
        page = await reader.pull(WB, after, WB, 5000);
      }
    };
    while (!done) await drain();
    await pushes;
    await drain();
    expect(seen.size).toBe(big.length + small.length);
  });
});

describe('workbooks and devices', () => {
  it('a renamed device shows its latest name; the same name again adds no row', async () => {
    const url = await freshHubUrl();
    const hub = await hubAt(url);
    await hub.ensureSchema();
    await hub.registerWorkbook(WB, 'Магазин');
    await hub.registerWorkbook(WB, 'Другое имя');
    await hub.registerDevice(WB, DEV_A, 'Ноутбук');
    await hub.registerDevice(WB, DEV_B, 'ПК в магазине');
    await hub.registerDevice(WB, DEV_A, 'Ноутбук Петрова');
    await hub.registerDevice(WB, DEV_A, 'Ноутбук Петрова');
    await hub.registerDevice(OTHER_WB, DEV_A, 'Elsewhere');

    expect(await hub.deviceNames(WB)).toEqual(
      new Map([
        [DEV_A, 'Ноутбук Петрова'],
        [DEV_B, 'ПК в магазине'],
      ]),
    );
    expect(await hub.workbooks()).toMatchObject([{ id: WB, name: 'Магазин' }]);
    const db = await sql(url);
    const rows = await db.query('SELECT count(*)::int AS n FROM kartoteka.devices');
    expect(rows.rows).toEqual([{ n: 4 }]);
  });
});

/** The README's block of grants, for a role and database of this test. */
function readmeGrants(role: string, database: string): string {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const block = [...readme.matchAll(/```sql\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((text) => text.includes('kartoteka.changes'));
  if (!block) throw new Error('README.md has no sql block of grants on kartoteka.changes');
  return block.replaceAll('kartoteka_app', role).replace('DATABASE hub', `DATABASE ${database}`);
}

describe('the append-only role of the README', () => {
  it('pushes and pulls, but cannot update, delete or truncate the log', async () => {
    const url = await freshHubUrl();
    const owner = await hubAt(url);
    await owner.ensureSchema();
    const database = new URL(url).pathname.slice(1);
    const role = `app_${database}`;
    await (await sql(url)).query(readmeGrants(role, database));

    const appUrl = url.replace('//kt@', `//${role}:secret@`);
    const app = await hubAt(appUrl);
    await app.ensureSchema();
    expect(await app.schemaReady()).toBe(true);
    await app.registerWorkbook(WB, 'Магазин');
    await app.registerDevice(WB, DEV_A, 'Ноутбук');
    expect(await app.push(WB, changes(DEV_A, 3))).toBe(3);
    expect(await app.push(WB, changes(DEV_A, 3))).toBe(0);
    expect(await app.pull(WB, 0, DEV_B, 10)).toHaveLength(3);

    const direct = await sql(appUrl);
    for (const statement of [
      `UPDATE kartoteka.changes SET value = '"x"'`,
      'DELETE FROM kartoteka.changes',
      'TRUNCATE kartoteka.changes',
      `UPDATE kartoteka.devices SET name = 'x'`,
      'DELETE FROM kartoteka.workbooks',
    ]) {
      await expect(direct.query(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
    expect(await owner.pull(WB, 0, DEV_B, 10)).toHaveLength(3);
  });

  it('on a hub without tables, says the owner must connect first', async () => {
    const url = await freshHubUrl();
    const database = new URL(url).pathname.slice(1);
    const role = `bare_${database}`;
    await (
      await sql(url)
    ).query(`CREATE ROLE ${role} LOGIN;
      REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE CREATE ON DATABASE ${database} FROM PUBLIC`);
    const app = await hubAt(url.replace('//kt@', `//${role}@`));
    expect(await app.schemaReady()).toBe(false);
    await expect(app.ensureSchema()).rejects.toMatchObject({
      key: 'sync_hub_not_ready',
      offline: false,
    });
  });
});
