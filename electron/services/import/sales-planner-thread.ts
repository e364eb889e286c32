/**
 * The planner thread of a large sales run. A run that plans as it writes (no check before it,
 * as an outside tool calls `import.run`) used to read, check and write every chunk on one
 * thread, one step after the other. For a large CSV the reading and checking now go to a
 * thread of their own, beside the writer: it opens its own read-only connection, whose snapshot
 * is the workbook as the writer's transaction found it (the writer holds the write lock before
 * the thread starts, so nothing can commit in between), plans each chunk exactly as a check
 * does (repeats of earlier rows in a temporary table of its own, `seenInTempTable`), and hands
 * the writer each chunk's operations in columns (`planned-ops.ts`), in the order the writer
 * writes them.
 *
 * The writer's transaction is synchronous: it waits for the next chunk on shared memory
 * (`Atomics.wait`) and takes it from its port with `receiveMessageOnPort`. The planner runs at
 * most `AHEAD` chunks ahead, so memory holds a few chunks whatever the file's length. A cancel,
 * an error on either side or the end of the run ends the thread.
 */
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { Locale } from '../../api/contract';
import { lastSaleRowid } from '../../../db/queries/import-reads';
import { usePageCache } from '../../../db/queries/import-seen';
import type { SaleImportOp } from '../../../db/queries/import-write';
import type { Workbook } from '../../../db/workbook';
import { openWorkerWorkbook, type WorkbookAccess } from '../workers/open-workbook';
import { deserializeError, serializeError, type SerializedError } from '../workers/rpc';
import { ImportCancelled } from './plan';
import type { SalesTally } from './plan-sales';
import { OpsDecoder, OpsEncoder, type EncodedOps } from './planned-ops';
import { inIndexOrder, openFeed, planAll, type SalesEnv, type SalesRequest } from './sales-feed';
import { seenInTempTable } from './seen-sales';

/** Where the import worker can start a planner thread, and from what size of file it does. */
export interface PlannerThreadEnv {
  /** The import worker's bundle: the same script runs the planner (`worker.ts`). */
  script: string;
  access: WorkbookAccess;
  /** CSV files of at least this many bytes are planned on the thread. */
  minBytes: number;
}

/** From this size a CSV is planned on its own thread (about 130,000 rows of a 1C export). */
export const PLANNER_THREAD_BYTES = 4 * 1024 * 1024;

export interface PlannerData {
  role: 'sales-planner';
  access: WorkbookAccess;
  request: SalesRequest;
  env: { locale: Locale; today: string; listLimit: number; chunkRows?: number | undefined };
  /** The greatest sale rowid the writer's transaction found: the thread must see the same. */
  before: number;
  port: MessagePort;
  /** [chunks posted, chunks written]. */
  signal: Int32Array;
}

type PlannerMessage =
  | { type: 'chunk'; ops: EncodedOps; newManagers: [string, string][]; total: number; done: number }
  | { type: 'done'; tally: SalesTally; newManagers: [string, string][] }
  | { type: 'error'; error: SerializedError };

const POSTED = 0;
const WRITTEN = 1;
/** Chunks the planner may have posted and the writer not yet written. */
const AHEAD = 2;
/** The writer gives up on a planner that has said nothing for this long (it never should). */
const SILENCE_MS = 120_000;

/** A chunk's operations, in the order the writer writes them, and what it needs beside them. */
export type OnPlannedOps = (
  ops: SaleImportOp[],
  newManagers: ReadonlyMap<string, string>,
  total: number,
) => void;

/**
 * The writer's side: starts the thread once the writer's transaction holds the write lock and
 * hands `onOps` each chunk as it comes; returns the planner's tally once the file is done.
 */
