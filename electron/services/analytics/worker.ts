/**
 * The analytics worker thread (bundled as `dist/main/analytics-worker.cjs`): its own connection
 * to the workbook and its own in-memory sales, kept current by the store from what the main
 * process commits. Answers the read-only analytics channels one at a time.
 */
import { workerData } from 'node:worker_threads';
import { openWorkerWorkbook } from '../workers/open-workbook';
import { serveCalls } from '../workers/rpc';
import { computeAnalytics } from './compute';
import { DashboardCache } from './dashboard';
import type { AnalyticsRequest, AnalyticsWorkerSetup } from './runner';
import { AnalyticsStore } from './store';

const setup = workerData as AnalyticsWorkerSetup;
const wb = openWorkerWorkbook(setup);
// A read-only workbook is not written, not even the snapshot (another program may hold it).
const store = new AnalyticsStore(wb, { snapshot: true, readOnly: setup.readOnly === true });
const ctx = { wb, now: () => new Date(), store, dashboards: new DashboardCache(wb, store) };

/** Quiet time before the snapshot is written, so it never delays an answer someone waits for. */
const SAVE_WHEN_IDLE_MS = 500;
let saveTimer: NodeJS.Timeout | null = null;

/** Stores a fresh load as the workbook's snapshot once no call has come for a moment. */
function saveSnapshotWhenIdle(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  if (!store.snapshotDue || setup.snapshotOnlyWhenAsked === true) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    // False when the main process was writing: the next call arms the timer again.
    storeSnapshotNow();
  }, SAVE_WHEN_IDLE_MS);
}

/**
 * Stores a fresh load as the snapshot now: when idle, or when a portable working copy's save
 * back is about to copy the file.
 */
function storeSnapshotNow(): boolean {
  try {
    return store.saveSnapshot();
  } catch {
    // Only time is lost: the next open reads the sales again.
    return false;
  }
}

serveCalls<AnalyticsRequest>((request) => {
  if (request.channel === 'reset') return store.reset();
  if (request.channel === 'storeSnapshot') return storeSnapshotNow();
  try {
    // The channel's input was validated by the dispatch before it was sent here.
    return computeAnalytics(request.channel, request.input as never, ctx);
  } finally {
    saveSnapshotWhenIdle();
  }
});
// Read the sales now, in the background: the first dashboard or Today after a start then finds
// them in memory (requests that come meanwhile wait in the queue).
setImmediate(() => {
  try {
    store.current();
  } catch {
    // The request that needs the data will meet the same error and report it.
  }
  saveSnapshotWhenIdle();
});
