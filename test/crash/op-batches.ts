/** Batches: imports of a few thousand clients or sales, and a bulk edit of thousands of clients. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { call, count, presence, type OpOf, type OpSpec } from './op-spec';

/** Sizes: big enough that a kill lands inside the write, small enough for 50+ kills a run. */
export const IMPORT_ROWS = 2000;
export const BULK_CLIENTS = 2500;

function writeCsv(file: string, lines: string[]): void {
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/** An import: its rows carry the marker, its history batch is labelled with the file's name. */
function importPresence(db: Database.Database, op: OpOf<'importClients' | 'importSales'>) {
  const label = path.basename(op.file);
  const batch = db.prepare("SELECT id FROM batches WHERE kind = 'import' AND label = ?").pluck();
  const batchIds = batch.all(label) as string[];
  const changes = batchIds.length
    ? count(
        db,
        // A sales import records a line per client listing its new sales: each counts.
        `SELECT coalesce(sum(CASE WHEN entity = 'sales' THEN json_array_length(new_value)
                                  ELSE 1 END), 0)
         FROM changes WHERE batch_id = ?`,
        batchIds[0],
      )
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

export const importClients: OpSpec<'importClients'> = {
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

export const importSales: OpSpec<'importSales'> = {
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

export const bulkTag: OpSpec<'bulkTag'> = {
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
