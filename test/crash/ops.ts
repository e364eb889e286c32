/**
 * What the crash test's child process does to the workbook, one entry per kind of operation:
 * how the parent prepares it (files, a unique marker, the rows it must write), how the child
 * runs it through the real dispatch, and how the parent tells afterwards, from the workbook
 * alone, whether it is wholly there, wholly absent, or (the bug the test hunts) partly there.
 */
import fs from 'node:fs';
import path from 'node:path';
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
  | { kind: 'saveCopy'; marker: string; path: string };

export type CrashKind = CrashOp['kind'];
type OpOf<K extends CrashKind> = Extract<CrashOp, { kind: K }>;

/** What the workbook shows of an operation. */
export type Presence = 'present' | 'absent' | { partial: string };

/** What the parent knows of the workbook when it prepares an operation. */
export interface PrepareContext {
  dir: string;
  marker: string;
  /** The operation's number in the whole run (the marker holds it too). */
  serial: number;
  /** Clients seeded before the first kill (never deleted): their ids and client codes. */
  seeded: { id: string; code: string }[];
  /** Distinct seeded clients for single edits, so that no later edit overwrites an earlier one. */
  nextClient(): string;
  int(min: number, max: number): number;
}

export interface OpSpec<K extends CrashKind> {
  prepare(ctx: PrepareContext): OpOf<K>;
  /** In the child, through the real app. */
  run(app: App, op: OpOf<K>): Promise<void>;
  /** From the workbook alone; absent for operations that leave no trace of their own. */
  check?(db: Database.Database, op: OpOf<K>): Presence;
  /** A file the operation writes that must be a complete workbook whenever it exists. */
  output?(op: OpOf<K>): string;
  /**
   * Whether a kill that came while the child ran it left it visibly unfinished (a checkpoint
   * that did not get to truncate the WAL, a copy not yet on its final path); without it, any
   * kill between its start and its log line counts.
   */
  unfinished?(op: OpOf<K>, workbook: string): boolean;
  /** Files of its own (inputs, outputs, leftovers) to remove once the round is verified. */
  files?(op: OpOf<K>): string[];
}

/** Sizes: big enough that a kill lands inside the write, small enough for 50+ kills a run. */
export const IMPORT_ROWS = 2000;
export const BULK_CLIENTS = 2500;

async function call(app: App, channel: string, input: unknown): Promise<unknown> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.data;
}

