/**
 * What the analytics engine's input is read from: the live clients and every live sale (two
 * queries in one read transaction, so both come from the same snapshot), and, to patch that
 * input later, the change history's watermark and the rows of the clients changed since.
 * Grouping the rows into the engine's arrays is electron/services/analytics/source.ts's job.
 */
import type { Workbook } from '../workbook';

/** id, external_id, manager_id, channel, created_at. */
export type ClientTuple = [string, string | null, string | null, string | null, string];
/** client_id, date, amount, margin. */
export type SaleTuple = [string, string, number, number | null];

/**
 * Reads the live clients (all of them, buyers or not) and walks the live sales inside one read
 * transaction: `build` gets both and must finish with the sales before it returns.
 */
export function readAnalyticsSource<T>(
  wb: Workbook,
  build: (clients: ClientTuple[], sales: IterableIterator<SaleTuple>) => T,
): T {
  return wb.read(() => {
    const clients = wb.sqlite
      .prepare(
        'SELECT id, external_id, manager_id, channel, created_at FROM clients WHERE deleted_at IS NULL',
      )
      .raw()
      .all() as ClientTuple[];
    const sales = wb.sqlite
      .prepare('SELECT client_id, date, amount, margin FROM sales WHERE deleted_at IS NULL')
      .raw();
    return build(clients, sales.iterate() as IterableIterator<SaleTuple>);
  });
}

/** Where the workbook stands: SQLite's commit counters and the change history's last row. */
export interface ChangeMarks {
  /** The largest rowid of the change history. */
  change: number;
  dataVersion: number;
  totalChanges: number;
}

export function changeMarks(wb: Workbook): ChangeMarks {
  const sqlite = wb.sqlite;
  return {
    dataVersion: sqlite.pragma('data_version', { simple: true }) as number,
    totalChanges: sqlite.prepare('SELECT total_changes()').pluck().get() as number,
    change: (sqlite.prepare('SELECT max(rowid) FROM changes').pluck().get() as number | null) ?? 0,
  };
}

/** The clients named by the change history after the row `change`. */
export function clientsChangedSince(wb: Workbook, change: number): string[] {
  return wb.sqlite
    .prepare('SELECT DISTINCT client_id FROM changes WHERE rowid > ? AND client_id IS NOT NULL')
    .pluck()
    .all(change) as string[];
}

/** id, external_id, manager_id, channel, created_at, deleted_at. */
export type ChangedClientTuple = [
  string,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
];

/** The given clients, the trash included (deleted_at tells). */
export function clientTuplesOf(wb: Workbook, ids: string[]): ChangedClientTuple[] {
  return wb.sqlite
    .prepare(
      'SELECT id, external_id, manager_id, channel, created_at, deleted_at FROM clients WHERE id IN (SELECT value FROM json_each(?))',
    )
    .raw()
    .all(JSON.stringify(ids)) as ChangedClientTuple[];
}

export interface SaleRow {
  clientId: string;
  date: string;
  amount: number;
  margin: number | null;
}

/** The live sales of the given clients. */
export function liveSalesOf(wb: Workbook, clientIds: string[]): SaleRow[] {
  return wb.sqlite
    .prepare(
      `SELECT client_id AS clientId, date, amount, margin FROM sales
       WHERE deleted_at IS NULL AND client_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(clientIds)) as SaleRow[];
}
