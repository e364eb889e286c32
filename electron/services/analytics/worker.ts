/**
 * The analytics worker thread (bundled as `dist/main/analytics-worker.cjs`): its own connection
 * to the workbook and its own in-memory sales, kept current by the store from what the main
 * process commits. Answers the read-only analytics channels one at a time.
 */
import { workerData } from 'node:worker_threads';
import { openWorkbook } from '../../../db/workbook';
import { keyOf } from '../../../db/workbook-key';
import { serveCalls } from '../workers/rpc';
import { computeAnalytics } from './compute';
import { DashboardCache } from './dashboard';
import type { AnalyticsRequest, AnalyticsWorkerSetup } from './runner';
import { AnalyticsStore } from './store';

const setup = workerData as AnalyticsWorkerSetup;
const wb = openWorkbook(setup.workbookPath, {
  migrationsDir: setup.migrationsDir,
  secondary: true,
  key: keyOf(setup.password),
  ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
});
const store = new AnalyticsStore(wb);
const ctx = { wb, now: () => new Date(), store, dashboards: new DashboardCache(wb, store) };

serveCalls<AnalyticsRequest>((request) => {
  if (request.channel === 'reset') return store.reset();
  // The channel's input was validated by the dispatch before it was sent here.
  return computeAnalytics(request.channel, request.input as never, ctx);
});
// Read the sales now, in the background: the first dashboard or Today after a start then finds
// them in memory (requests that come meanwhile wait in the queue).
setImmediate(() => {
  try {
    store.current();
  } catch {
    // The request that needs the data will meet the same error and report it.
  }
});
