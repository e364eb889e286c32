/**
 * A large sales run without a check before it plans its file on a thread of its own
 * (`sales-planner-thread.ts`, bundled from the real sources as the build bundles the import
 * worker), with its own read-only connection, while the run's transaction writes. On a real
 * purchase history with repeats across chunks, bad rows, a new manager and sales imported
 * before, it must leave the workbook as a run that plans between its writes does: the same
 * result, sales (in the same order), history and stages, and an undo that takes it all back.
 * An error on the thread fails the run and leaves nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ImportResult } from '../../electron/api/contract';
import type { ImportEnv, OnDuplicate } from '../../electron/services/import/plan-common';
import { checkImport, runImport } from '../../electron/services/import/run';
import { bundleFolder, bundleForNode } from '../helpers/bundle';
import {
  cdnowRows,
  HEAD,
  importState,
  prepareSales,
  salesFile,
  salesRequest,
} from '../helpers/cdnow-sales';
import { makeWorld, MIGRATIONS_DIR, type World } from '../helpers/world';

let script: string;
let bundleDir: string;
beforeAll(async () => {
  bundleDir = bundleFolder('import-planner-thread');
  const built = await bundleForNode(
    { 'import-worker': 'electron/services/import/worker.ts' },
    bundleDir,
  );
  script = built['import-worker'];
}, 60_000);
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

/** Planned on the thread (`threaded`) and between the writes (`inline`). */
let threaded: World;
let inline: World;
beforeEach(() => {
  threaded = makeWorld({ locale: 'ru' });
  inline = makeWorld({ locale: 'ru' });
});
afterEach(() => {
  threaded.dispose();
  inline.dispose();
});

/**
 * Small chunks and a low bulk threshold: the file crosses chunks, and the date index goes when
 * its first chunk (which a file this small estimates the file by) outnumbers the 900 sales
 * before.
 */
const envOf = (extra: Partial<ImportEnv> = {}): ImportEnv => ({
  locale: 'ru',
  today: '2026-11-30',
  chunkRows: 1000,
  bulkRows: 500,
  ...extra,
});

/** The thread for `world`'s workbook, for every CSV (the app's starts at 4 MB). */
const onThread = (world: World, workbookPath = world.app.wb.file): Partial<ImportEnv> => ({
  plannerThread: { script, access: { workbookPath, migrationsDir: MIGRATIONS_DIR }, minBytes: 0 },
});

/** What a user reads: the sales in the order written, history lines with a manager by name. */
function seen(world: World) {
  const state = importState(world);
  const managers = new Map(
    (
      world.app.wb.sqlite.prepare('SELECT id, name FROM managers').raw().all() as [string, string][]
    ).map(([id, name]) => [JSON.stringify(id), name]),
  );
  return {
    ...state,
    history: state.history.map((h) => ({
      ...h,
      value: managers.get(h.value as string) ?? h.value,
    })),
  };
}

const withoutBatch = ({ batchId: _, ...rest }: ImportResult) => rest;

/** The file's first 300 rows again with another quantity (they repeat or update sales), then all. */
function fileLines(): { clients: string[]; rows: string[]; lines: string[] } {
  const { clients, rows } = cdnowRows();
  const changed = rows.slice(0, 300).map((r) => r.replace(/;(\d+);([^;]*)$/, ';7;$2'));
  return { clients, rows, lines: [HEAD, ...changed, ...rows] };
}

it.each<OnDuplicate>(['skip', 'update', 'create'])(
  'a run planned on its own thread (%s) leaves the workbook as one planned between its writes',
  async (onDuplicate) => {
    const { clients, rows, lines } = fileLines();
    for (const world of [threaded, inline]) await prepareSales(world, rows, clients, envOf());
    const before = seen(threaded);
    const phases: [string, number, number][] = [];
    const result = await runImport(
      threaded.app.ctx,
      salesRequest(salesFile(threaded, 'sales.csv', lines), onDuplicate),
      envOf({
        ...onThread(threaded),
        onProgress: (phase, done, total) => phases.push([phase, done, total]),
      }),
    );
    const planned = await runImport(
      inline.app.ctx,
      salesRequest(salesFile(inline, 'sales.csv', lines), onDuplicate),
      envOf(),
    );
    expect(withoutBatch(result)).toEqual(withoutBatch(planned));
    expect(result.duplicates).toBeGreaterThan(300);
    expect(result.invalid).toBeGreaterThan(0);
    if (onDuplicate === 'update') expect(result.updated).toBeGreaterThan(100);
    const after = seen(threaded);
    expect(after).toEqual(seen(inline));
    expect(after.sales.length).toBe(before.sales.length + result.inserted);
    expect(after.managers).toEqual(['Петров', 'Сидорова']);
    // The progress of the writes, chunk after chunk, to the whole file.
    const writes = phases.filter(([phase]) => phase === 'write');
    expect(writes.length).toBe(Math.ceil((lines.length - 1) / 1000));
    expect(writes.at(-1)).toEqual(['write', lines.length - 1, lines.length - 1]);

    // A check of the same file afterwards finds every row a repeat (its keys in memory).
    const again = await checkImport(
      threaded.app.wb,
      salesRequest(salesFile(threaded, 'again.csv', lines), 'skip'),
      envOf(),
    );
    expect(again.willCreate).toBe(0);

    await threaded.call('history.undoBatch', { batchId: result.batchId! });
    const undone = importState(threaded);
    expect(
      undone.sales
        .filter((s) => s.live)
        .map((s) => JSON.stringify(s))
        .sort(),
    ).toEqual(before.sales.map((s) => JSON.stringify(s)).sort());
    expect(undone.stages).toEqual(before.stages);
    expect(undone.indexes).toEqual(before.indexes);
  },
);

