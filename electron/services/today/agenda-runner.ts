/**
 * Where Today's agenda is read: in a worker thread (`dist/main/agenda-worker.cjs`) with its own
 * read connection. The agenda aggregates every comment and sale ("needs a touch"), half a second
 * and more on 100,000 clients; on the main thread it held up every other call, so a user who
 * opened Today and went on to the list waited for it. Without the worker script (unit tests), or
 * when it cannot start, the agenda is read inline. The worker starts at the first agenda, so a
 * start straight to the list never pays for it.
 */
import fs from 'node:fs';
import { agenda } from '../../../db/queries/agenda';
import type { Workbook } from '../../../db/workbook';
import type { Agenda } from '../../api/contract';
import { WorkerClient, WorkerStartError } from '../workers/rpc';

export interface AgendaWorkerSetup {
  workbookPath: string;
  migrationsDir: string;
  nativeBinding?: string | undefined;
  /** The password of an encrypted workbook (in memory only, never logged). */
  password?: string | undefined;
}

export interface AgendaRequest {
  date: string;
  days: number;
  time: string | undefined;
}

export interface AgendaRunnerOptions {
  workerScript?: string | undefined;
  setup: () => AgendaWorkerSetup;
  /** The open workbook, for the inline reading. */
  inline: () => Workbook;
  onWorkerFailure?: (error: unknown) => void;
}

export class AgendaRunner {
  private worker: WorkerClient<AgendaRequest> | null = null;
  private broken = false;

  constructor(private readonly options: AgendaRunnerOptions) {}

  async agenda(request: AgendaRequest): Promise<Agenda> {
    const worker = this.ensureWorker();
    if (!worker) return this.inline(request);
    try {
      return (await worker.call(request)) as Agenda;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
      // It died before it ever answered: read here from now on, and say so once.
      this.broken = true;
      this.options.onWorkerFailure?.(error.cause);
      return this.inline(request);
    }
  }

  /** Stops the worker (the workbook closes or is switched); the next agenda starts another. */
  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private inline({ date, days, time }: AgendaRequest): Agenda {
    return agenda(this.options.inline(), date, days, time);
  }

  private ensureWorker(): WorkerClient<AgendaRequest> | null {
    const script = this.options.workerScript;
    if (this.broken || !script || !fs.existsSync(script)) return null;
    // One that stopped (crashed) is replaced by a new one at the next call.
    if (this.worker?.alive) return this.worker;
    this.worker = new WorkerClient<AgendaRequest>(script, {
      name: 'agenda',
      workerData: this.options.setup(),
      youngGenerationMb: 16,
    });
    return this.worker;
  }
}
