/**
 * The integrity check's worker thread (bundled as `dist/main/integrity-worker.cjs`): checks one
 * file through its own read-only connection and says what it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type IntegrityReply, type IntegrityWorkerSetup } from './integrity';

const setup = workerData as IntegrityWorkerSetup;
let reply: IntegrityReply;
try {
  reply = { verdict: checkFile(setup) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