export function planOnThread(
  thread: PlannerThreadEnv,
  request: SalesRequest,
  env: SalesEnv,
  before: number,
  onOps: OnPlannedOps,
): { tally: SalesTally; newManagers: ReadonlyMap<string, string> } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const data: PlannerData = {
    role: 'sales-planner',
    access: thread.access,
    request,
    env: {
      locale: env.locale,
      today: env.today,
      listLimit: env.listLimit,
      chunkRows: env.chunkRows,
    },
    before,
    port: port2,
    signal,
  };
  const worker = new Worker(thread.script, {
    workerData: data,
    transferList: [port2],
    // Its chunks' rows, strings and objects live briefly: a roomier young generation (as the
    // import worker's) collects them cheaply. Alternated bench runs of the 1,050,000-row run:
    // 13.7 / 11.9 s against 16.1 s (and 64 MB: 14.4 / 13.6 s).
    resourceLimits: { maxYoungGenerationSizeMb: 128 },
  });
  worker.unref();
  const decoder = new OpsDecoder();
  const newManagers = new Map<string, string>();
  let finished = false;
  try {
    for (;;) {
      const message = next(port1, signal, env.cancelled);
      if (message.type === 'error') throw deserializeError(message.error);
      for (const [folded, name] of message.newManagers) newManagers.set(folded, name);
      if (message.type === 'done') {
        finished = true;
        return { tally: message.tally, newManagers };
      }
      onOps(decoder.decode(message.ops), newManagers, message.total);
      Atomics.add(signal, WRITTEN, 1);
      Atomics.notify(signal, WRITTEN);
      env.onProgress?.('write', message.done, message.total);
    }
  } finally {
    port1.close();
    // A planner still reading (a cancel, an error) is stopped; one that is done ends itself.
    if (!finished) void worker.terminate();
  }
}

/** The planner's next message, waited for without leaving the writer's transaction. */
function next(
  port: MessagePort,
  signal: Int32Array,
  cancelled: (() => boolean) | undefined,
): PlannerMessage {
  let quiet = 0;
  for (;;) {
    if (cancelled?.()) throw new ImportCancelled();
    const posted = Atomics.load(signal, POSTED);
    const got = receiveMessageOnPort(port);
    if (got) return got.message as PlannerMessage;
    // Woken as soon as the planner posts; a cancel is seen within a quarter of a second.
    if (Atomics.wait(signal, POSTED, posted, 250) === 'timed-out') quiet += 250;
    else quiet = 0;
    if (quiet >= SILENCE_MS) throw new Error('the import’s planner thread stopped answering');
  }
}

/** The planner's side, run by the import worker's script in a thread of its own. */
export async function runPlannerThread(data: PlannerData): Promise<void> {
  const { port, signal } = data;
  const post = (message: PlannerMessage, transfer: ArrayBuffer[] = []) => {
    port.postMessage(message, transfer);
    Atomics.add(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  };
  let wb: Workbook | null = null;
  try {
    const open = openWorkerWorkbook(data.access, { readOnly: true });
    wb = open;
    // The client index and the earlier sales of the clients the rows name, read at random.
    usePageCache(open, 64);
    const feed = await openFeed(data.request, data.env);
    const encoder = new OpsEncoder();
    let posted = 0;
    let managersSent = 0;
    const planner = open.read(() => {
      if (lastSaleRowid(open) !== data.before) {
        throw new Error('the planner thread read the workbook in another state than the run');
      }
      return planAll(
        open,
        feed,
        data.request,
        data.env,
        () => seenInTempTable(open),
        (p, ops, total, done) => {
          const { ops: encoded, transfer } = encoder.encode(inIndexOrder(ops));
          const names = [...p.newManagers].slice(managersSent);
          managersSent += names.length;
          post({ type: 'chunk', ops: encoded, newManagers: names, total, done }, transfer);
          posted += 1;
          // At most AHEAD chunks wait for the writer: memory holds a few, whatever the file.
          for (;;) {
            const written = Atomics.load(signal, WRITTEN);
            if (posted - written <= AHEAD) break;
            Atomics.wait(signal, WRITTEN, written, 1000);
          }
        },
        'write',
      );
    });
    post({
      type: 'done',
      tally: planner.tally,
      newManagers: [...planner.newManagers].slice(managersSent),
    });
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  } finally {
    wb?.close();
    port.close();
  }
}
