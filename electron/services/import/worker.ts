/**
 * The import worker thread (bundled as `dist/main/import-worker.cjs`): opens its own connection
 * to the workbook, runs one import step and reports progress and the result back (see
 * `workers/rpc.ts`). A run's write transaction lives here, so the main process keeps answering
 * the window meanwhile.
 */
import { workerData } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import { openWorkbook } from '../../../db/workbook';
import { keyOf } from '../../../db/workbook-key';
import { serveCalls } from '../workers/rpc';
import { runJob, type ImportCall, type ImportProgress, type WorkerSetup } from './jobs';

const setup = workerData as WorkerSetup;
const wb = openWorkbook(setup.workbookPath, {
  migrationsDir: setup.migrationsDir,
  secondary: true,
  key: keyOf(setup.password),
  ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
});
// A large import touches index pages all over the sales and history tables: a page cache of
// 128 MB (SQLite's default is 2 MB) keeps them in memory instead of spilling and re-reading
// them for every row. It bounds the worker's memory whatever the size of the file.
wb.sqlite.pragma('cache_size = -131072');
const ctx = { wb, now: () => new Date(), newId: () => uuidv7(), actor: () => setup.actor };
wb.capture.actor = ctx.actor;

serveCalls<ImportCall, ImportProgress>(
  ({ job, flag }, emit) =>
    runJob(ctx, job, {
      locale: setup.locale,
      today: setup.today,
      onProgress: (phase, done, total) => emit({ phase, done, total }),
      cancelled: () => Atomics.load(flag, 0) === 1,
    }),
  { once: { finish: () => wb.close() } },
);
