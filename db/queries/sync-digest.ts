/**
 * A digest of everything sync carries: every synced table's rows (their synced columns, in key
 * order). Two devices that have met and merged give the same digest.
 */
import crypto from 'node:crypto';
import type { Workbook } from '../workbook';
import { keyExpr, SYNCED_TABLES } from '../sync-tables';

export function syncedRows(wb: Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const table of SYNCED_TABLES) {
    const key = keyExpr(table, 't');
    const cols = table.columns.map((c) => `t."${c}"`).join(', ');
    const where = table.where ? `WHERE t.${table.where}` : '';
    out[table.name] = wb.sqlite
      .prepare(`SELECT ${key} AS k, ${cols} FROM "${table.name}" AS t ${where} ORDER BY k`)
      .raw()
      .all() as unknown[][];
  }
  return out;
}

export function syncDigest(wb: Workbook): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(syncedRows(wb)))
    .digest('hex');
}
