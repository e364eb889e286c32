/**
 * The new sales a sales check decided on, kept for the run that follows it: a temporary table of
 * the worker's connection (SQLite keeps it on disk beyond its page cache, so memory does not
 * grow with the file). The run then writes them with one INSERT … SELECT instead of reading,
 * parsing and planning the file a second time (half of a run of a million rows).
 */
import type { Workbook } from '../workbook';
import type { WriteContext } from './history';
import { idSequence, idSequenceStart } from './history';
import { changeIdFunction, FollowedClients, type SaleIdsByRowid } from './import-sales-write';
import type { SaleImportOp } from './import-write';
import { fold } from './search';
import { readStageRules, type LadderPerson, type LatestDays } from './stage-ladder';

const TABLE = 'temp.import_kept_sales';

export interface KeptSalesTable {
  /** A row the run will write as a new sale. */
  add(op: SaleImportOp): void;
  /**
   * The clients of the rows added and their latest purchase days, followed as the rows come
   * (as the planning run's writer does): the run then need not read them back.
   */
  readonly days: LatestDays;
  /**
   * The live clients of the rows added as the check read them, in the order the ladder reads
   * many (`peopleInLadderOrder`); null when a row came without its client's (`op.known`).
   */
  people(): LadderPerson[] | null;
  drop(): void;
}

/** Starts the table afresh (a kept table of an earlier check goes). */
export function keptSalesTable(wb: Workbook): KeptSalesTable {
  const followed = new FollowedClients(readStageRules(wb));
  dropKeptSales(wb);
  wb.sqlite.exec(
    // Untyped columns keep each value as it was bound: the sales table's own column types then
    // apply as they do to a row inserted directly.
    `CREATE TEMP TABLE import_kept_sales (client_id, client_order, date, amount, margin,
       category, product, quantity, doc_no, manager)`,
  );
  const insert = wb.sqlite.prepare(
    `INSERT INTO ${TABLE} (client_id, client_order, date, amount, margin, category, product, quantity, doc_no, manager)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    add(op) {
      const v = op.values;
      // As the planning run's writer follows them (only new sales are kept).
      followed.note(op);
      insert.run(
        op.clientId,
        op.clientOrder ?? null,
        v.date,
        v.amount,
        v.margin ?? null,
        v.category ?? null,
        v.product ?? null,
        v.quantity ?? null,
        v.docNo ?? null,
        op.managerName ? fold(op.managerName) : null,
      );
    },
    days: followed.days,
    people: () => followed.people(),
    drop: () => dropKeptSales(wb),
  };
}

export function dropKeptSales(wb: Workbook): void {
  wb.sqlite.exec(`DROP TABLE IF EXISTS ${TABLE}; DROP TABLE IF EXISTS temp.import_kept_managers`);
}

/**
 * Writes the kept rows as new sales in the order they were kept (the check keeps each chunk's
 * in the order a planning run writes it: by client in the order of the client index, then date,
 * then file order), so the sales come out as that run's would. `managers` maps a folded name to
 * the manager's id (the file's new ones created). Each sale takes the rowid after `before` that
 * SQLite would give it anyway (the table's greatest plus one), set explicitly so its id can be
 * told from its rowid (`ids`, null for ids of another shape). Returns the number written.
 */
export function writeKeptSales(
  ctx: WriteContext,
  managers: Map<string, string>,
  before: number,
): { inserted: number; ids: SaleIdsByRowid | null } {
  const wb = ctx.wb;
  const at = ctx.now().toISOString();
  wb.sqlite.exec(
    'CREATE TEMP TABLE IF NOT EXISTS import_kept_managers (name TEXT PRIMARY KEY, id TEXT NOT NULL) WITHOUT ROWID',
  );
  const manager = wb.sqlite.prepare(
    'INSERT INTO temp.import_kept_managers (name, id) VALUES (?, ?)',
  );
  for (const [name, id] of managers) manager.run(name, id);
  const columns = `k.client_id, k.date, k.amount, k.margin, k.category, k.product, k.quantity, k.doc_no, m.id, ?, ?
       FROM ${TABLE} k LEFT JOIN temp.import_kept_managers m ON m.name = k.manager
       ORDER BY k.rowid`;
  const insert = `INSERT INTO sales (rowid, id, client_id, date, amount, margin, category, product, quantity, doc_no, manager_id, created_at, updated_at)`;
  // The kept table is fresh: its rowids count 1, 2, … in the order the rows were kept.
  const rowid = BigInt(before);
  const start = idSequenceStart(ctx);
  if (start) {
    // The ids `idSequence` would give, counted up by SQLite from the kept rows' rowids: no
    // call into JavaScript per row.
    const inserted = wb.sqlite
      .prepare(
        `${insert} SELECT ? + k.rowid, ? || printf('%012x', (? + k.rowid) % 281474976710656), ${columns}`,
      )
      .run(rowid, start.prefix, BigInt(start.counter - 1), at, at).changes;
    return { inserted, ids: { ...start, before } };
  }
  const ids = changeIdFunction(ctx);
  ids.next = idSequence(ctx);
  const inserted = wb.sqlite
    .prepare(`${insert} SELECT ? + k.rowid, kartoteka_change_id(), ${columns}`)
    .run(rowid, at, at).changes;
  return { inserted, ids: null };
}
