/**
 * The crash test's operations: their shapes, and what each kind's entry of the table
 * (test/crash/ops.ts) says: how the parent prepares it (files, a unique marker, the rows it must
 * write), how the child runs it through the real dispatch, and how the parent tells afterwards,
 * from the workbook alone, whether it is wholly there, wholly absent, or (the bug the test
 * hunts) partly there.
 */
import type Database from 'better-sqlite3';
import type { App } from '../../electron/app';

export type CrashOp =
  | { kind: 'importClients'; marker: string; file: string; rows: number }
  | { kind: 'importSales'; marker: string; file: string; rows: number }
  | { kind: 'bulkTag'; marker: string; ids: string[] }
  | { kind: 'editClient'; marker: string; clientId: string }
  | { kind: 'addComment'; marker: string; clientId: string }
  | { kind: 'addSale'; marker: string; clientId: string }
  | { kind: 'checkpoint'; marker: string }
  | { kind: 'saveCopy'; marker: string; path: string }
  | {
      kind: 'portableSaveBack';
      marker: string;
      /** The workbook on the "stick" (a copy of the child's workbook made before the round). */
      source: string;
      /** Its SHA-256 then: the old version. */
      oldHash: string;
      /** The child's own workbook, opened again afterwards. */
      home: string;
      /** Saved back by `workbook.save`, or as it closes when the child goes home. */
      via: 'save' | 'close';
    }
  | { kind: 'password'; marker: string }
  | { kind: 'backup'; marker: string; folder: string }
  | { kind: 'restore'; marker: string; folder: string; clientId: string };

export type CrashKind = CrashOp['kind'];
export type OpOf<K extends CrashKind> = Extract<CrashOp, { kind: K }>;

/** What the workbook shows of an operation. */
export type Presence = 'present' | 'absent' | { partial: string };

/** What the parent knows of the workbook when it prepares an operation. */
export interface PrepareContext {
  dir: string;
  /** The child's workbook (at rest while the parent prepares a round). */
  workbook: string;
  marker: string;
  /** The operation's number in the whole run (the marker holds it too). */
  serial: number;
  /** Clients seeded before the first kill (never deleted): their ids and client codes. */
  seeded: { id: string; code: string }[];
  /** Distinct seeded clients for single edits, so that no later edit overwrites an earlier one. */
  nextClient(): string;
  int(min: number, max: number): number;
  /** The `backups/` folder of the round's data folder (the child's `dataDir`). */
  backupsDir: string;
}

export interface OpSpec<K extends CrashKind> {
  prepare(ctx: PrepareContext): OpOf<K>;
  /**
   * In the child, before it says the operation starts (so no kill is aimed at it): what the
   * operation needs in place (portable mode's save back: the workbook opened from the stick).
   */
  setup?(app: App, op: OpOf<K>): Promise<void>;
  /** In the child, through the real app. */
  run(app: App, op: OpOf<K>): Promise<void>;
  /** From the workbook alone; absent for operations that leave no trace of their own. */
  check?(db: Database.Database, op: OpOf<K>): Presence;
  /** A file the operation writes that must be a complete workbook whenever it exists. */
  output?(op: OpOf<K>): string;
  /**
   * Files the operation may have written (backups, the workbook kept aside), found after the
   * kill: each must be a complete workbook with everything committed before the operation.
   */
  outputs?(op: OpOf<K>): string[];
  /**
   * Whether a kill that came while the child ran it left it visibly unfinished (a checkpoint
   * that did not get to truncate the WAL, a copy not yet on its final path); without it, any
   * kill between its start and its log line counts.
   */
  unfinished?(op: OpOf<K>, workbook: string): boolean;
  /**
   * Files of its own that must be whole workbooks after any kill (required: there at all times),
   * each in a state `state` accepts (e.g. the old version or the new one): null, or why not.
   */
  wholeFiles?(op: OpOf<K>): {
    file: string;
    required: boolean;
    state(db: Database.Database, file: string): string | null;
  }[];
  /** Files and folders of its own (inputs, outputs, leftovers) to remove once the round is verified. */
  files?(op: OpOf<K>): string[];
}

export async function call(app: App, channel: string, input: unknown): Promise<unknown> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.data;
}

export const count = (db: Database.Database, sql: string, ...args: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/** Wholly there when every part is, wholly absent when none is. */
export function presence(
  found: Record<string, number>,
  expected: Record<string, number>,
): Presence {
  const keys = Object.keys(expected);
  if (keys.every((k) => found[k] === expected[k])) return 'present';
  if (keys.every((k) => found[k] === 0)) return 'absent';
  return { partial: `found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}` };
}
