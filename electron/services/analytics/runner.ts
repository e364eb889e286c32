/**
 * Where the analytics are computed: in a worker thread (`dist/main/analytics-worker.cjs`) with
 * its own connection and its own copy of the sales in memory, so that reading a million sales
 * and computing the dashboard never holds up the main process and the window's other calls.
 * Without the worker script (unit tests), or when it cannot start, they run inline.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { OutputOf, ParsedInputOf } from '../../api/contract';
import { deserialize, type SerializedError } from '../import/jobs';
import { computeAnalytics, type AnalyticsContext, type AnalyticsRead } from './compute';

export interface AnalyticsWorkerSetup {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
}

export type AnalyticsRequest =
  { id: number; channel: AnalyticsRead; input: unknown } | { id: 0; channel: 'reset'; input: null };
export type AnalyticsReply =
  | { id: number; ok: true; data: unknown }
  | { id: number; ok: false; error: SerializedError }
  | { id: -1; ok: true; data: 'ready' };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface AnalyticsRunnerOptions {
  workerScript?: string | undefined;
  setup: () => AnalyticsWorkerSetup;
  inline: () => AnalyticsContext;
  onWorkerFailure?: (error: unknown) => void;
}

export class AnalyticsRunner {
  private worker: Worker | null = null;
  private ready = false;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: AnalyticsRunnerOptions) {}

  async call<C extends AnalyticsRead>(channel: C, input: ParsedInputOf<C>): Promise<OutputOf<C>> {
    const worker = this.ensureWorker();
    if (!worker) return computeAnalytics(channel, input, this.options.inline());
    try {
      return (await this.send(worker, channel, input)) as OutputOf<C>;
    } catch (error) {
      if (!(error instanceof WorkerGone) || this.ready) throw error;
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
    const request: AnalyticsRequest = { id: 0, channel: 'reset', input: null };
    this.worker?.postMessage(request);
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker | null {
    const script = this.options.workerScript;
    if (this.broken || !script || !fs.existsSync(script)) return null;
    if (this.worker) return this.worker;
    const worker = new Worker(script, {
      workerData: this.options.setup(),
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.on('message', (reply: AnalyticsReply) => {
      if (reply.id === -1) {
        this.ready = true;
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.data);
      else waiting.reject(deserialize(reply.error));
    });
    const fail = (cause: unknown) => {
      this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(new WorkerGone(cause));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analytics worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private send(worker: Worker, channel: AnalyticsRead, input: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: AnalyticsRequest = { id, channel, input };
      worker.postMessage(request);
    });
  }
}

class WorkerGone extends Error {
  constructor(override readonly cause: unknown) {
    super('analytics worker is gone');
    this.name = 'WorkerGone';
  }
}
