/**
 * SIGKILL during a push and during a pull: a child process syncs a device's workbook through the
 * real code and is killed at growing moments until one sync finishes on its own. Afterwards the
 * hub holds each change once, nothing is lost, and both devices hold the same.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { freshHubUrl } from '../helpers/fresh-hub';
import { MIGRATIONS_DIR, makeWorld, type World } from '../helpers/world';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let child: string;

beforeAll(async () => {
  // Inside the project, so the child finds the native driver in node_modules.
  const cache = path.join(ROOT, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  dir = fs.mkdtempSync(path.join(cache, 'kartoteka-sync-kill-'));
  child = path.join(dir, 'kill-child.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['test/sync/kill-child.ts'],
    outfile: child,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs one sync of `workbook` in a child, killed after `killMs` (null: let it finish). */
function syncInChild(
  workbook: string,
  dataDir: string,
  killMs: number | null,
): Promise<'killed' | 'done'> {
  const plan = path.join(dir, `plan-${path.basename(dataDir)}.json`);
  fs.writeFileSync(plan, JSON.stringify({ workbook, migrationsDir: MIGRATIONS_DIR, dataDir }));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, plan], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (killMs !== null && !timer && out.includes('start')) {
        timer = setTimeout(() => proc.kill('SIGKILL'), killMs);
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.includes('done {"ok":true')) resolve('done');
      else reject(new Error(`child failed (${code}): ${err || out}`));
    });
  });
}

/** Kills syncs at growing moments until one finishes; `probe` measures progress after each kill. */
async function killUntilDone(
  workbook: string,
  dataDir: string,
  probe: () => Promise<number> | number,
): Promise<number[]> {
  const seen: number[] = [];
  for (let ms = 20; ; ms = Math.round(ms * 1.5)) {
    const outcome = await syncInChild(workbook, dataDir, ms);
    if (outcome === 'done') return seen;
    seen.push(await probe());
  }
}

/** Rows in a table of a workbook file, read by a connection of its own. */
function rowsIn(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

async function hubCounts(url: string): Promise<{ rows: number; distinct: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ rows: string; distinct: string }>(
      `SELECT count(*) AS rows,
              count(DISTINCT (device_id, hlc, entity, row_id, field)) AS distinct
       FROM kartoteka.changes`,
    );
    return { rows: Number(r.rows[0]!.rows), distinct: Number(r.rows[0]!.distinct) };
  } finally {
    await client.end();
  }
}

it('loses nothing and duplicates nothing when killed during push and during pull', async () => {
  const url = await freshHubUrl();
  const a = makeWorld();
  const b = makeWorld();
  const reopened: World[] = [];
  try {
    const made = await a.call('sync.configure', { url, deviceName: 'A' });
    await b.call('sync.configure', { url, deviceName: 'B', workbookId: made.workbookId! });
    const csv = path.join(a.dir, 'clients.csv');
    const lines = ['Имя;Телефон'];
    for (let i = 0; i < 10_000; i += 1)
      lines.push(`Клиент ${i};+7 913 ${String(i).padStart(7, '0')}`);
    fs.writeFileSync(csv, lines.join('\n'));
    a.app.ctx.importer.allowFile(csv);
    await a.call('import.run', {
      path: csv,
      target: 'clients',
      mapping: { Имя: 'name', Телефон: 'phone' },
      onDuplicate: 'create',
      onInvalid: 'abort',
    });
    await a.call('clients.bulk', { filter: {}, action: { type: 'addTag', tag: 'опт' } });
    expect((await a.call('sync.status', undefined)).pending).toBeGreaterThanOrEqual(20_000);
    const total = a.count('sync_log');
    a.app.close();
    b.app.close();

    // A pushes, killed again and again; then B pulls, killed again and again. Some kill must
    // land in the middle: the hub (or B) holding part of the changes.
    const pushed = await killUntilDone(a.file, a.dir, async () => (await hubCounts(url)).rows);
    expect(
      pushed.some((n) => n > 0 && n < total),
      `hub rows after kills: ${pushed.join(', ')}`,
    ).toBe(true);
    const afterPush = await hubCounts(url);
    expect(afterPush).toEqual({ rows: total, distinct: total });
    const pulled = await killUntilDone(b.file, b.dir, () => rowsIn(b.file, 'sync_log'));
    expect(
      pulled.some((n) => n > 0 && n < total),
      `B's log after kills: ${pulled.join(', ')}`,
    ).toBe(true);

    const onA = makeWorld();
    const onB = makeWorld();
    reopened.push(onA, onB);
    await onA.call('workbook.open', { path: a.file });
    await onB.call('workbook.open', { path: b.file });
    await onA.call('sync.now', undefined);
    await onB.call('sync.now', undefined);
    expect((await onA.call('sync.status', undefined)).pending).toBe(0);
    expect(onB.count('clients')).toBe(10_000);
    expect(syncDigest(onB.app.wb)).toBe(syncDigest(onA.app.wb));
    const end = await hubCounts(url);
    expect(end.rows).toBe(end.distinct);
    expect(end.rows).toBe(onA.count('sync_log'));
  } finally {
    for (const w of reopened) w.dispose();
    a.dispose();
    b.dispose();
  }
}, 300_000);
