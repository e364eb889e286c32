/** Clients' names by id, for lists that carry only ids (the reminder notifications). */
import type { Workbook } from '../workbook';

/** The names of the given clients (the trash included), in one query. */
export function clientNamesOf(wb: Workbook, ids: string[]): Map<string, string> {
  const rows = wb.sqlite
    .prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((c) => [c.id, c.name]));
}
