/**
 * Runs big bulk edits and their undo away from the main thread: a worker thread with its own
 * connection writes the batch in one transaction while the main process keeps answering reads
 * (WAL). Writes asked for meanwhile are refused with the same `workbook_busy` conflict an import
 * gives, so nothing waits on the lock or is half-written. Small jobs, and every job when there is
 * no worker script (unit tests run the TypeScript sources), run inline as before.
 */
import fs from 'node:fs';
import type { BulkAction, BulkResult, UndoResult } from '../../api/contract';
import { AppError } from '../../api/errors';
import { bulkUpdate } from '../../../db/queries/bulk';
import { countBatchChanges, type WriteContext } from '../../../db/queries/history';
import { undoBatch } from '../../../db/queries/revert';
import type { ColumnRevertAhead } from '../../../db/queries/revert-columns';
import { WorkerClient, WorkerStartError } from '../workers/rpc';

export type BulkJob =
  { kind: 'bulk'; ids: string[]; action: BulkAction } | { kind: 'undo'; batchId: string };

export type BulkJobResult<K extends BulkJob['kind']> = K extends 'bulk' ? BulkResult : UndoResult;

/** What the bulk worker needs to open the workbook and act for the user. */
export interface BulkWorkerSetup {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
  actor: string;
}

/**
 * What the main process sends the worker: the job and the app's clock when it started; before
 * it, while the worker before this one still folds the WAL back, an undo to read ahead.
 */
export type BulkCall = { job: BulkJob; startedAt: string } | { readAhead: BulkJob };

/** Jobs touching this many clients (or history rows, for an undo) go to the worker. */
export const WORKER_FROM = 2_000;

export interface BulkRunnerOptions {
  /** The bundled worker (`dist/main/bulk-worker.cjs`); absent → run inline. */
  workerScript?: string | undefined;
  setup: () => BulkWorkerSetup;
  /** The write context of the main thread. */
  inline: () => WriteContext;
  /** Told when the worker cannot start and bulk edits fall back to this thread. */
  onWorkerFailure?: (error: unknown) => void;
}

export class BulkRunner {
  private workerBroken = false;
  private current: BulkJob['kind'] | null = null;
  /**
   * The workers whose threads have not ended: after answering, a worker still folds the WAL
   * back into the file (see the worker), and holds the workbook open meanwhile.
   */
  private readonly settling = new Set<Promise<void>>();

  constructor(private readonly options: BulkRunnerOptions) {}

  /** True while a worker writes a batch: other writes would wait on its transaction. */
  writing(): boolean {
    return this.current !== null;
  }

  /**
   * Resolves once no worker has the workbook open: a switch, a restore or the program's end
   * waits for it, so the workbook is closed as one file.
   */
  async settled(): Promise<void> {
    while (this.settling.size > 0) await Promise.all(this.settling);
  }

  async run<K extends BulkJob['kind']>(job: BulkJob & { kind: K }): Promise<BulkJobResult<K>> {
    const ctx = this.options.inline();
    const script = this.options.workerScript;
    const big = size(ctx, job) >= WORKER_FROM;
    if (big && script && !this.workerBroken && fs.existsSync(script)) {
      if (this.current) throw new AppError('conflict', 'workbook_busy');
      this.current = job.kind;
      try {
        return (await this.inWorker(script, job, ctx.now)) as BulkJobResult<K>;
      } catch (error) {
        if (!(error instanceof WorkerStartError)) throw error;
        // A worker that cannot start (a packaged app whose archive hides its script) must not
        // make bulk edits impossible: run them in this thread from now on, and say so.
        this.workerBroken = true;
        this.options.onWorkerFailure?.(error.cause);
      } finally {
        this.current = null;
      }
    }
    return runBulkJob(ctx, job) as BulkJobResult<K>;
  }

  private async inWorker(script: string, job: BulkJob, now: () => Date): Promise<unknown> {
    // The workers before may still be folding the WAL back (an undo asked for right after its
    // bulk edit). This one starts its thread and opens the workbook meanwhile, but is given its
    // job once they are done: its batch then starts the WAL afresh. Written beside a fold, it
    // would go after the frames being folded, and each page it reads would be looked up among
    // them first (a whole-base undo measured so took longer than waiting).
    const before = [...this.settling];
    // One worker per job: it opens the workbook, answers this call and ends.
    const worker = new WorkerClient<BulkCall>(script, {
      name: 'bulk',
      workerData: this.options.setup(),
      youngGenerationMb: 64,
    });
    const settling = worker.exited.then(() => {
      this.settling.delete(settling);
    });
    this.settling.add(settling);
    if (before.length > 0 && job.kind === 'undo') {
      // Meanwhile the undo reads the batch and its clients (a read does not wait on the fold);
      // its transaction then only writes, unless something was written in between. This call
      // fails only when the job's own call below does (a worker that did not start), and that
      // one says so.
      worker.call({ readAhead: job }).catch(() => undefined);
    }
    await Promise.all(before);
    return worker.call({ job, startedAt: now().toISOString() });
  }
}

/** How many clients or history rows a job touches. */
function size(ctx: WriteContext, job: BulkJob): number {
  return job.kind === 'bulk' ? job.ids.length : countBatchChanges(ctx.wb, job.batchId);
}

/** Runs one job on `ctx`'s connection, here or in the worker (with its undo read ahead). */
export function runBulkJob(
  ctx: WriteContext,
  job: BulkJob,
  ahead?: ColumnRevertAhead,
): BulkResult | UndoResult {
  return job.kind === 'bulk'
    ? bulkUpdate(ctx, job.ids, job.action)
    : undoBatch(ctx, job.batchId, { ahead });
}
