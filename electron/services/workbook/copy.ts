/**
 * A complete, consistent copy of the open workbook while the app keeps running: SQLite's
 * online backup into a temporary file in the target folder, flushed to the disk, then renamed
 * over the target. The target path never holds half a copy.
 *
 * The copy of an encrypted workbook is encrypted with the same key: SQLite's backup refuses an
 * encrypted source, so it is written by `VACUUM INTO` (one read transaction, so just as
 * consistent), and no page of it is ever on the disk unencrypted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { syncFile, syncFolder, type Workbook } from '../../../db/workbook';
import { unlock, type WorkbookKey } from '../../../db/workbook-key';

export interface CopyOptions {
  /** The better-sqlite3 binary of the runtime (Electron), for the copy's own connection. */
  nativeBinding?: string | undefined;
  /**
   * Runs on the finished copy's own connection before it is moved into place: a backup reads
   * what it holds for its name, a saved copy forgets the workbook's id.
   */
  onCopy?: ((copy: Database.Database) => void) | undefined;
}

/** Writes a copy of `wb` to `target` (replacing a file there); returns its size in bytes. */
export async function writeCopy(
  wb: Workbook,
  target: string,
  options: CopyOptions = {},
): Promise<number> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.copy`,
  );
  try {
    // Everything committed is in the file before the copy starts; the backup reads through
    // the connection, so a change committed during it is in the copy too.
    if (!wb.readOnly) wb.checkpoint();
    if (wb.key) {
      // Written in rollback-journal mode already: one file at rest, like `oneFile` makes it.
      wb.sqlite.prepare('VACUUM INTO ?').run(temp);
      // Opening it costs the key's derivation: only when the copy is to be read or changed.
      if (options.onCopy) oneFile(temp, options, wb.key);
    } else {
      await wb.sqlite.backup(temp);
      oneFile(temp, options);
    }
    syncFile(temp);
    fs.renameSync(temp, target);
    syncFolder(dir);
    return fs.statSync(target).size;
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) {
      fs.rmSync(f, { force: true });
    }
  }
}

/**
 * Leaves the copy in rollback-journal mode: a file at rest that opens anywhere, also read-only
 * from a CD or a write-protected stick, where WAL mode would need its `-shm` file. The next
 * writable open switches it back to WAL. (Portable mode's save back uses it too.)
 */
export function oneFile(file: string, options: CopyOptions, key: WorkbookKey | null = null): void {
  const sqlite = new Database(file, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (key) unlock(sqlite, key);
    sqlite.pragma('journal_mode = DELETE');
    options.onCopy?.(sqlite);
  } finally {
    sqlite.close();
  }
}
