/**
 * Sync through a PostgreSQL hub (a throwaway cluster of Debian's PostgreSQL, on this machine),
 * on a copy of the bench's workbook: the first sync of the whole workbook, a sync with nothing
 * to do, 1,000 changes each way, a 10,000-client bulk edit pushed, and a new device joining
 * from a saved copy plus the changes made after it. Each beside a floor: the same rows moved by
 * plain SQL with `pg` (multi-row INSERTs of the same columns, or the SELECT of them), without
 * the app's reading, logging, merging and applying.
 * `npm run bench -- --clients 100000 --only sync`.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../../electron/app';
import type { ChannelName, InputOf, OutputOf } from '../../electron/api/contract';
import { startPgCluster } from '../../test/helpers/pg-cluster';
import { copyDurably, percentile, timeAsync, type Figure } from '../measure';
import { sample, type BenchContext, type Measurement } from './types';

async function call<C extends ChannelName>(
  app: App,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data as OutputOf<C>;
}

const FLOOR_TABLE = `CREATE TABLE IF NOT EXISTS floor_changes (
  seq bigserial PRIMARY KEY, workbook_id uuid, device_id uuid, hlc text, entity text,
  row_id text, field text, value jsonb, base text, actor text)`;

/** The log rows of a workbook with `n` above `after`, as the hub's columns. */
function logRows(app: App, after: number): unknown[][] {
  return app.wb.sqlite
    .prepare(
      'SELECT device, hlc, entity, row_id, field, value, base, actor FROM sync_log WHERE n > ? ORDER BY n',
    )
    .raw()
    .all(after) as unknown[][];
}

/** The floor of a push: the same rows inserted by plain multi-row INSERTs of 5,000. */
async function insertFloor(url: string, workbookId: string, rows: unknown[][]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(FLOOR_TABLE);
    const [, ms] = await timeAsync(async () => {
      await client.query('BEGIN');
      for (let i = 0; i < rows.length; i += 5000) {
        const page = rows.slice(i, i + 5000);
        const column = (k: number) => page.map((r) => r[k]);
        await client.query(
          `INSERT INTO floor_changes (workbook_id, device_id, hlc, entity, row_id, field, value, base, actor)
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[])`,
          [
            workbookId,
            column(0),
            column(1),
            column(2),
            column(3),
            column(4),
            column(5),
            column(6),
            column(7),
          ],
        );
      }
      await client.query('COMMIT');
    });
    return ms;
  } finally {
    await client.end();
  }
}

/** The floor of a pull: the same number of the hub's rows read by one plain SELECT (with a connect). */
async function selectFloor(url: string, workbookId: string, limit: number): Promise<number> {
  const [, ms] = await timeAsync(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        'SELECT * FROM kartoteka.changes WHERE workbook_id = $1 ORDER BY seq DESC LIMIT $2',
        [workbookId, limit],
      );
    } finally {
      await client.end();
    }
  });
  return ms;
}

function device(bench: BenchContext, dir: string, file: string, name: string): App {
  return createApp({
    workbookPath: file,
    migrationsDir: bench.migrationsDir,
    dataDir: path.join(dir, `${name}-data`),
    shell: 'web',
    version: 'bench',
    systemLocale: 'en',
    dailyBackups: false,
    syncEveryMs: 0,
    // The integrity check in its worker, as in the app (the bench's bundle sits beside it).
    integrityWorker: path.join(__dirname, 'integrity-worker.cjs'),
    logger: { info: () => undefined, error: (m) => bench.log(m) },
  });
}

async function edit(app: App, ids: readonly string[], note: string): Promise<void> {
  for (const id of ids) await call(app, 'clients.update', { id, patch: { note } });
}

