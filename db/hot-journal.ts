/**
 * Rolling back what a killed writer left in a workbook's hot rollback journal: the one place for
 * it, used by the look before opening (workbook-identity.ts) and by the opening itself.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { isPlainSqlite, unlock, type WorkbookKey } from './workbook-key';

function safePlain(file: string): boolean {
  try {
    return isPlainSqlite(file);
  } catch {
    return false;
  }
}

/**
 * A workbook left with a hot rollback journal (`-journal`: a process was killed while it wrote
 * in rollback mode, e.g. while a restored or re-encrypted file was switched to WAL at its
 * opening). Read-only connections cannot roll it back, so every look before the opening would
 * fail; SQLite rolls it back on the first writable connection, as it would at any open. Only a
 * file carrying the workbook mark (or an encrypted one, given its key) is touched.
 */
export function rollBackHotJournal(
  file: string,
  how: { key: WorkbookKey | null; nativeBinding?: string | undefined; applicationId: number },
): void {
  const journal = `${file}-journal`;
  try {
    if (!fs.existsSync(journal) || fs.statSync(journal).size === 0) return;
  } catch {
    return;
  }
  if (safePlain(file)) {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (header.readUInt32BE(68) !== how.applicationId) return;
  } else if (!how.key) return;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, {
      fileMustExist: true,
      ...(how.nativeBinding ? { nativeBinding: how.nativeBinding } : {}),
    });
    if (how.key && !safePlain(file)) unlock(sqlite, how.key);
    // The first read of the schema rolls the journal back.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch {
    // A read-only medium or a wrong key: the look that follows says what is wrong.
  } finally {
    sqlite?.close();
  }
}
