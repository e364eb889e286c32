/**
 * An import runs in its own worker thread on its own connection: what it writes is logged for
 * sync all the same, with stamps after the main thread's, and reaches the other devices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { bundleChild, type Bundle } from '../crash/process';
import { makeClient, makeWorld } from '../helpers/world';

let dir: string;
let bundle: Bundle;
beforeAll(async () => {
  // Inside the project, so the worker finds the native driver in node_modules.
  const cache = path.resolve(__dirname, '../../node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  dir = fs.mkdtempSync(path.join(cache, 'kartoteka-sync-worker-'));
  bundle = await bundleChild(dir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('logs what an import wrote in its worker, and the other device receives it', async () => {
  const a = makeWorld({ app: { importWorker: bundle.importWorker } });
  const b = makeWorld();
  try {
    await a.call('clients.create', makeClient({ name: 'До импорта' }));
    const start = path.join(a.dir, 'start.ktx');
    await a.call('exchange.export', { path: start });
    await b.call('exchange.import', { path: start });

    const csv = path.join(a.dir, 'clients.csv');
    const lines = ['Имя;Телефон'];
    for (let i = 0; i < 300; i += 1) lines.push(`Импорт ${i};+7 913 ${String(i).padStart(7, '0')}`);
    fs.writeFileSync(csv, lines.join('\n'));
    a.app.ctx.importer.allowFile(csv);
    const result = await a.call('import.run', {
      path: csv,
      target: 'clients',
      mapping: { Имя: 'name', Телефон: 'phone' },
      onDuplicate: 'create',
      onInvalid: 'abort',
    });
    expect(result.inserted).toBe(300);
    expect(a.logged.join('\n')).not.toContain('worker could not start');
    // A card edit right after the import: its stamp follows the worker's.
    const [first] = (await a.call('clients.list', { query: 'Импорт 0' })).rows;
    await a.call('clients.update', { id: first!.id, patch: { note: 'после импорта' } });

    const file = path.join(a.dir, 'after.ktx');
    const sent = await a.call('exchange.export', { path: file });
    expect(sent.changes).toBeGreaterThanOrEqual(301);
    await b.call('exchange.import', { path: file });
    expect(b.count('clients')).toBe(301);
    expect((await b.call('clients.get', { id: first!.id })).note).toBe('после импорта');
    expect(syncDigest(b.app.wb)).toBe(syncDigest(a.app.wb));
  } finally {
    a.dispose();
    b.dispose();
  }
}, 120_000);
