/**
 * What must hold after every kill, read from the files alone: SQLite finds nothing damaged, no
 * reference dangles, every committed operation is wholly there, the one in flight is wholly
 * there or wholly absent, nothing after it is there, and a copy on its final path is a whole
 * workbook holding everything committed before it. Then the program itself opens the workbook.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openWorkbook } from '../../db/workbook';
import { rollBackHotJournal } from '../../electron/services/workbook/integrity';
import { unlock } from '../../db/workbook-key';
import { keyThatOpens } from './op-password';
import { bind, type CrashOp, type Presence } from './ops';

function describe(p: Presence): string {
  return typeof p === 'string' ? p : `partly there (${p.partial})`;
}

/** SQLite's own checks, on a read-only connection. */
function structural(db: Database.Database, what: string): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`${what}: integrity_check says ${JSON.stringify(integrity.slice(0, 5))}`);
  }
  const dangling = db.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) {
    problems.push(
      `${what}: ${dangling.length} broken references, e.g. ${JSON.stringify(dangling[0])}`,
    );
  }
  return problems;
}

/** The program opens it, and the full-text index is sound. */
function opensInProgram(file: string, migrationsDir: string, what: string): string[] {
  try {
    const wb = openWorkbook(file, { migrationsDir, key: keyThatOpens(file) ?? null });
    try {
      wb.sqlite.exec(
        "INSERT INTO client_search (client_search, rank) VALUES ('integrity-check', 0)",
      );
    } finally {
      wb.close();
    }
    return [];
  } catch (error) {
    return [`${what}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** What an operation may show, by what the log says of it. */
const ALLOWED: Record<'committed' | 'in flight' | 'never started', Presence[]> = {
  committed: ['present'],
  'in flight': ['present', 'absent'],
  'never started': ['absent'],
};

/**
 * Checks the workbook after a child ran `ops` and logged `done` as committed. Returns the
 * problems found, each naming the operation; empty when all is well.
 */
export function verifyAfterKill(
  file: string,
  ops: CrashOp[],
  done: Set<number>,
  migrationsDir: string,
): string[] {
  const inFlight = ops.findIndex((_, i) => !done.has(i));
  const problems: string[] = [];
  if ([...done].some((i) => inFlight >= 0 && i > inFlight)) {
    problems.push(`the log has a gap: done ${[...done].join(',')}`);
  }
  const copies: { path: string; before: CrashOp[] }[] = [];
  problems.push(
    ...readOnly(file, 'workbook', (db) => {
      const found = structural(db, 'workbook');
      ops.forEach((op, i) => {
        const bound = bind(op);
        const p = bound.check?.(db);
        const state = done.has(i) ? 'committed' : i === inFlight ? 'in flight' : 'never started';
        const allowed = ALLOWED[state];
        if (p !== undefined && !allowed.includes(p)) {
          found.push(`#${i} ${op.kind} ${op.marker} (${state}) is ${describe(p)}`);
        }
        const output = bound.output?.();
        if (output && fs.existsSync(output)) copies.push({ path: output, before: ops.slice(0, i) });
        for (const file of bound.outputs()) copies.push({ path: file, before: ops.slice(0, i) });
      });
      return found;
    }),
  );
  for (const copy of copies) problems.push(...verifyCopy(copy.path, copy.before, migrationsDir));
  for (const op of ops) problems.push(...verifyWholeFiles(op, migrationsDir));
  problems.push(...opensInProgram(file, migrationsDir, 'workbook'));
  return problems;
}

/**
 * Every backup listed in a data folder's `backups/` (the daily one taken at the opening too):
 * a whole workbook that the program opens. Unfinished ones have hidden names and are not listed.
 */
export function verifyBackups(files: string[], migrationsDir: string): string[] {
  return files.flatMap((file) => verifyCopy(file, [], migrationsDir));
}

/** A copy on its final path: a whole workbook with every operation committed before it. */
function verifyCopy(file: string, before: CrashOp[], migrationsDir: string): string[] {
  const what = `copy ${file}`;
  const problems = readOnly(file, what, (db) => {
    const found = structural(db, what);
    for (const op of before) {
      const bound = bind(op);
      const p = bound.output ? undefined : bound.check?.(db);
      if (p !== undefined && p !== 'present') {
        found.push(`${what} lacks ${op.kind} ${op.marker}: ${describe(p)}`);
      }
    }
    return found;
  });
  return problems.length > 0 ? problems : opensInProgram(file, migrationsDir, what);
}

/** An operation's own files that must be whole workbooks (a save back's target and its `.bak`). */
function verifyWholeFiles(op: CrashOp, migrationsDir: string): string[] {
  const problems: string[] = [];
  for (const whole of bind(op).wholeFiles()) {
    const what = `${op.kind} ${op.marker}: ${whole.file}`;
    if (!fs.existsSync(whole.file)) {
      if (whole.required) problems.push(`${what} is gone`);
      continue;
    }
    const found = readOnly(whole.file, what, (db) => {
      const state = whole.state(db, whole.file);
      return [...structural(db, what), ...(state ? [`${what}: ${state}`] : [])];
    });
    problems.push(...(found.length > 0 ? found : opensInProgram(whole.file, migrationsDir, what)));
  }
  return problems;
}

/**
 * Runs the checks on a read-only connection; a file SQLite cannot even read is a problem too. A
 * hot journal (a kill in the middle of a rollback-mode write: the journal mode switching as the
 * program opened it) is rolled back first, as the program's own opening does.
 */
function readOnly(file: string, what: string, checks: (db: Database.Database) => string[]) {
  let db: Database.Database | undefined;
  try {
    // A hot journal (a kill while a file in rollback mode was written) is rolled back by the
    // next connection that may write, as SQLite does at any open; read-only ones cannot.
    rollBackHotJournal(file, { key: null, applicationId: APPLICATION_ID });
    // An encrypted workbook (a kill while its password was set or changed) under its key.
    const key = keyThatOpens(file);
    const connect = (readonly: boolean) => {
      const made = new Database(file, { readonly, fileMustExist: true });
      if (key) unlock(made, key);
      return made;
    };
    try {
      db = connect(true);
      db.pragma('schema_version');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_READONLY_ROLLBACK') throw error;
      db?.close();
      const writer = connect(false);
      writer.pragma('schema_version');
      writer.close();
      db = connect(true);
    }
    return checks(db);
  } catch (error) {
    return [`${what} cannot be read: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    db?.close();
  }
}
