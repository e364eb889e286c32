/**
 * The import worker's checkpoints: a run's commit leaves its pages in the WAL, and folding them
 * into the file waits until the result has been sent, so the user does not wait for that copy.
 * And a run's write without SQLite's foreign-key checks.
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

/**
 * Runs a sales run's write with SQLite's foreign-key checks off (the pragma only takes effect
 * outside a transaction, so a call inside one keeps them on). Every sale written names a client the
 * planner found in the clients table in this same transaction and a manager it read or created
 * in it, so the check, a look-up in the clients' key index for each of a million rows, could
 * never fail: it was a seventh of the inserts' work.
 */
export function withoutForeignKeyChecks<T>(wb: Workbook, fn: () => T): T {
  if (wb.sqlite.inTransaction) return fn();
  const on = wb.sqlite.pragma('foreign_keys', { simple: true }) as number;
  wb.sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    wb.sqlite.pragma(`foreign_keys = ${on ? 'ON' : 'OFF'}`);
  }
}
