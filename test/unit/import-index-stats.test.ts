/**
 * A large import drops indexes while it writes and builds them again at the end; dropping an
 * index drops the query planner's statistics for it. They are taken again in the same
 * transaction: without those of both sales indexes SQLite looked for a chunk's repeats of
 * earlier sales through the date index, reading every sale of each day (over a minute a chunk
 * on the bench's workbook instead of a third of a second), until the workbook was opened again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { suspendIndexes } from '../../db/queries/import-sales-write';
import { runImport } from '../../electron/services/import/run';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

const BOTH = [
  ['sales_date_idx', 'sales'],
  ['sales_client_date_idx', 'sales'],
] as const;

/** 300 clients and `perClient` sales of each, then statistics as the app's open takes them. */
async function withSales(perClient: number): Promise<void> {
  const clients = path.join(world.dir, 'clients.csv');
  const ids = Array.from({ length: 300 }, (_, i) => `C${i}`);
  fs.writeFileSync(clients, ['Code;Name', ...ids.map((id) => `${id};Client ${id}`)].join('\n'));
  world.app.ctx.importer.allowFile(clients);
  await world.call('import.run', {
    path: clients,
    target: 'clients',
    mapping: { Code: 'externalId', Name: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  await importSales('before.csv', perClient, 0);
  world.app.wb.sqlite.exec('ANALYZE');
}

/** `perClient` sales of each client, on days from `day` on, through a run of `bulkRows`. */
async function importSales(name: string, perClient: number, day: number, bulkRows = 1_000_000) {
  const file = path.join(world.dir, name);
  const rows: string[] = [];
  for (let n = 0; n < perClient; n += 1) {
    for (let c = 0; c < 300; c += 1) {
      const date = new Date(Date.UTC(2024, 0, 1 + day + n + (c % 7)));
      rows.push(`C${c};${date.toISOString().slice(0, 10)};${100 + c}`);
    }
  }
  fs.writeFileSync(file, ['Code;Date;Amount', ...rows].join('\n'));
  world.app.ctx.importer.allowFile(file);
  return runImport(
    world.app.ctx,
    {
      path: file,
      target: 'sales',
      mapping: { Code: 'externalId', Date: 'date', Amount: 'amount' },
      onDuplicate: 'skip',
      onInvalid: 'skip',
    },
    { locale: 'en', today: '2026-11-30', bulkRows },
  );
}

/** The statistics of the sales' indexes: the rows each counts, by index. */
function stats(): Record<string, number> {
  const rows = world.app.wb.sqlite
    .prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'sales' AND idx LIKE 'sales_%'")
    .raw()
    .all() as [string, string][];
  return Object.fromEntries(rows.map(([idx, stat]) => [idx, Number(stat.split(' ')[0])]));
}

/** The index SQLite reads for a chunk's repeats of earlier sales (the import's own query). */
function repeatsPlan(): string {
  const plan = world.app.wb.sqlite
    .prepare(
      `EXPLAIN QUERY PLAN SELECT s.id FROM json_each(?) j CROSS JOIN sales s
         ON s.client_id = json_extract(j.value, '$[0]') AND s.date = json_extract(j.value, '$[1]')
       WHERE s.deleted_at IS NULL AND s.rowid <= ?`,
    )
    .all('[]', 1) as { detail: string }[];
  return plan.map((p) => p.detail).join('; ');
}

it('keeps the statistics of both sales indexes when it builds them again', async () => {
  await withSales(2);
  expect(stats()).toEqual({ sales_date_idx: 600, sales_client_date_idx: 600 });
  expect(repeatsPlan()).toContain('sales_client_date_idx');
  const wb = world.app.wb;
  wb.transaction(() => suspendIndexes(wb, 10_000, 100, BOTH)());
  expect(stats()).toEqual({ sales_date_idx: 600, sales_client_date_idx: 600 });
  expect(repeatsPlan()).toContain('sales_client_date_idx');
});

it('counts the sales a large run wrote in the statistics of the index it built again', async () => {
  await withSales(2);
  const result = await importSales('more.csv', 4, 100, 500);
  expect(result.inserted).toBe(1200);
  // The date index was dropped and built again (the run's 1,200 rows outnumber the 600 sales);
  // the client index, kept, keeps its statistics as they were.
  expect(stats()).toEqual({ sales_date_idx: 1800, sales_client_date_idx: 600 });
  expect(repeatsPlan()).toContain('sales_client_date_idx');
});