const count = (db: Database.Database, sql: string, ...args: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/** Wholly there when every part is, wholly absent when none is. */
function presence(found: Record<string, number>, expected: Record<string, number>): Presence {
  const keys = Object.keys(expected);
  if (keys.every((k) => found[k] === expected[k])) return 'present';
  if (keys.every((k) => found[k] === 0)) return 'absent';
  return { partial: `found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}` };
}

function writeCsv(file: string, lines: string[]): void {
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/** An import: its rows carry the marker, its history batch is labelled with the file's name. */
function importPresence(db: Database.Database, op: OpOf<'importClients' | 'importSales'>) {
  const label = path.basename(op.file);
  const batch = db.prepare("SELECT id FROM batches WHERE kind = 'import' AND label = ?").pluck();
  const batchIds = batch.all(label) as string[];
  const changes = batchIds.length
    ? count(db, 'SELECT count(*) FROM changes WHERE batch_id = ?', batchIds[0])
    : 0;
  const rows =
    op.kind === 'importClients'
      ? count(
          db,
          'SELECT count(*) FROM clients WHERE external_id >= ? AND external_id < ?',
          `${op.marker}-`,
          `${op.marker}.`,
        )
      : count(
          db,
          'SELECT count(*) FROM sales WHERE doc_no >= ? AND doc_no < ?',
          `${op.marker}-`,
          `${op.marker}.`,
        );
  // A created client is one change row; a created sale one per field it fills, and the stage
  // moves the sales cause are recorded in the same batch.
  const found = { batches: batchIds.length, rows, recorded: changes >= op.rows ? 1 : 0 };
  return presence(found, { batches: 1, rows: op.rows, recorded: 1 });
}

const importClients: OpSpec<'importClients'> = {
  prepare(ctx) {
    const file = path.join(ctx.dir, `${ctx.marker}.csv`);
    const lines = ['Name;Client code;Email;Phone;Note'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const n = String(i).padStart(5, '0');
      // Every key unique to the row, so the import creates each one (no duplicate to merge).
      const phone = `+7 9${String(ctx.serial).padStart(4, '0')}${n}`;
      lines.push(
        `Клиент ${ctx.marker} ${n};${ctx.marker}-${n};${ctx.marker.toLowerCase()}-${n}@example.ru;${phone};${ctx.marker}`,
      );
    }
    writeCsv(file, lines);
    return { kind: 'importClients', marker: ctx.marker, file, rows: IMPORT_ROWS };
  },
  async run(app, op) {
    app.ctx.importer.allowFile(op.file);
    const mapping = {
      Name: 'name',
      'Client code': 'externalId',
      Email: 'email',
      Phone: 'phone',
      Note: 'note',
    };
    const result = (await call(app, 'import.run', {
      path: op.file,
      target: 'clients',
      mapping,
      onDuplicate: 'update',
      onInvalid: 'abort',
    })) as { inserted: number };
    if (result.inserted !== op.rows) throw new Error(`imported ${result.inserted} of ${op.rows}`);
  },
  check: importPresence,
  files: (op) => [op.file],
};

const importSales: OpSpec<'importSales'> = {
  prepare(ctx) {
    const file = path.join(ctx.dir, `${ctx.marker}.csv`);
    const lines = ['Client code;Date;Amount;Document no.'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const client = ctx.seeded[ctx.int(0, ctx.seeded.length - 1)]!;
      const day = `2025-${String(ctx.int(1, 12)).padStart(2, '0')}-${String(ctx.int(1, 28)).padStart(2, '0')}`;
      lines.push(`${client.code};${day};${ctx.int(100, 90_000)},50;${ctx.marker}-${i}`);
    }
    writeCsv(file, lines);
    return { kind: 'importSales', marker: ctx.marker, file, rows: IMPORT_ROWS };
  },
  async run(app, op) {
    app.ctx.importer.allowFile(op.file);
    const mapping = {
      'Client code': 'externalId',
      Date: 'date',
      Amount: 'amount',
      'Document no.': 'docNo',
    };
    const result = (await call(app, 'import.run', {
      path: op.file,
      target: 'sales',
      mapping,
      onDuplicate: 'skip',
      onInvalid: 'abort',
      dateOrders: { Date: 'ymd' },
    })) as { inserted: number };
    if (result.inserted !== op.rows) throw new Error(`imported ${result.inserted} of ${op.rows}`);
  },
  check: importPresence,
  files: (op) => [op.file],
};

const bulkTag: OpSpec<'bulkTag'> = {
  prepare(ctx) {
    const start = ctx.int(0, ctx.seeded.length - BULK_CLIENTS);
    const ids = ctx.seeded.slice(start, start + BULK_CLIENTS).map((c) => c.id);
    return { kind: 'bulkTag', marker: ctx.marker, ids };
  },
  async run(app, op) {
    await call(app, 'clients.bulk', { ids: op.ids, action: { type: 'addTag', tag: op.marker } });
  },
  check(db, op) {
    const tagged = count(
      db,
      'SELECT count(*) FROM clients WHERE tags LIKE ?',
      `%${JSON.stringify(op.marker)}%`,
    );
    // The batch, found through the first client's history (indexed), and its size.
    const batchId = db
      .prepare(
        "SELECT batch_id FROM changes WHERE client_id = ? AND field = 'tags' AND new_value LIKE ?",
      )
      .pluck()
      .get(op.ids[0], `%${JSON.stringify(op.marker)}%`) as string | undefined;
    const changes = batchId
      ? count(db, 'SELECT count(*) FROM changes WHERE batch_id = ?', batchId)
      : 0;
    return presence({ tagged, changes }, { tagged: op.ids.length, changes: op.ids.length });
  },
};

/** A single edit's entity row and the history rows that record it (one transaction). */
function editPresence(db: Database.Database, entityId: string | undefined, changes: number) {
  const recorded = entityId
    ? count(db, 'SELECT count(*) FROM changes WHERE entity_id = ?', entityId)
    : 0;
  return presence({ rows: entityId ? 1 : 0, recorded }, { rows: 1, recorded: changes });
}

const editClient: OpSpec<'editClient'> = {
  prepare: (ctx) => ({ kind: 'editClient', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'clients.update', { id: op.clientId, patch: { position: op.marker } });
  },
  check(db, op) {
    const written = count(
      db,
      'SELECT count(*) FROM clients WHERE id = ? AND position = ?',
      op.clientId,
      op.marker,
    );
    const recorded = count(
      db,
      "SELECT count(*) FROM changes WHERE client_id = ? AND field = 'position' AND new_value = ?",
      op.clientId,
      JSON.stringify(op.marker),
    );
    return presence({ written, recorded }, { written: 1, recorded: 1 });
  },
};

const addComment: OpSpec<'addComment'> = {
  prepare: (ctx) => ({ kind: 'addComment', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'comments.add', { clientId: op.clientId, kind: 'call', body: op.marker });
  },
  check(db, op) {
    const id = db
      .prepare('SELECT id FROM comments WHERE client_id = ? AND body = ?')
      .pluck()
      .get(op.clientId, op.marker) as string | undefined;
    return editPresence(db, id, 2);
  },
};

const addSale: OpSpec<'addSale'> = {
  prepare: (ctx) => ({ kind: 'addSale', marker: ctx.marker, clientId: ctx.nextClient() }),
  async run(app, op) {
    await call(app, 'sales.add', {
      clientId: op.clientId,
      date: '2025-06-15',
      amount: 125_000,
      docNo: op.marker,
    });
  },
  check(db, op) {
    const id = db
      .prepare('SELECT id FROM sales WHERE client_id = ? AND doc_no = ?')
      .pluck()
      .get(op.clientId, op.marker) as string | undefined;
    // The date, amount and document number are recorded as the sale's creation.
    return editPresence(db, id, 3);
  },
};

/**
 * TODO(core's merge): `wb.checkpoint()` (db/workbook.ts) once it exists; the same TRUNCATE
 * checkpoint the workbook runs on close, on a signal and before a copy.
 */
const checkpoint: OpSpec<'checkpoint'> = {
  prepare: (ctx) => ({ kind: 'checkpoint', marker: ctx.marker }),
  run(app) {
    app.wb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return Promise.resolve();
  },
  unfinished: (_op, workbook) =>
    fs.existsSync(`${workbook}-wal`) && fs.statSync(`${workbook}-wal`).size > 0,
};

const savingPath = (file: string) => `${file}.saving`;

/**
 * Save a copy the way it must work: checkpoint, SQLite's online backup into a temporary file
 * beside the target, fsync, rename, fsync the folder. TODO(core's merge): call the real
 * `workbook.saveCopy` channel instead of this stand-in.
 */
const saveCopy: OpSpec<'saveCopy'> = {
  prepare: (ctx) => ({
    kind: 'saveCopy',
    marker: ctx.marker,
    path: path.join(ctx.dir, `${ctx.marker}.kartoteka`),
  }),
  async run(app, op) {
    app.wb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const temp = savingPath(op.path);
    await app.wb.sqlite.backup(temp);
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, op.path);
    const dir = fs.openSync(path.dirname(op.path), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  },
  check: (_db, op) => (fs.existsSync(op.path) ? 'present' : 'absent'),
  output: (op) => op.path,
  unfinished: (op) => !fs.existsSync(op.path),
  files: (op) => [op.path, savingPath(op.path)],
};

/**
 * Every kind of operation the child can be killed in. `portableSaveBack` is the slot for
 * portable mode's save back to the stick (temporary file, fsync, rename, the old one kept as
 * `.bak`): portable mode does not exist yet; fill the slot when it does.
 */
export const CRASH_OPS: { [K in CrashKind]: OpSpec<K> } & { portableSaveBack: null } = {
  importClients,
  importSales,
  bulkTag,
  editClient,
  addComment,
  addSale,
  checkpoint,
  saveCopy,
  portableSaveBack: null,
};

/** An operation with its kind's entry of the table. */
export interface BoundOp {
  run(app: App): Promise<void>;
  check?: (db: Database.Database) => Presence;
  output?: () => string;
  unfinished: (workbook: string) => boolean;
  files: () => string[];
}

function bindSpec<K extends CrashKind>(spec: OpSpec<K>, op: OpOf<K>): BoundOp {
  return {
    run: (app) => spec.run(app, op),
    ...(spec.check ? { check: (db: Database.Database) => spec.check!(db, op) } : {}),
    ...(spec.output ? { output: () => spec.output!(op) } : {}),
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
  }
}