it('fails the run and writes nothing when the thread cannot plan: the workbook gone, a date read both ways', async () => {
  const { clients, rows, lines } = fileLines();
  await prepareSales(threaded, rows, clients, envOf());
  const before = seen(threaded);
  const batches = () =>
    threaded.app.wb.sqlite.prepare('SELECT count(*) FROM batches').pluck().get();
  const counted = batches();

  // The thread opens another file than the run's (none there): its error ends the run.
  const gone = path.join(threaded.dir, 'нет.kartoteka');
  await expect(
    runImport(
      threaded.app.ctx,
      salesRequest(salesFile(threaded, 'sales.csv', lines), 'skip'),
      envOf(onThread(threaded, gone)),
    ),
  ).rejects.toThrow();
  expect(fs.existsSync(gone)).toBe(false);

  // Days that read as day.month (13.01) and, in the last row only, as month.day (01.25): the
  // planner says so at the end of the file, after the writer has written every chunk, and the
  // transaction takes them back.
  const ambiguous = [
    HEAD,
    ...rows.slice(0, 2500),
    rows[0]!.replace(/;\d\d\.\d\d\.(\d{4});/, ';01.25.$1;'),
  ];
  await expect(
    runImport(
      threaded.app.ctx,
      salesRequest(salesFile(threaded, 'ambiguous.csv', ambiguous), 'create'),
      envOf(onThread(threaded)),
    ),
  ).rejects.toMatchObject({ key: 'import_date_order' });
  expect(seen(threaded)).toEqual(before);
  expect(batches()).toBe(counted);
});

it('stops planning when the run is cancelled, and writes nothing', async () => {
  const { clients, rows, lines } = fileLines();
  await prepareSales(threaded, rows, clients, envOf());
  const before = seen(threaded);
  let chunks = 0;
  await expect(
    runImport(
      threaded.app.ctx,
      salesRequest(salesFile(threaded, 'sales.csv', lines), 'skip'),
      envOf({
        ...onThread(threaded),
        onProgress: (phase) => {
          if (phase === 'write') chunks += 1;
        },
        cancelled: () => chunks >= 2,
      }),
    ),
  ).rejects.toMatchObject({ name: 'ImportCancelled' });
  expect(chunks).toBe(2);
  expect(seen(threaded)).toEqual(before);
});

it('plans an encrypted workbook on its thread with the password', async () => {
  const { clients, rows, lines } = fileLines();
  await prepareSales(threaded, rows, clients, envOf());
  await threaded.call('workbook.setPassword', { new: 'пароль' });
  const wb = threaded.app.wb;
  expect(wb.key).toBeTruthy();
  const check = await checkImport(
    wb,
    salesRequest(salesFile(threaded, 'check.csv', lines), 'skip'),
    envOf(),
  );
  const access = { workbookPath: wb.file, migrationsDir: MIGRATIONS_DIR, password: 'пароль' };
  const result = await runImport(
    threaded.app.ctx,
    salesRequest(salesFile(threaded, 'sales.csv', lines), 'skip'),
    envOf({ plannerThread: { script, access, minBytes: 0 } }),
  );
  expect(result.inserted).toBe(check.willCreate);
  expect(result.duplicates).toBe(check.duplicatesTotal);
  // Without the password the thread cannot read the file: the run fails, nothing written.
  const sales = () => wb.sqlite.prepare('SELECT count(*) FROM sales').pluck().get();
  const counted = sales();
  await expect(
    runImport(
      threaded.app.ctx,
      salesRequest(salesFile(threaded, 'again.csv', lines), 'create'),
      envOf({ plannerThread: { script, access: { ...access, password: undefined }, minBytes: 0 } }),
    ),
  ).rejects.toThrow();
  expect(sales()).toBe(counted);
});
