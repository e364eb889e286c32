/**
 * The bulk-edit worker thread (bundled as `dist/main/bulk-worker.cjs`): opens its own connection
 * to the workbook, runs one bulk edit or undo in one transaction and answers with its result
 * (see `workers/rpc.ts`), so the main process keeps answering the window meanwhile. Its writes
 * are logged for sync by the capture `openWorkbook` installs on this connection.
 */
import { workerData } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import { openWorkerWorkbook } from '../workers/open-workbook';
import { serveCalls } from '../workers/rpc';
import {
  commitWithoutWaitingForDisk,
  deferCheckpoints,
  foldWal,
  syncWal,
} from '../../../db/queries/import-checkpoint';
import { usePageCache } from '../../../db/queries/import-seen';
import { readColumnRevertAhead, type ColumnRevertAhead } from '../../../db/queries/revert-columns';
import { runBulkJob, type BulkCall, type BulkWorkerSetup } from './jobs';

const setup = workerData as BulkWorkerSetup;
const wb = openWorkerWorkbook(setup);
// A whole-base edit reads and rewrites much of the file: a roomier page cache keeps SQLite from
// reading the same pages again.
usePageCache(wb, 128);
// The batch's commit does not fold the WAL back into the file, nor wait for the disk: the thread
// does both once it has answered (see `finish`), so the user does not wait for them (as the
// import worker does).
deferCheckpoints(wb);
commitWithoutWaitingForDisk(wb);
const actor = () => setup.actor;
wb.capture.actor = actor;

/** The undo read ahead while the worker before this one folded the WAL (see jobs.ts). */
let ahead: ColumnRevertAhead | undefined;

serveCalls<BulkCall>(
  (call) => {
    if ('readAhead' in call) {
      const job = call.readAhead;
      ahead =
        job.kind === 'undo' ? (readColumnRevertAhead(wb, job.batchId) ?? undefined) : undefined;
      return null;
    }
    const { job, startedAt } = call;
    // The app's clock (tests and the browser shell may set it), moving on as this job runs.
    const started = Date.now();
    const now = () => new Date(Date.parse(startedAt) + Date.now() - started);
    return runBulkJob({ wb, now, newId: () => uuidv7(), actor }, job, ahead);
  },
  {
    once: {
      last: (call) => 'job' in call,
      finish: () => {
        try {
          syncWal(wb);
          foldWal(wb);
        } finally {
          wb.close();
        }
      },
    },
  },
);
