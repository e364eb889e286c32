/**
 * Which planned updates of an import would change nothing: the card (or the sale) already holds
 * every value the row gives. The check counts them as skipped (`unchanged`) before anything is
 * written; the write path decides the same way (`applyPatch` writes nothing for equal values).
 */
import type { Workbook } from '../workbook';
import { readClientRows, sameValue } from './clients';
import { checkCustomValue, readCustomValues } from './fields';
import type { ClientImportOp, SaleImportOp } from './import-write';
import { fold } from './search';

/** Ids per query: json_each takes any number, but a bounded list keeps each read short. */
const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function managerIds(wb: Workbook): Map<string, string> {
  const rows = wb.sqlite.prepare('SELECT id, name FROM managers').all() as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [fold(r.name.trim()), r.id]));
}

/** A planned update and the rows of the file it stands for (rows merged into it included). */
interface WeightedOp {
  op: ClientImportOp;
  rows: number;
}

function unchangedClients(wb: Workbook, ops: WeightedOp[]): number {
  const managers = managerIds(wb);
  let unchanged = 0;
  for (const part of chunks(ops)) {
    const ids = part.map(({ op }) => op.clientId!);
    const rows = new Map(readClientRows(wb, ids, false).map((r) => [r.id, r]));
    const custom = readCustomValues(wb, ids);
    for (const { op, rows: weight } of part) {
      const before = rows.get(op.clientId!);
      if (!before) continue;
      const values: Record<string, unknown> = { ...op.values };
      if (op.managerName) {
        const managerId = managers.get(fold(op.managerName));
        // A manager the workbook does not have yet is a change.
        if (!managerId) continue;
        values.managerId = managerId;
      }
      const held = before as unknown as Record<string, unknown>;
      const same = Object.entries(values).every(
        ([field, value]) => value === undefined || sameValue(held[field], value),
      );
      const current = custom.get(op.clientId!) ?? {};
      const sameCustom = op.custom.every(({ def, value }) =>
        sameValue(current[def.key] ?? null, checkCustomValue(def, value, def.key)),
      );
      if (same && sameCustom) unchanged += weight;
    }
  }
  return unchanged;
}

const SALE_FIELDS = [
  ['margin', 'margin'],
  ['category', 'category'],
  ['product', 'product'],
  ['quantity', 'quantity'],
] as const;

function unchangedSales(wb: Workbook, ops: SaleImportOp[]): number {
  const managers = managerIds(wb);
  const read = wb.sqlite.prepare(
    'SELECT margin, category, product, quantity, manager_id FROM sales WHERE id = ?',
  );
  let unchanged = 0;
  for (const op of ops) {
    const before = read.get(op.saleId) as Record<string, unknown> | undefined;
    if (!before) continue;
    // As `updateSale` does: only the values the file gives count, a blank one changes nothing.
    const same = SALE_FIELDS.every(([field, column]) => {
      const value = op.values[field];
      return value === undefined || value === null || value === before[column];
    });
    const sameManager = !op.managerName || managers.get(fold(op.managerName)) === before.manager_id;
    if (same && sameManager) unchanged += 1;
  }
  return unchanged;
}

/**
 * How many rows of the file stand for planned updates that would write nothing. `clientOpRows`
 * gives, per client op, the rows it stands for (1 when absent). Reads only.
 */
export function countUnchanged(
  wb: Workbook,
  clientOps: ClientImportOp[],
  saleOps: SaleImportOp[],
  clientOpRows: number[] = [],
): number {
  const updates = clientOps
    .map((op, i) => ({ op, rows: clientOpRows[i] ?? 1 }))
    .filter(({ op }) => op.action === 'update' && op.clientId);
  const saleUpdates = saleOps.filter((op) => op.action === 'update' && op.saleId);
  return unchangedClients(wb, updates) + unchangedSales(wb, saleUpdates);
}
