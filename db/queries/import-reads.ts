/**
 * What an import check reads from the workbook: every client's keys (to find the client a row
 * names) and the live sales of the clients a sales file names (to find repeated sales); and,
 * after the write, which clients a batch really changed.
 */
import type { Workbook } from '../workbook';

/**
 * id, name, phone_key, phone2_key, email, tax_id, external_id, lost_reason, deleted_at, and what
 * the stage ladder needs after a sales import: stage, created_at, rowid.
 */
export type ClientKeyRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  number,
];

/** Every client, the trash included, with the keys an import row may name it by. */
export function clientKeyRows(wb: Workbook): ClientKeyRow[] {
  return wb.sqlite
    .prepare(
      `SELECT id, name, phone_key, phone2_key, email, tax_id, external_id, lost_reason, deleted_at,
         stage, created_at, rowid FROM clients`,
    )
    .raw()
    .all() as ClientKeyRow[];
}

/** id, client_id, date, amount, doc_no. */
export type SaleKeyRow = [string, string, string, number, string | null];

/** The live sales of the given clients. */
export function liveSaleKeys(wb: Workbook, clientIds: string[]): SaleKeyRow[] {
  return wb.sqlite
    .prepare(
      `SELECT id, client_id, date, amount, doc_no FROM sales
       WHERE deleted_at IS NULL AND client_id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(clientIds)) as SaleKeyRow[];
}

/** The clients whose fields a batch changed (their creation aside). */
export function clientsChangedBy(wb: Workbook, batchId: string): string[] {
  return wb.sqlite
    .prepare(
      "SELECT DISTINCT client_id FROM changes WHERE batch_id = ? AND entity = 'client' AND field <> 'created'",
    )
    .pluck()
    .all(batchId) as string[];
}

/** The clients with at least one live sale (a sales import looks for repeats only there). */
export function clientsWithLiveSales(wb: Workbook): Set<string> {
  return new Set(
    wb.sqlite
      .prepare('SELECT DISTINCT client_id FROM sales WHERE deleted_at IS NULL')
      .pluck()
      .all() as string[],
  );
}

/** The greatest rowid of the sales table: sales written after a moment have a greater one. */
export function lastSaleRowid(wb: Workbook): number {
  return (
    (wb.sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM sales').pluck().get() as number) ?? 0
  );
}

/** The sales' index by client and date (with amount and deletion), which finds repeats. */
export const SALES_CLIENT_INDEX = 'sales_client_date_idx';

/**
 * The live sales on the given (client, day) pairs, among those up to `upTo` (sales that were
 * there before an import) or after `after` (the ones it wrote): one read per chunk of rows, on
 * the (client, date) index, named: without statistics for the sales' indexes SQLite took the
 * date index and read every sale of each day (see `analyzeSampled`).
 */
export function liveSalesOn(
  wb: Workbook,
  pairs: [string, string][],
  rowids: { upTo: number } | { after: number },
): SaleKeyRow[] {
  if (pairs.length === 0) return [];
  const [bound, limit] = 'upTo' in rowids ? ['<=', rowids.upTo] : ['>', rowids.after];
  return wb.sqlite
    .prepare(
      `SELECT s.id, s.client_id, s.date, s.amount, s.doc_no
       FROM json_each(?) j CROSS JOIN sales s INDEXED BY ${SALES_CLIENT_INDEX}
         ON s.client_id = json_extract(j.value, '$[0]') AND s.date = json_extract(j.value, '$[1]')
       WHERE s.deleted_at IS NULL AND s.rowid ${bound} ?`,
    )
    .raw()
    .all(JSON.stringify(pairs), limit) as SaleKeyRow[];
}
