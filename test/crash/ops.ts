/**
 * Every kind of operation the crash test's child can be killed in, one entry each
 * (test/crash/op-spec.ts says what an entry holds).
 */
import type Database from 'better-sqlite3';
import type { App } from '../../electron/app';
import { backup, restore } from './op-backups';
import { bulkTag, importClients, importSales } from './op-batches';
import { addComment, addSale, editClient } from './op-edits';
import { checkpoint, saveCopy } from './op-files';
import { portableSaveBack } from './op-portable';
import { password } from './op-password';
import type { CrashKind, CrashOp, OpOf, OpSpec, Presence } from './op-spec';

export type { CrashKind, CrashOp, Presence } from './op-spec';

/**
 * Every kind of operation the child can be killed in; `portableSaveBack` is portable mode's save
 * back to the stick (temporary file, fsync, the old one kept as `.bak`, rename).
 */
export const CRASH_OPS: { [K in CrashKind]: OpSpec<K> } = {
  importClients,
  importSales,
  bulkTag,
  editClient,
  addComment,
  addSale,
  checkpoint,
  saveCopy,
  portableSaveBack,
  password,
  backup,
  restore,
};

/** An operation with its kind's entry of the table. */
export interface BoundOp {
  setup(app: App): Promise<void>;
  run(app: App): Promise<void>;
  check?: (db: Database.Database) => Presence;
  wholeFiles: () => ReturnType<NonNullable<OpSpec<CrashKind>['wholeFiles']>>;
  output?: () => string;
  outputs: () => string[];
  unfinished: (workbook: string) => boolean;
  files: () => string[];
}

function bindSpec<K extends CrashKind>(spec: OpSpec<K>, op: OpOf<K>): BoundOp {
  return {
    setup: (app) => spec.setup?.(app, op) ?? Promise.resolve(),
    run: (app) => spec.run(app, op),
    ...(spec.check ? { check: (db: Database.Database) => spec.check!(db, op) } : {}),
    ...(spec.output ? { output: () => spec.output!(op) } : {}),
    wholeFiles: () => spec.wholeFiles?.(op) ?? [],
    outputs: () => spec.outputs?.(op) ?? [],
    unfinished: (workbook) => spec.unfinished?.(op, workbook) ?? true,
    files: () => spec.files?.(op) ?? [],
  };
}

export function bind(op: CrashOp): BoundOp {
  switch (op.kind) {
    case 'importClients':
      return bindSpec(CRASH_OPS.importClients, op);
    case 'importSales':
      return bindSpec(CRASH_OPS.importSales, op);
    case 'bulkTag':
      return bindSpec(CRASH_OPS.bulkTag, op);
    case 'editClient':
      return bindSpec(CRASH_OPS.editClient, op);
    case 'addComment':
      return bindSpec(CRASH_OPS.addComment, op);
    case 'addSale':
      return bindSpec(CRASH_OPS.addSale, op);
    case 'checkpoint':
      return bindSpec(CRASH_OPS.checkpoint, op);
    case 'saveCopy':
      return bindSpec(CRASH_OPS.saveCopy, op);
    case 'portableSaveBack':
      return bindSpec(CRASH_OPS.portableSaveBack, op);
    case 'password':
      return bindSpec(CRASH_OPS.password, op);
    case 'backup':
      return bindSpec(CRASH_OPS.backup, op);
    case 'restore':
      return bindSpec(CRASH_OPS.restore, op);
  }
}
