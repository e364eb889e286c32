/**
 * The import's steps share one worker thread: the check's thread is kept and the run that follows
 * goes to it (no second start and open of the workbook), the run ends it, and a workbook that
 * closes or changes ends a kept one. The thread keeps the check's plan for the run, which is
 * planned again when the window wrote to the workbook in between. The worker is bundled from the
 * real sources, as the build does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';
import { bundleFolder, bundleForNode } from '../helpers/bundle';

let bundleDir: string;
let dir: string;
let app: App;
const logged: string[] = [];

beforeAll(async () => {
  bundleDir = bundleFolder('import-worker-steps');
  await bundleForNode({ 'import-worker': 'electron/services/import/worker.ts' }, bundleDir);
  dir = tempDir('kartoteka-import-steps-');
  app = createApp({
    workbookPath: path.join(dir, 'Шаги.kartoteka'),
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: 'ru',
    importWorker: path.join(bundleDir, 'import-worker.cjs'),
    // Every sales CSV run without a check is planned on the worker's second thread.
    importPlannerThreadBytes: 0,
    logger: { info: () => undefined, error: (m, e) => logged.push(`${m}: ${String(e)}`) },
  });
}, 60_000);

afterAll(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function call(channel: string, input: unknown): Promise<unknown> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data;
}

function csvOf(name: string, rows: string[]): Record<string, unknown> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['ФИО;Телефон', ...rows].join('\n'));
  app.ctx.importer.allowFile(file);
  return {
    path: file,
    target: 'clients',
    mapping: { ФИО: 'name', Телефон: 'phone' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  };
}

it('runs on the check’s thread, ends it with the run, and ends a kept one when the workbook changes', async () => {
  const importer = app.ctx.importer;
  const first = csvOf('first.csv', [
    'Анна Петрова;+7 900 111-22-33',
    'Борис Орлов;+7 900 111-22-44',
  ]);
  expect(await call('import.check', first)).toMatchObject({ willCreate: 2, invalid: 0 });
  const kept = importer.keptWorker();
  expect(kept).not.toBeNull();

  // A second check goes to the same thread.
  await call('import.check', first);
  expect(importer.keptWorker()).toBe(kept);

  // The run writes through it, then lets it go.
  expect(await call('import.run', first)).toMatchObject({ inserted: 2, aborted: false });
  expect(importer.keptWorker()).toBeNull();
  const list = (await call('clients.list', {})) as { total: number };
  expect(list.total).toBe(2);

  // The next check starts a new thread: the run's has ended.
  const second = csvOf('second.csv', ['Вера Соколова;+7 900 111-22-55']);
  await call('import.check', second);
  const next = importer.keptWorker();
  expect(next).not.toBeNull();
  expect(next).not.toBe(kept);

  // The workbook is written anew with a password: the kept thread (with the old file) is ended,
  // and the next step opens the new one.
  await call('workbook.setPassword', { new: 'пароль' });
  expect(importer.keptWorker()).toBeNull();
  expect(await call('import.run', second)).toMatchObject({ inserted: 1 });
  expect(((await call('clients.list', {})) as { total: number }).total).toBe(3);
  expect(logged).toEqual([]);
}, 60_000);

it('honours an edit made in the window between the check and the run on the kept thread', async () => {
  const request = csvOf('edited.csv', ['Глеб Носов;+7 900 222-33-44', 'Дина Лис;+7 900 222-33-55']);
  expect(await call('import.check', request)).toMatchObject({ willCreate: 2, willUpdate: 0 });
  // The user adds Gleb by hand meanwhile (the main process's connection, not the worker's).
  await call('clients.create', { name: 'Глеб', phone: '8 900 222 33 44' });
  expect(await call('import.run', request)).toMatchObject({ inserted: 1, updated: 1 });
  const list = (await call('clients.list', { query: 'Глеб' })) as { total: number };
  expect(list.total).toBe(1);
  expect(logged).toEqual([]);
}, 60_000);

it('plans a sales run with no check before it on a second thread of the worker', async () => {
  await call(
    'import.run',
    csvOf('buyers.csv', ['Ирина Котова;+7 900 333-44-55', 'Олег Ким;+7 900 333-44-66']),
  );
  const file = path.join(dir, 'sales.csv');
  const rows = ['8 900 333 44 55;01.03.2026;1200,50', '8 900 333 44 66;02.03.2026;300'];
  // The same two sales again, and a phone nobody has.
  fs.writeFileSync(
    file,
    ['Телефон;Дата;Сумма', ...rows, ...rows, '8 900 000 00 00;03.03.2026;5'].join('\n'),
  );
  app.ctx.importer.allowFile(file);
  const result = await call('import.run', {
    path: file,
    target: 'sales',
    mapping: { Телефон: 'phone', Дата: 'date', Сумма: 'amount' },
    onDuplicate: 'skip',
    onInvalid: 'skip',
  });
  expect(result).toMatchObject({ inserted: 2, duplicates: 2, invalid: 1, total: 5 });
  expect(app.ctx.importer.keptWorker()).toBeNull();
  const sales = app.wb.sqlite
    .prepare(
      'SELECT c.name, s.date, s.amount FROM sales s JOIN clients c ON c.id = s.client_id ORDER BY s.date',
    )
    .raw()
    .all();
  expect(sales).toEqual([
    ['Ирина Котова', '2026-03-01', 120050],
    ['Олег Ким', '2026-03-02', 30000],
  ]);
  expect(logged).toEqual([]);
}, 60_000);
