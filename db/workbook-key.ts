/**
 * The password of an encrypted workbook, and how a connection is opened with it.
 *
 * The format is SQLCipher 4's (AES-256, PBKDF2-HMAC-SHA512 with 256 000 rounds, HMAC per page),
 * so that other SQLCipher tools can open a workbook with its password. The password lives in
 * memory only: it is never written to settings, the recent list, logs or error messages, and a
 * `WorkbookKey` prints as `[password]` wherever it ends up in a log by accident.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { inspect } from 'node:util';
import type Database from 'better-sqlite3';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export class WorkbookKey {
  readonly #password: string;

  constructor(password: string) {
    this.#password = password;
  }

  /** The bytes SQLCipher derives the key from: the password's UTF-8, as `PRAGMA key='…'` takes it. */
  bytes(): Buffer {
    return Buffer.from(this.#password, 'utf8');
  }

  /** The password itself, for a worker thread's setup (a class does not cross to a thread). */
  reveal(): string {
    return this.#password;
  }

  /** Whether `password` is this one (in constant time: how much of it matched is not told). */
  matches(password: string): boolean {
    const a = crypto.createHash('sha256').update(this.#password, 'utf8').digest();
    const b = crypto.createHash('sha256').update(password, 'utf8').digest();
    return crypto.timingSafeEqual(a, b);
  }

  toString(): string {
    return '[password]';
  }

  toJSON(): string {
    return '[password]';
  }

  [inspect.custom](): string {
    return '[password]';
  }
}

/** A key for `password`, or none. */
export function keyOf(password: string | undefined | null): WorkbookKey | null {
  return password === undefined || password === null ? null : new WorkbookKey(password);
}

/**
 * Gives a fresh connection the workbook's key; must come before anything else reads the file.
 * The key is passed as bytes through the driver (`sqlite3_key`), so no quoting can break it.
 */
export function unlock(sqlite: Database.Database, key: WorkbookKey): void {
  useSqlcipherFormat(sqlite);
  sqlite.key(key.bytes());
}

/** SQLCipher 4's format for this connection's databases (also those it attaches). */
export function useSqlcipherFormat(sqlite: Database.Database): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
}

/**
 * Whether the file starts as every plain SQLite database does. An encrypted one starts with
 * random bytes (its salt), so neither its header nor its application_id can be read.
 */
export function isPlainSqlite(file: string): boolean {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}
