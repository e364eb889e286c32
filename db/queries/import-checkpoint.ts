/**
 * The commits of the workers that write for one job (an import's run, a bulk edit or its undo):
 * the job's commit leaves its pages in the WAL, and folding them into the file waits until the
 * result has been sent, so the user does not wait for that copy. Nor for the disk: the commit
 * does not wait for the WAL to reach it (its pages are handed to the system; `syncWal` waits for
 * them once the result is sent, then `foldWal` folds them back). And a sales run's write without SQLite's foreign-key checks.
 */
import fs from 'node:fs';
import type { Workbook } from '../workbook';

/**
 * This connection's commits hand the WAL's pages to the system without waiting for the disk
 * (`synchronous = NORMAL`). A process killed after the commit loses nothing (the system writes
 * the pages); only a power cut in the moment before `syncWal` can lose the run, never half of
 * it: the WAL's checksums end the workbook at its last whole commit. The run of a million sales
 * waited 0.3–0.5 s more for the disk than for the writing.
 */
export function commitWithoutWaitingForDisk(wb: Workbook): void {
  wb.sqlite.pragma('synchronous = NORMAL');
}

/**
 * Waits until the WAL, the run's commit in it, is on the disk. SQLite holds no lock on the WAL
 * file itself (its locks are on the workbook and its `-shm`), so opening and closing it here
 * takes none of them away. No WAL file: nothing was written.
 */
export function syncWal(wb: Workbook): void {
  let fd: number;
  try {
    fd = fs.openSync(`${wb.file}-wal`, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** No automatic checkpoint after this connection's commits. */
export function deferCheckpoints(wb: Workbook): void {
  wb.sqlite.pragma('wal_autocheckpoint = 0');
}

/**
 * Folds the WAL back into the file, passively: it waits on no reader or writer. Left undone or
 * cut short it costs nothing but time: the main connection's own checkpoints finish it.
 */
export function foldWal(wb: Workbook): void {
  try {
    wb.sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another connection checkpoints): that one does it.
  }
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
