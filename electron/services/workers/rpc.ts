/**
 * Calls into a worker thread, the one protocol of the import and analytics workers: the main
 * side sends `{ id, request }`; the worker says `ready` once it has set up (opened its
 * workbook), may send events for a call (progress), and answers each call with its result or
 * its error, which crosses the thread boundary serialized (an AppError stays an AppError, a
 * SQLite or file-system code such as `SQLITE_FULL` stays on the error for the dispatch to map).
 * A result returned as {@link JsonText} crosses as its bytes, moved rather than copied, and
 * arrives as a JsonText.
 * A worker that fails before saying anything never started: its calls fail with
 * `WorkerStartError`, so the caller can fall back to computing in its own thread.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { AppError } from '../../api/errors';
import { isMessageKey } from '../../api/messages';
import { JsonText } from './json-text';

export type SerializedError =
  | {
      app: true;
      code: AppError['code'];
      key: string;
      params: Record<string, string | number>;
      field?: string | undefined;
    }
  | {
      app: false;
      message: string;
      /** SQLite's or the file system's code (`SQLITE_FULL`, `ENOSPC`): dispatch maps it. */
      code?: string | undefined;
    };

type ToWorker<Request> = { id: number; request: Request };

type FromWorker<Event> =
  | { type: 'ready' }
  | { type: 'event'; id: number; event: Event }
  | { type: 'reply'; id: number; ok: true; data: unknown }
  /** An answer the worker wrote as JSON ({@link JsonText}): its bytes, moved, not cloned. */
  | { type: 'reply'; id: number; ok: true; json: Uint8Array }
  | { type: 'reply'; id: number; ok: false; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return {
      app: true,
      code: error.code,
      key: error.key,
      params: error.params,
      field: error.field,
    };
  }
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return {
    app: false,
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function deserializeError(error: SerializedError): Error {
  if (error.app && isMessageKey(error.key)) {
    return new AppError(error.code, error.key, error.params, error.field);
  }
  if (error.app) return new Error(error.key);
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/** The worker failed before it said anything: it never opened the workbook. */
export class WorkerStartError extends Error {
  constructor(override readonly cause: unknown) {
    super('worker did not start');
    this.name = 'WorkerStartError';
  }
}

interface Pending<Event> {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onEvent: ((event: Event) => void) | undefined;
}

export interface WorkerClientOptions {
  /** For messages: "import", "analytics". */
  name: string;
  workerData: unknown;
  /** A roomier young generation for workers that make many short-lived objects. */
  youngGenerationMb: number;
}

/** The main side of one worker thread. */
export class WorkerClient<Request, Event = never> {
  private readonly worker: Worker;
  private heard = false;
  private gone = false;
  /** Why the worker stopped, once it has. */
  private failure: unknown = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Event>>();

  constructor(script: string, options: WorkerClientOptions) {
    this.worker = new Worker(script, {
      workerData: options.workerData,
      resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb },
    });
    this.worker.on('message', (message: FromWorker<Event>) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`${options.name} worker stopped (exit code ${code})`)),
    );
  }

  /** Resolves once the thread has ended (whatever it still did after its last answer). */
  readonly exited: Promise<void>;

  /** The thread's id (for logs and tests). */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** False once the worker has stopped (crashed, ended, terminated). */
  get alive(): boolean {
    return !this.gone;
  }

  /** Sends a request; resolves to the worker's answer. `onEvent` hears the call's events. */
  call(request: Request, onEvent?: (event: Event) => void): Promise<unknown> {
    if (this.gone) {
      // A call made after the worker failed to start is told so, as a call made before is.
      const unstarted = !this.heard && this.failure !== null;
      return Promise.reject(
        unstarted ? new WorkerStartError(this.failure) : new Error('the worker has stopped'),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEvent });
      const message: ToWorker<Request> = { id, request };
      this.worker.postMessage(message);
    });
  }

  terminate(): void {
    this.gone = true;
    void this.worker.terminate();
  }

  private receive(message: FromWorker<Event>): void {
    this.heard = true;
    if (message.type === 'ready') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'event') return waiting.onEvent?.(message.event);
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve('json' in message ? new JsonText(message.json) : message.data);
    else waiting.reject(deserializeError(message.error));
  }

  private fail(error: unknown): void {
    this.gone = true;
    this.failure ??= error;
    for (const waiting of this.pending.values()) {
      waiting.reject(this.heard ? error : new WorkerStartError(error));
    }
    this.pending.clear();
  }
}

export interface ServeOptions<Request> {
  /**
   * Answer calls until one for which `last` says so (every call when it is absent), then run
   * `finish` and let the thread end (a worker per job, or per run of jobs).
   */
  once?: { finish: () => void; last?: (request: Request) => boolean };
}

/**
 * The worker side: says `ready`, then answers each call with what `handle` returns (or throws),
 * one at a time in arrival order; `emit` sends the call's events (progress) meanwhile.
 */
export function serveCalls<Request, Event = never>(
  handle: (request: Request, emit: (event: Event) => void) => unknown,
  options: ServeOptions<Request> = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('serveCalls runs in a worker thread');
  const post = (message: FromWorker<Event>, move: ArrayBuffer[] = []) =>
    port.postMessage(message, move);
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ id, request }: ToWorker<Request>) => {
    queue = queue.then(async () => {
      try {
        const data = await handle(request, (event) => post({ type: 'event', id, event }));
        if (data instanceof JsonText) {
          // Moved when the bytes are their buffer's own (as `JsonText.of` writes them): the
          // other thread gets the buffer itself, this one no longer has it.
          const move = data.ownsBuffer() ? [data.bytes.buffer as ArrayBuffer] : [];
          post({ type: 'reply', id, ok: true, json: data.bytes }, move);
        } else {
          post({ type: 'reply', id, ok: true, data });
        }
      } catch (error) {
        post({ type: 'reply', id, ok: false, error: serializeError(error) });
      }
      if (options.once && (options.once.last?.(request) ?? true)) {
        options.once.finish();
        port.close();
      }
    });
  });
  post({ type: 'ready' });
}
