/**
 * Runs import steps away from the main thread: one worker thread per step, with its own
 * connection to the workbook, so the window stays responsive while a large file is parsed,
 * checked and written. The main process keeps the progress for `import.status` and passes a
 * cancel through shared memory, which the worker sees between rows. Without a worker script
 * (unit tests run the TypeScript sources) the same steps run inline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportStatus, Locale } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { WriteContext } from '../../../db/queries/history';
import { WorkerClient, WorkerStartError } from '../workers/rpc';
import { ImportCancelled, type ImportOptions } from './plan';
import {
  checkImport,
  previewImport,
  runImport,
  type ImportCheck,
  type ImportEnv,
  type ImportPhase,
  type ImportPreview,
  type ImportResult,
  type SourceRequest,
} from './run';

export type JobRequest =
  | { kind: 'preview'; request: SourceRequest }
  | { kind: 'check'; request: SourceRequest & ImportOptions }
  | { kind: 'run'; request: SourceRequest & ImportOptions };

export type JobResult<K extends JobRequest['kind']> = K extends 'preview'
  ? ImportPreview
  : K extends 'check'
    ? ImportCheck
    : ImportResult;

/** What the worker needs to open the workbook and act for the user. */
export interface WorkerSetup {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
  locale: Locale;
  actor: string;
  today: string;
  /**
   * From this size a sales CSV run without a check is planned on a thread beside the writer
   * (`PLANNER_THREAD_BYTES` unless given; tests lower it).
   */
  plannerThreadBytes?: number | undefined;
}

/** What the main process sends the import worker: the step, and the shared cancel flag. */
export interface ImportCall {
  job: JobRequest;
  flag: Int32Array;
}

/** The progress the import worker reports while it runs a step. */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImporterOptions {
  /** The bundled worker (`dist/main/import-worker.cjs`); absent → run inline. */
  workerScript?: string | undefined;
  setup: () => WorkerSetup;
  /** The write context for inline runs. */
  inline: () => WriteContext;
  now?: () => number;
  /** Told when the worker cannot start and imports fall back to this thread. */
  onWorkerFailure?: (error: unknown) => void;
}

/** How long a preview's or a check's thread waits for the next step before it is ended. */
const KEEP_WORKER_MS = 120_000;

export class Importer {
  private workerBroken = false;
  private warm: {
    worker: WorkerClient<ImportCall, ImportProgress>;
    key: string;
    timer: NodeJS.Timeout | null;
  } | null = null;
  /** The files this shell may read: uploaded to it, or picked by the user in its dialog. */
  private readonly allowed = new Set<string>();

  private current: {
    kind: JobRequest['kind'];
    phase: ImportPhase;
    done: number;
    total: number;
    started: number;
    phaseStarted: number;
    flag: Int32Array;
  } | null = null;

  constructor(private readonly options: ImporterOptions) {}

  /**
   * Lets the import read this file. The shells call it for a file uploaded to the browser shell
   * and for one the user picked in the desktop dialog; any other path is refused, so a caller
   * holding the token cannot make the import read files of its choice (e.g. `/etc/passwd`).
   */
  allowFile(file: string): void {
    this.allowed.add(path.resolve(file));
  }

  private clock(): number {
    return this.options.now?.() ?? Date.now();
  }

  status(): ImportStatus {
    const c = this.current;
    if (!c) {
      return {
        running: false,
        kind: null,
        phase: null,
        done: 0,
        total: 0,
        elapsedMs: 0,
        etaMs: null,
        cancelling: false,
      };
    }
    const now = this.clock();
    const phaseElapsed = now - c.phaseStarted;
    const etaMs =
      c.done > 0 && c.total > c.done
        ? Math.round((phaseElapsed / c.done) * (c.total - c.done))
        : null;
    return {
      running: true,
      kind: c.kind,
      phase: c.phase,
      done: c.done,
      total: c.total,
      elapsedMs: now - c.started,
      etaMs,
      cancelling: Atomics.load(c.flag, 0) === 1,
    };
  }

  /** True while a run is writing: other writes would wait on the worker's transaction. */
  writing(): boolean {
    return this.current?.kind === 'run' && this.current.phase === 'write';
  }

  cancel(): boolean {
    if (!this.current) return false;
    Atomics.store(this.current.flag, 0, 1);
    return true;
  }

