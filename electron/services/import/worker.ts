/**
 * The import worker thread (bundled as `dist/main/import-worker.cjs`): opens its own connection
 * to the workbook, runs one import step and posts progress and the result back. A run's write
 * transaction lives here, so the main process keeps answering the window meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import { openWorkbook } from '../../../db/workbook';
import { keyOf } from '../../../db/workbook-key';
import { runJob, serialize, type JobRequest, type WorkerMessage, type WorkerSetup } from './jobs';

interface Data {
  setup: WorkerSetup;
  job: JobRequest;
  flag: Int32Array;
}

async function main(): Promise<void> {
  const { setup, job, flag } = workerData as Data;
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  const wb = openWorkbook(setup.workbookPath, {
    migrationsDir: setup.migrationsDir,
    secondary: true,
    key: keyOf(setup.password),
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
  });
  try {
    const result = await runJob(
      { wb, now: () => new Date(), newId: () => uuidv7(), actor: () => setup.actor },
      job,
      {
        locale: setup.locale,
        today: setup.today,
        onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
        cancelled: () => Atomics.load(flag, 0) === 1,
      },
    );
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', error: serialize(error) });
  } finally {
    wb.close();
  }
}

void main();
