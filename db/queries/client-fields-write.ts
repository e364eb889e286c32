/**
 * Writing only some fields of a client row: the columns named and, when one of them is text the
 * search holds, the derived columns. Undoing a bulk edit of 100,000 clients writes one field per
 * client; rewriting every column (and so every index on the table) would cost several times more.
 */
import type { Statement } from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { ClientField, ClientRow } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { clients } from '../schema';
import { derived } from './client-derived';

const statements = new WeakMap<Workbook, Map<string, Statement>>();

/** `fields` of `row` with its derived columns when `withDerived`, and `updated_at`. */
export function writeFields(
  wb: Workbook,
  row: ClientRow,
  fields: readonly ClientField[],
  withDerived: boolean,
): void {
  const key = `${fields.join(',')}|${withDerived}`;
  let cache = statements.get(wb);
  if (!cache) statements.set(wb, (cache = new Map<string, Statement>()));
  let statement = cache.get(key);
  if (!statement) {
    const columns = getTableColumns(clients);
    const sets = [
      ...fields.map((f) => `${columns[f].name} = ?`),
      ...(withDerived
        ? ['name_fold = ?', 'search_text = ?', 'tags_fold = ?', 'phone_key = ?', 'phone2_key = ?']
        : []),
      'updated_at = ?',
    ];
    statement = wb.sqlite.prepare(`UPDATE clients SET ${sets.join(', ')} WHERE id = ?`);
    cache.set(key, statement);
  }
  const values = fields.map((f) => (f === 'tags' ? JSON.stringify(row.tags) : (row[f] ?? null)));
  const d = withDerived ? derived(row) : null;
  statement.run(
    ...values,
    ...(d ? [d.nameFold, d.searchText, d.tagsFold, d.phoneKey, d.phone2Key] : []),
    row.updatedAt,
    row.id,
  );
}