export const syncHub: Measurement = {
  name: 'sync',
  async run(bench) {
    const dir = fs.mkdtempSync(path.join(path.dirname(bench.file), 'kartoteka-bench-sync-'));
    const cluster = await startPgCluster();
    const apps: App[] = [];
    try {
      const url = await cluster.createDatabase();
      bench.app.wb.checkpoint();
      const shopFile = path.join(dir, 'shop.kartoteka');
      copyDurably(bench.file, shopFile);
      const shop = device(bench, dir, shopFile, 'shop');
      apps.push(shop);
      bench.log('sync: the first sync logs and sends the whole workbook…');
      const [made, firstMs] = await timeAsync(() =>
        call(shop, 'sync.configure', { url, deviceName: 'Shop' }),
      );
      const workbookId = made.workbookId!;
      const everything = logRows(shop, 0);
      const firstFloor = await insertFloor(url, workbookId, everything);

      // The joiner's copy, taken now: it will pull only what comes after.
      const joinerFile = path.join(dir, 'joiner.kartoteka');
      await call(shop, 'workbook.saveCopy', { path: joinerFile });
      const laptopFile = path.join(dir, 'laptop.kartoteka');
      await call(shop, 'workbook.saveCopy', { path: laptopFile });
      const laptop = device(bench, dir, laptopFile, 'laptop');
      apps.push(laptop);
      await call(laptop, 'sync.configure', { url, deviceName: 'Laptop', workbookId });

      const idle: number[] = [];
      for (let i = 0; i < 5; i += 1)
        idle.push((await timeAsync(() => call(shop, 'sync.now', undefined)))[1]);
      const idleFloor: number[] = [];
      for (let i = 0; i < 5; i += 1) idleFloor.push(await selectFloor(url, workbookId, 0));

      bench.log('sync: 1,000 changes on each side…');
      const ids = sample(bench.rng, bench.liveIds, 2000);
      await edit(laptop, ids.slice(0, 1000), 'from the laptop');
      await call(laptop, 'sync.now', undefined);
      const shopBefore = shop.wb.sqlite
        .prepare('SELECT max(n) FROM sync_log')
        .pluck()
        .get() as number;
      await edit(shop, ids.slice(1000), 'from the shop');
      const [both, bothMs] = await timeAsync(() => call(shop, 'sync.now', undefined));
      const bothFloor =
        (await insertFloor(url, workbookId, logRows(shop, shopBefore).slice(0, both.pushed))) +
        (await selectFloor(url, workbookId, both.pulled));

      bench.log('sync: a bulk edit of 10,000 clients…');
      const bulkIds = sample(bench.rng, bench.liveIds, 10_000);
      const beforeBulk = shop.wb.sqlite
        .prepare('SELECT max(n) FROM sync_log')
        .pluck()
        .get() as number;
      await call(shop, 'clients.bulk', {
        ids: bulkIds,
        action: { type: 'addTag', tag: 'bench-sync' },
      });
      const [bulk, bulkMs] = await timeAsync(() => call(shop, 'sync.now', undefined));
      const bulkFloor = await insertFloor(url, workbookId, logRows(shop, beforeBulk));

      bench.log('sync: a new device joins from the copy…');
      const joiner = device(bench, dir, joinerFile, 'joiner');
      apps.push(joiner);
      const [, joinMs] = await timeAsync(() =>
        call(joiner, 'sync.configure', { url, deviceName: 'New laptop', workbookId }),
      );
      const joined = joiner.wb.sqlite
        .prepare(
          "SELECT count(*) FROM changes c JOIN batches b ON b.id = c.batch_id WHERE b.kind = 'sync'",
        )
        .pluck()
        .get() as number;
      const later = both.pushed + both.pulled + bulk.pushed;
      const joinFloor = await selectFloor(url, workbookId, later);
      const n = (v: number) => v.toLocaleString('en-US');
      return [
        {
          name: `first sync of the whole workbook (${n(everything.length)} records and fields)`,
          ms: firstMs,
          floorMs: firstFloor,
          note: 'logged, then sent; floor: the same rows INSERTed',
        },
        {
          name: 'sync with nothing to do (median of 5)',
          ms: percentile(idle, 50),
          floorMs: percentile(idleFloor, 50),
          note: 'target < 100 ms; floor: a connect and an empty SELECT',
        },
        {
          name: `1,000 changes each way (pushed ${n(both.pushed)}, pulled ${n(both.pulled)})`,
          ms: bothMs,
          floorMs: bothFloor,
          note: 'target < 2 s',
        },
        {
          name: `a 10,000-client bulk edit pushed (${n(bulk.pushed)} changes)`,
          ms: bulkMs,
          floorMs: bulkFloor,
          note: 'target < 5 s',
        },
        {
          name: `a new device joins from a copy + ${n(later)} later changes`,
          ms: joinMs,
          floorMs: joinFloor,
          note: `target < 30 s; ${n(joined)} field changes applied`,
        },
      ] satisfies Figure[];
    } finally {
      for (const app of apps) app.close();
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
