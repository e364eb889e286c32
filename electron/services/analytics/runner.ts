/**
 * Where the analytics are computed: in a worker thread (`dist/main/analytics-worker.cjs`) with
 * its own connection and its own copy of the sales in memory, so that reading a million sales
 * and computing the dashboard never holds up the main process and the window's other calls.
 * Without the worker script (unit tests), or when it cannot start, they run inline.
 */
import fs from 'node:fs';
import type { OutputOf, ParsedInputOf } from '../../api/contract';
import type { JsonText } from '../workers/json-text';
import { WorkerClient, WorkerStartError } from '../workers/rpc';
import { computeAnalytics, type AnalyticsContext, type AnalyticsRead } from './compute';

export interface AnalyticsWorkerSetup {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
  /** The workbook is open read-only: the worker writes nothing (not even its snapshot). */
  readOnly?: boolean | undefined;
  /**
   * A portable workbook's working copy: the snapshot is stored only when asked
   * ({@link AnalyticsRunner.storeSnapshot}, just before a save back), never on its own, so
   * that a cache never reads as unsaved work, nor lands between a save's look and its copy.
   */
  snapshotOnlyWhenAsked?: boolean | undefined;
}

export type AnalyticsRequest =
  | { channel: AnalyticsRead; input: unknown }
  /** Forget the sales in memory. */
  | { channel: 'reset'; input: null }
  /** Store the sales read as the workbook's snapshot now, if a fresh read waits to be stored. */
  | { channel: 'storeSnapshot'; input: null };

export interface AnalyticsRunnerOptions {
  workerScript?: string | undefined;
  setup: () => AnalyticsWorkerSetup;
  inline: () => AnalyticsContext;
  onWorkerFailure?: (error: unknown) => void;
}

export class AnalyticsRunner {
  private worker: WorkerClient<AnalyticsRequest> | null = null;
  private broken = false;

  constructor(private readonly options: AnalyticsRunnerOptions) {}

  /** The answer as JSON bytes (see {@link JsonText}): the dispatch parses it for callers that want objects. */
  async call<C extends AnalyticsRead>(
    channel: C,
    input: ParsedInputOf<C>,
  ): Promise<JsonText<OutputOf<C>>> {
    const worker = this.ensureWorker();
    if (!worker) return computeAnalytics(channel, input, this.options.inline());
    try {
      return (await worker.call({ channel, input })) as JsonText<OutputOf<C>>;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      // It died before it ever answered: run here from now on, and say so once.
      this.broken = true;
      this.options.onWorkerFailure?.(error.cause);
      return computeAnalytics(channel, input, this.options.inline());
    }
  }

  /** Starts the worker now (it reads the sales in the background) rather than at the first call. */
  start(): void {
    this.ensureWorker();
  }

  /** Forgets the sales in memory (the trash was emptied: history rows, the watermark, are gone). */
  reset(): void {
    this.options.inline().store.reset();
    // A worker that is gone has nothing to forget; the next one reads the sales afresh.
    this.worker?.call({ channel: 'reset', input: null }).catch(() => undefined);
  }

  /**
   * Stores the worker's fresh read of the sales as the workbook's snapshot now, if one waits
   * (see {@link AnalyticsWorkerSetup.snapshotOnlyWhenAsked}). Only time is at stake: a worker
   * that is not running, or a write that fails, leaves the snapshot to a later turn.
   */
  async storeSnapshot(): Promise<void> {
    const worker = this.worker;
    if (!worker?.alive) return;
    await worker.call({ channel: 'storeSnapshot', input: null }).catch(() => undefined);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerClient<AnalyticsRequest> | null {
    const script = this.options.workerScript;
    if (this.broken || !script || !fs.existsSync(script)) return null;
    // One that stopped (crashed) is replaced by a new one at the next call.
    if (this.worker?.alive) return this.worker;
    this.worker = new WorkerClient<AnalyticsRequest>(script, {
      name: 'analytics',
      workerData: this.options.setup(),
      youngGenerationMb: 64,
    });
    return this.worker;
  }
}
