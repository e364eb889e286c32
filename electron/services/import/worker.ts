/**
 * The import worker thread (bundled as `dist/main/import-worker.cjs`): opens its own connection
 * to the workbook, runs the import's steps (preview, check, run: one thread for them all, ended
 * after the run) and reports progress and results back (see `workers/rpc.ts`). A run's write
 * transaction lives here, so the main process keeps answering the window meanwhile. A check's
 * plan is kept here for the run that follows (`kept-plan.ts`): the run writes at once when
 * nothing changed in between. A large sales run plans its file on a second thread, which this
 * script also runs (`sales-planner-thread.ts`).
 */
import { workerData } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import {
  commitWithoutWaitingForDisk,
  deferCheckpoints,
  foldWal,
  syncWal,
} from '../../../db/queries/import-checkpoint';
import { openWorkerWorkbook } from '../workers/open-workbook';
import { usePageCache } from '../../../db/queries/import-seen';
import { serveCalls } from '../workers/rpc';
import { runJob, type ImportCall, type ImportProgress, type WorkerSetup } from './jobs';
import { PlanKeeper } from './kept-plan';
import { PLANNER_THREAD_BYTES, runPlannerThread, type PlannerData } from './sales-planner-thread';

const data = workerData as WorkerSetup | PlannerData;
// The same script runs the planner thread of a large sales run (`sales-planner-thread.ts`).
if ('role' in data && data.role === 'sales-planner') void runPlannerThread(data);
else serveImports(data as WorkerSetup);

function serveImports(setup: WorkerSetup): void {
  const wb = openWorkerWorkbook(setup);
  usePageCache(wb, 128);
  // The checkpoint after a run's commit waits until its result is sent (see `finish` below), and so
  // does the disk.
  deferCheckpoints(wb);
  commitWithoutWaitingForDisk(wb);
  const ctx = { wb, now: () => new Date(), newId: () => uuidv7(), actor: () => setup.actor };
  wb.capture.actor = ctx.actor;
  const keeper = new PlanKeeper();

  serveCalls<ImportCall, ImportProgress>(
    ({ job, flag }, emit) =>
      runJob(ctx, job, {
        locale: setup.locale,
        today: setup.today,
        onProgress: (phase, done, total) => emit({ phase, done, total }),
        cancelled: () => Atomics.load(flag, 0) === 1,
        keeper,
        plannerThread: {
          script: __filename,
          access: {
            workbookPath: setup.workbookPath,
            migrationsDir: setup.migrationsDir,
            nativeBinding: setup.nativeBinding,
            password: setup.password,
          },
          minBytes: setup.plannerThreadBytes ?? PLANNER_THREAD_BYTES,
        },
        // The run is the thread's last step: `finish` below closes the connection.
        closedAfterRun: true,
      }),
    {
      // A preview or a check keeps the thread for the steps that follow (the main process ends it
      // when idle); the run is the last step, after which its commit is folded back.
      once: {
        last: ({ job }) => job.kind === 'run',
        finish: () => {
          syncWal(wb);
          foldWal(wb);
          wb.close();
        },
      },
    },
  );
}
