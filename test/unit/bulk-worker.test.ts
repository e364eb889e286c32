/**
 * A big bulk edit and its undo run in their own worker thread on their own connection: the
 * main process answers reads meanwhile (showing the workbook as it was until the batch is
 * written whole), refuses writes with the import's "workbook busy" answer, and nothing is
 * half-written. What the worker wrote is logged for sync like any other change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { WORKER_FROM } from '../../electron/services/bulk/jobs';
import { bundleChild, type Bundle } from '../crash/process';
import { makeWorld, type World } from '../helpers/world';

let dir: string;
let bundle: Bundle;
beforeAll(async () => {
  // Inside the project, so the worker finds the native driver in node_modules.
  const cache = path.resolve(__dirname, '../../node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  dir = fs.mkdtempSync(path.join(cache, 'kartoteka-bulk-worker-'));
  bundle = await bundleChild(dir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CLIENTS = WORKER_FROM + 100;

/** A workbook with enough clients for a bulk edit to go to the worker (imported inline). */
async function bigWorld(): Promise<World> {
  const world = makeWorld({ app: { bulkWorker: bundle.bulkWorker } });
  const csv = path.join(world.dir, 'clients.csv');
  const lines = ['Имя;Телефон;Теги'];
  for (let i = 0; i < CLIENTS; i += 1) {
    lines.push(`Клиент ${i};+7 913 ${String(i).padStart(7, '0')};розница`);
  }
  fs.writeFileSync(csv, lines.join('\n'));
  world.app.ctx.importer.allowFile(csv);
  await world.call('import.run', {
    path: csv,
    target: 'clients',
    mapping: { Имя: 'name', Телефон: 'phone', Теги: 'tags' },
    onDuplicate: 'create',
    onInvalid: 'abort',
  });
  return world;
}

/** The settled order of promises, by name. */
function order(named: Record<string, Promise<unknown>>): Promise<string[]> {
  const done: string[] = [];
  return Promise.all(
    Object.entries(named).map(([name, p]) => p.finally(() => done.push(name))),
  ).then(() => done);
}

describe('bulk edits in their worker', () => {
  it('answers reads while a bulk edit runs, refuses writes, and writes the batch whole', async () => {
    const world = await bigWorld();
    try {
      const [first] = (await world.call('clients.list', { query: 'Клиент 7' })).rows;
      const bulk = world.call('clients.bulk', {
        filter: {},
        action: { type: 'addTag', tag: 'опт' },
      });
      // Answered on the main thread before the worker's batch is written: the old tags.
      const read = world.call('clients.get', { id: first!.id });
      const write = world.send('clients.update', { id: first!.id, patch: { note: 'в это время' } });
      expect(await order({ read, bulk })).toEqual(['read', 'bulk']);
      expect((await read).tags).toEqual(['розница']);
      expect(await write).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const result = await bulk;
      expect(result.affected).toBe(CLIENTS);
      const tagged = await world.call('clients.list', {
        filters: [{ field: 'tags', op: 'contains', value: 'опт' }],
      });
      expect(tagged.total).toBe(CLIENTS);
      expect((await world.call('clients.list', { query: 'опт' })).total).toBe(CLIENTS);
      const after = await world.call('clients.get', { id: first!.id });
      expect(after).toMatchObject({ tags: ['розница', 'опт'], note: null });
      const [batch] = await world.call('history.batches', {});
      expect(batch).toMatchObject({ id: result.batchId, clients: CLIENTS, changes: CLIENTS });

      // The undo goes to the worker too, and a write meanwhile is refused as well.
      const undo = world.call('history.undoBatch', { batchId: result.batchId });
      const during = world.send('clients.bulk', {
        ids: [first!.id],
        action: { type: 'setStage', stage: 'regular' },
      });
      expect(await order({ during, undo })).toEqual(['during', 'undo']);
      expect(await during).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await undo).toMatchObject({ reverted: CLIENTS, skipped: 0 });
      expect((await world.call('clients.list', { query: 'опт' })).total).toBe(0);
      expect((await world.call('clients.get', { id: first!.id })).tags).toEqual(['розница']);
      expect(world.logged.join('\n')).not.toContain('could not start');
    } finally {
      world.dispose();
    }
  }, 120_000);

  it('switches workbooks right after a bulk edit once its worker has let go: the old file is one file again', async () => {
    const world = await bigWorld();
    try {
      const file = world.app.wb.file;
      const bulk = await world.call('clients.bulk', {
        filter: {},
        action: { type: 'addTag', tag: 'опт' },
      });
      expect(bulk.affected).toBe(CLIENTS);
      // The worker answers before folding its WAL back, and holds the workbook open until it
      // ends: the switch waits for that instead of refusing, or closing under it.
      const other = path.join(world.dir, 'other.kartoteka');
      await world.call('workbook.create', { path: other });
      expect(world.app.wb.file).toBe(other);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      // Every client keeps the tag in the old file, opened again.
      await world.call('workbook.open', { path: file });
      const tagged = await world.call('clients.list', {
        filters: [{ field: 'tags', op: 'contains', value: 'опт' }],
      });
      expect(tagged.total).toBe(CLIENTS);
    } finally {
      world.dispose();
    }
  }, 120_000);

  it('logs what the worker wrote for sync, and the other device receives it', async () => {
    const a = await bigWorld();
    const b = makeWorld();
    try {
      const start = path.join(a.dir, 'start.ktx');
      await a.call('exchange.export', { path: start });
      await b.call('exchange.import', { path: start });

      const bulk = await a.call('clients.bulk', {
        filter: {},
        action: { type: 'setStage', stage: 'regular' },
      });
      expect(bulk.affected).toBe(CLIENTS);
      // A card edit right after: its stamp follows the worker's, so it wins on the other device.
      const [first] = (await a.call('clients.list', { query: 'Клиент 7' })).rows;
      await a.call('clients.update', { id: first!.id, patch: { stage: 'advocate' } });

      const file = path.join(a.dir, 'after.ktx');
      await a.call('exchange.export', { path: file });
      await b.call('exchange.import', { path: file });
      const regular = await b.call('clients.list', {
        filters: [{ field: 'stage', op: 'eq', value: 'regular' }],
      });
      expect(regular.total).toBe(CLIENTS - 1);
      expect((await b.call('clients.get', { id: first!.id })).stage).toBe('advocate');
      expect(syncDigest(b.app.wb)).toBe(syncDigest(a.app.wb));
      expect(a.logged.join('\n')).not.toContain('could not start');
    } finally {
      a.dispose();
      b.dispose();
    }
  }, 120_000);
});
