/**
 * Putting a backup in the place of a closed workbook file: the file as it is is kept aside
 * first (a `before-restore` backup, never overwritten or deleted here), then the backup is
 * copied beside the file under a hidden name, flushed to the disk and renamed over it. At every
 * moment the path holds either the old workbook or the restored one, whole.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFile, syncFolder } from '../../../db/workbook';
import { isPlainSqlite, type WorkbookKey } from '../../../db/workbook-key';
import { keepAside, removeLeftovers, type BackupDisk } from './backup-write';
import { reencrypt } from './password';

export interface RestoreSwap {
  /** The backup to put in place. */
  backup: string;
  /** The workbook's backup folder, where the file as it was is kept. */
  folder: string;
  at: Date;
  disk: BackupDisk;
  /** The workbook in place failed its integrity check: kept aside as damaged. */
  damaged: boolean;
  nativeBinding?: string | undefined;
  /** The open workbook's key: the restored file is encrypted with it (a plain backup too). */
  key: WorkbookKey | null;
}

/** Runs inside `session.replaceFile`: `file` is closed. Returns where the old file was kept. */
export async function restoreInto(file: string, swap: RestoreSwap): Promise<string> {
  const keptAs = await keepAside(file, swap.folder, swap);
  const dir = path.dirname(file);
  removeLeftovers(dir, `.${path.basename(file)}.`);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.restoring`,
  );
  try {
    await swap.disk.copyFile(swap.backup, temp);
    // A backup from before the password was set: restored under the password the workbook has
    // now (never a plain file in the place of an encrypted one).
    if (swap.key && isPlainSqlite(temp)) {
      reencrypt(temp, null, swap.key, { nativeBinding: swap.nativeBinding });
    }
    syncFile(temp);
    // A WAL left beside the old file would be read into the restored one: it was kept aside
    // with the file, and goes before the rename.
    for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
    fs.renameSync(temp, file);
    syncFolder(dir);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return keptAs;
}
