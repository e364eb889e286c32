/**
 * Setting, changing and removing the open workbook's password. The file is never re-encrypted
 * in place (a kill half-way through `PRAGMA rekey` would leave pages under two keys): a new file
 * is written beside it with the new key, checked, flushed, and renamed over the workbook while
 * the session holds its lock. A kill at any moment leaves either the old file (old password) or
 * the new one (new password). Setting a password never puts an unencrypted page on the disk:
 * the new file is encrypted as it is written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { WorkbookInfo } from '../../api/contract';
import { AppError } from '../../api/errors';
import { syncFile, syncFolder } from '../../../db/workbook';
import { keyOf, unlock, useSqlcipherFormat, type WorkbookKey } from '../../../db/workbook-key';
import type { WorkbookSession } from './session';

export interface PasswordChange {
  /** The current password (needed when the workbook has one). */
  old?: string | undefined;
  /** The new password; absent removes it. */
  new?: string | undefined;
}

export interface PasswordOptions {
  nativeBinding?: string | undefined;
}

/** Re-encrypts the open workbook under `change.new` (or decrypts it) and opens it again. */
export async function setPassword(
  session: WorkbookSession,
  change: PasswordChange,
  options: PasswordOptions = {},
): Promise<WorkbookInfo> {
  const current = session.wb.key;
  if (!session.writable()) throw new AppError('read_only', 'workbook_read_only');
  if (current) {
    if (change.old === undefined)
      throw new AppError('invalid_input', 'password_old_needed', {}, 'old');
    if (!current.matches(change.old)) {
      throw new AppError('wrong_password', 'password_old_wrong', {}, 'old');
    }
  }
  const next = keyOf(change.new);
  const unchanged =
    current === null ? next === null : next !== null && current.matches(next.reveal());
  if (unchanged) return session.info();
  return session.replaceFile((file) => {
    reencrypt(file, current, next, options);
    return { key: next };
  });
}

/** The names of the files a re-encryption writes beside the workbook. */
const REKEY = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.rekey(-main)?(-journal|-wal|-shm)?$/;

/**
 * Writes `file` anew under `to` (null: unencrypted) from its content under `from`, and puts it
 * in place. The workbook must be closed (the session's `replaceFile` does that).
 */
export function reencrypt(
  file: string,
  from: WorkbookKey | null,
  to: WorkbookKey | null,
  options: PasswordOptions = {},
): void {
  const dir = path.dirname(file);
  removeLeftovers(file);
  refuseUnfinishedWal(file);
  const stem = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
  const temp = `${stem}.rekey`;
  const scratch = `${stem}.rekey-main`;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  try {
    // `VACUUM … INTO` encrypts the new file with the key of the connection's main database:
    // an empty one here (never written), keyed with the new password; the workbook is attached
    // with the old one.
    const sqlite = new Database(scratch, binding);
    let expected: Facts;
    try {
      useSqlcipherFormat(sqlite);
      if (to) sqlite.key(to.bytes());
      sqlite.prepare('ATTACH ? AS source KEY ?').run(file, from ? from.bytes() : '');
      expected = facts(sqlite, 'source');
      sqlite.prepare('VACUUM source INTO ?').run(temp);
    } finally {
      sqlite.close();
    }
    check(temp, to, expected, binding);
    syncFile(temp);
    refuseUnfinishedWal(file);
    fs.renameSync(temp, file);
    syncFolder(dir);
  } finally {
    for (const f of [temp, scratch]) {
      for (const side of ['', '-journal', '-wal', '-shm'])
        fs.rmSync(`${f}${side}`, { force: true });
    }
  }
}

interface Facts {
  applicationId: number;
  userVersion: number;
  clients: number;
}

function facts(sqlite: Database.Database, schema: string): Facts {
  return {
    applicationId: sqlite.pragma(`${schema}.application_id`, { simple: true }) as number,
    userVersion: sqlite.pragma(`${schema}.user_version`, { simple: true }) as number,
    clients: sqlite.prepare(`SELECT count(*) FROM ${schema}.clients`).pluck().get() as number,
  };
}

/** The new file opens with its new key, is sound, and holds the same workbook. */
function check(
  file: string,
  key: WorkbookKey | null,
  expected: Facts,
  binding: { nativeBinding?: string },
): void {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, ...binding });
  try {
    if (key) unlock(sqlite, key);
    const found = facts(sqlite, 'main');
    const [quick] = sqlite.pragma('quick_check') as { quick_check: string }[];
    const problem =
      quick?.quick_check !== 'ok'
        ? `quick_check: ${quick?.quick_check ?? '?'}`
        : found.applicationId !== expected.applicationId ||
            found.userVersion !== expected.userVersion ||
            found.clients !== expected.clients
          ? `found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`
          : null;
    if (problem) throw new AppError('unavailable', 'password_check_failed', { details: problem });
  } finally {
    sqlite.close();
  }
}

/**
 * A WAL with pages in it beside the workbook: another connection still writes it. Renaming a
 * new file under that WAL would mix pages of two files (under two keys): refused instead.
 */
function refuseUnfinishedWal(file: string): void {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new AppError('conflict', 'password_in_use');
  }
}

/** Files an earlier re-encryption left when its process was killed (this process's are in use). */
function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) {
    const match = REKEY.exec(name);
    if (!match || match[1] !== path.basename(file)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
