/**
 * What an import check reads from the workbook: every client's keys (to find the client a row
 * names) and the live sales of the clients a sales file names (to find repeated sales); and,
 * after the write, which clients a batch really changed.
 */
import type { Workbook } from '../workbook';

/** id, name, phone_key, phone2_key, email, tax_id, external_id, lost_reason, deleted_at. */
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
];

/** Every client, the trash included, with the keys an import row may name it by. */
export function clientKeyRows(wb: Workbook): ClientKeyRow[] {
  return wb.sqlite
    .prepare(
      'SELECT id, name, phone_key, phone2_key, email, tax_id, external_id, lost_reason, deleted_at FROM clients',
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
