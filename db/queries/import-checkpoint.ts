/**
 * The import worker's checkpoints: a run's commit leaves its pages in the WAL, and folding them
 * into the file waits until the result has been sent, so the user does not wait for that copy.
 */
import type { Workbook } from '../workbook';

/** No automatic checkpoint after this connection's commits. */
export function deferCheckpoints(wb: Workbook): void {
  wb.sqlite.pragma('wal_autocheckpoint = 0');
}

/** Folds what the WAL holds into the file, as far as readers allow, without waiting for them. */
export function checkpointNow(wb: Workbook): void {
  wb.sqlite.pragma('wal_checkpoint(PASSIVE)');
}
