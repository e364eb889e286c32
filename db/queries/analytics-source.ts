/**
 * What the analytics engine's input is read from: the live clients and every live sale (two
 * queries in one read transaction, so both come from the same snapshot), and, to patch that
 * input later, the change history's watermark and the rows of the clients changed since.
 * Grouping the rows into the engine's arrays is electron/services/analytics/source.ts's job.
 */
import type { Workbook } from '../workbook';

/** id, external_id, manager_id, channel. */
export type ClientTuple = [string, string | null, string | null, string | null];
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
    const clients = liveClients(wb);
    const sales = wb.sqlite
      .prepare('SELECT client_id, date, amount, margin FROM sales WHERE deleted_at IS NULL')
      .raw();
    return build(clients, sales.iterate() as IterableIterator<SaleTuple>);
  });
}

/** The live clients (all of them, buyers or not). */
export function liveClients(wb: Workbook): ClientTuple[] {
  return wb.sqlite
    .prepare('SELECT id, external_id, manager_id, channel FROM clients WHERE deleted_at IS NULL')
    .raw()
    .all() as ClientTuple[];
}

/**
 * The live clients' ids in ascending byte order, read from the index of the live list
 * (`clients_live_name_idx`) rather than from the clients' wide rows (a tenth of the pages) and
 * sorted by SQLite (`+id`: not walked in the order of the primary key, which would read every row).
 */
export function liveClientIds(wb: Workbook): string[] {
  return wb.sqlite
    .prepare('SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY +id')
    .pluck()
    .all() as string[];
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

/** id, external_id, manager_id, channel, deleted_at. */
export type ChangedClientTuple = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** The given clients, the trash included (deleted_at tells). */
export function clientTuplesOf(wb: Workbook, ids: string[]): ChangedClientTuple[] {
  return wb.sqlite
    .prepare(
      'SELECT id, external_id, manager_id, channel, deleted_at FROM clients WHERE id IN (SELECT value FROM json_each(?))',
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

/** Where the change history stood: its last row and that row's id (null when it is empty). */
export interface Watermark {
  rowid: number;
  id: string | null;
}

/** The change history's last row, read inside the caller's transaction. */
export function historyWatermark(wb: Workbook): Watermark {
  const row = wb.sqlite
    .prepare('SELECT rowid, id FROM changes ORDER BY rowid DESC LIMIT 1')
    .raw()
    .get() as [number, string] | undefined;
  return row ? { rowid: row[0], id: row[1] } : { rowid: 0, id: null };
}

/**
 * Whether the history row `mark` is still the one it was. Emptying the trash deletes history
 * rows, and SQLite gives a deleted last rowid to the next row, so a bare rowid could count later
 * changes as already seen; the row's id (a UUID) cannot come back.
 */
export function watermarkHolds(wb: Workbook, mark: Watermark): boolean {
  if (mark.rowid === 0) return true;
  const id = wb.sqlite.prepare('SELECT id FROM changes WHERE rowid = ?').pluck().get(mark.rowid);
  return id === mark.id;
}

/** The stored analytics snapshot's row (see the analytics_snapshot table). */
export interface SnapshotRow {
  format: number;
  changeRowid: number;
  changeId: string | null;
  clientIds: string;
  data: Buffer;
}

/** The stored snapshot, or null when there is none (or its row is not what it should be). */
export function readSnapshotRow(wb: Workbook): SnapshotRow | null {
  const row = wb.sqlite
    .prepare(
      "SELECT format, change_rowid AS changeRowid, change_id AS changeId, client_ids AS clientIds, data FROM analytics_snapshot WHERE id = 'sales'",
    )
    .get() as Record<string, unknown> | undefined;
  if (!row) return null;
  const { format, changeRowid, changeId, clientIds, data } = row;
  if (typeof format !== 'number' || typeof changeRowid !== 'number') return null;
  if (typeof clientIds !== 'string' || !Buffer.isBuffer(data)) return null;
  if (changeId !== null && typeof changeId !== 'string') return null;
  return { format, changeRowid, changeId, clientIds, data };
}

/**
 * Stores the snapshot in one statement, without waiting for the main process: when it is
 * writing (SQLITE_BUSY) the snapshot is skipped and false returned, to be tried again later.
 */
export function writeSnapshotRow(wb: Workbook, row: SnapshotRow, madeAt: string): boolean {
  const sqlite = wb.sqlite;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite
      .prepare(
        `INSERT OR REPLACE INTO analytics_snapshot (id, format, change_rowid, change_id, client_ids, data, updated_at)
         VALUES ('sales', ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.format, row.changeRowid, row.changeId, row.clientIds, row.data, madeAt);
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}
