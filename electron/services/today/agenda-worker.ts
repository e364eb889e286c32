/**
 * The agenda's worker thread (bundled as `dist/main/agenda-worker.cjs`): its own connection to
 * the workbook, which it only reads; answers Today's agenda one call at a time (WAL: each read
 * sees everything the main process committed before it).
 */
import { workerData } from 'node:worker_threads';
import { openWorkerWorkbook } from '../workers/open-workbook';
import { agenda } from '../../../db/queries/agenda';
import { serveCalls } from '../workers/rpc';
import type { AgendaRequest, AgendaWorkerSetup } from './agenda-runner';

const setup = workerData as AgendaWorkerSetup;
const wb = openWorkerWorkbook(setup);

serveCalls<AgendaRequest>(({ date, days, time }) => agenda(wb, date, days, time));