  async run<K extends JobRequest['kind']>(job: JobRequest & { kind: K }): Promise<JobResult<K>> {
    // Refused before the file is touched: the answer says nothing about whether it exists.
    if (!this.allowed.has(path.resolve(job.request.path))) {
      throw new AppError('invalid_input', 'import_path_not_allowed', {}, 'path');
    }
    if (this.current) throw new AppError('conflict', 'import_busy');
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const started = this.clock();
    this.current = {
      kind: job.kind,
      phase: 'read',
      done: 0,
      total: 0,
      started,
      phaseStarted: started,
      flag,
    };
    const onProgress = (phase: ImportPhase, done: number, total: number) => {
      const c = this.current;
      if (!c) return;
      if (c.phase !== phase) c.phaseStarted = this.clock();
      Object.assign(c, { phase, done, total });
    };
    try {
      const script = this.options.workerScript;
      if (script && fs.existsSync(script) && !this.workerBroken) {
        try {
          return (await this.inWorker(script, job, flag, onProgress)) as JobResult<K>;
        } catch (error) {
          if (!(error instanceof WorkerStartError)) throw error;
          // A worker that cannot start (a packaged app whose archive hides its script) must
          // not make import impossible: run in this thread from now on, and say so.
          this.workerBroken = true;
          this.options.onWorkerFailure?.(error.cause);
        }
      }
      return (await this.inline(job, flag, onProgress)) as JobResult<K>;
    } finally {
      this.current = null;
    }
  }

  private async inline(
    job: JobRequest,
    flag: Int32Array,
    onProgress: NonNullable<ImportEnv['onProgress']>,
  ): Promise<unknown> {
    const setup = this.options.setup();
    const ctx = this.options.inline();
    const env: ImportEnv = {
      locale: setup.locale,
      today: setup.today,
      onProgress,
      cancelled: () => Atomics.load(flag, 0) === 1,
    };
    return runJob(ctx, job, env);
  }

  private async inWorker(
    script: string,
    job: JobRequest,
    flag: Int32Array,
    onProgress: NonNullable<ImportEnv['onProgress']>,
  ): Promise<unknown> {
    const worker = this.workerFor(script);
    try {
      return await worker.call({ job, flag }, (p) => onProgress(p.phase, p.done, p.total));
    } finally {
      if (job.kind === 'run' || !worker.alive) {
        // The run's thread ends by itself once its commit is folded back: let it go.
        if (this.warm?.timer) clearTimeout(this.warm.timer);
        this.warm = null;
      } else if (this.warm) {
        // A preview or a check keeps its thread a while for the next step.
        this.warm.timer = setTimeout(() => this.stopWorker(), KEEP_WORKER_MS);
        this.warm.timer.unref();
      }
    }
  }

  /**
   * The thread for this step: the one the previous step used, when it is still there for the
   * same workbook, user and day (starting one and opening the workbook again costs half a
   * second, and its page cache still holds what the check read), else a new one.
   */
  private workerFor(script: string): WorkerClient<ImportCall, ImportProgress> {
    const setup = this.options.setup();
    const key = JSON.stringify(setup);
    const warm = this.warm;
    if (warm && warm.worker.alive && warm.key === key) {
      if (warm.timer) clearTimeout(warm.timer);
      warm.timer = null;
      return warm.worker;
    }
    this.stopWorker();
    const worker = new WorkerClient<ImportCall, ImportProgress>(script, {
      name: 'import',
      workerData: setup,
      // Parsing 100,000 rows makes many short-lived strings, and the default young generation
      // spends seconds collecting them.
      youngGenerationMb: 128,
    });
    this.warm = { worker, key, timer: null };
    return worker;
  }

  /** The thread kept for the next step, if any (its id). */
  keptWorker(): number | null {
    return this.warm?.worker.alive ? this.warm.worker.threadId : null;
  }

  /** Ends the kept thread (idle, or the workbook closes or changes). */
  stopWorker(): void {
    const warm = this.warm;
    this.warm = null;
    if (!warm) return;
    if (warm.timer) clearTimeout(warm.timer);
    // Only ever an idle thread: a step in progress keeps the workbook from closing.
    if (warm.worker.alive) warm.worker.terminate();
  }
}

/** Runs one import step, here or in the worker; a cancel comes back as `import_cancelled`. */
export async function runJob(ctx: WriteContext, job: JobRequest, env: ImportEnv): Promise<unknown> {
  try {
    switch (job.kind) {
      case 'preview':
        return await previewImport(ctx.wb, job.request, env);
      case 'check':
        return await checkImport(ctx.wb, job.request, env);
      case 'run':
        return await runImport(ctx, job.request, env);
    }
  } catch (error) {
    throw error instanceof ImportCancelled
      ? new AppError('conflict', 'import_cancelled', {}, 'cancel')
      : error;
  }
}
