/**
 * The integrity check's worker thread (bundled as `dist/main/integrity-worker.cjs`): checks one
 * file through its own read-only connection, answers the one call (rpc.ts) and ends.
 */
import { workerData } from 'node:worker_threads';
import { serveCalls } from '../workers/rpc';
import { checkFile, type IntegrityWorkerSetup } from './integrity';

const setup = workerData as IntegrityWorkerSetup;
serveCalls<null>(() => checkFile(setup), { once: { finish: () => undefined } });
