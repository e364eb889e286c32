/**
 * Setting, changing and removing the workbook's password in a row, through the real
 * `workbook.setPassword`: each writes a new file under the new key and renames it over the
 * workbook. A kill anywhere leaves the workbook whole under exactly one of the three keys (none,
 * the first password, the second); the parent finds which, checks the workbook through it, and
 * decrypts it again so the next round's child opens it as it always does.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { isPlainSqlite, unlock, WorkbookKey } from '../../db/workbook-key';
import { reencrypt } from '../../electron/services/workbook/password';
import { call, type OpSpec } from './op-spec';

const FIRST = 'crash «первый» pass';
const SECOND = "crash 'second' pass";

export const password: OpSpec<'password'> = {
  prepare: (ctx) => ({ kind: 'password', marker: ctx.marker }),
  async run(app) {
    await call(app, 'workbook.setPassword', { new: FIRST });
    await call(app, 'workbook.setPassword', { old: FIRST, new: SECOND });
    await call(app, 'workbook.setPassword', { old: SECOND });
  },
  // Unfinished while the workbook is still encrypted (or a new file was being written).
  unfinished: (_op, workbook) => !fs.existsSync(workbook) || !isPlainSqlite(workbook),
};

/**
 * The key that opens `file`: null for a plain one, else the crash test's password that does;
 * `undefined` when none does (a broken file, which the checks then report).
 */
export function keyThatOpens(file: string): WorkbookKey | null | undefined {
  if (!fs.existsSync(file)) return undefined;
  if (isPlainSqlite(file)) return null;
  for (const candidate of [FIRST, SECOND]) {
    const key = new WorkbookKey(candidate);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      unlock(db, key);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return key;
    } catch {
      // Not this one.
    } finally {
      db.close();
    }
  }
  return undefined;
}

/** Plain again for the next round (the child opens the workbook without a password). */
export function decrypt(file: string): void {
  const key = keyThatOpens(file);
  if (key) reencrypt(file, key, null);
}
