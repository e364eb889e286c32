/**
 * The ABC×XYZ matrix of one window and the migration of clients between two windows.
 *
 * Rank of a cell, best first: AX, AY, AZ, BX, BY, BZ, CX, CY, CZ — value first (A > B > C), then
 * regularity (X > Y > Z). A move to a better rank is 'up', to a worse one 'down'. A client classed
 * in the second window only is 'new' when its first purchase ever falls in that window (retention's
 * "new", `isNewIn` in sales-data.ts), else 'returned' (it had bought before, with no revenue in the
 * first window); one classed in the first window only is 'gone'.
 */
import type { AbcResult } from './abc';
import { toGrouping, type GroupInput } from './groups';
import type { XyzResult } from './xyz';

export const MATRIX_CLASSES = ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'] as const;
export type MatrixClass = (typeof MATRIX_CLASSES)[number];
/** Row and column index of "no class": the 'new' and 'returned' row and the 'gone' column. */
export const NONE = 9;

export type Direction = 'up' | 'down' | 'same' | 'new' | 'returned' | 'gone';

/** Per client: index into {@link MATRIX_CLASSES} (its rank), or {@link NONE}. */
export function matrixClasses(abc: AbcResult, xyz: XyzResult): Uint8Array {
  const n = abc.classOf.length;
  const out = new Uint8Array(n).fill(NONE);
  for (let c = 0; c < n; c++) {
    const a = abc.classOf[c]!;
    const x = xyz.classOf[c]!;
    if (a > 0 && x > 0) out[c] = (a - 1) * 3 + (x - 1);
  }
  return out;
}

export interface AbcXyzMatrix {
  /** counts[abc][xyz] and net revenue[abc][xyz]; rows A, B, C; columns X, Y, Z. */
  counts: number[][];
  revenue: number[][];
}

export function abcXyzMatrix(cells: Uint8Array, revenue: Float64Array): AbcXyzMatrix {
  const counts = [0, 1, 2].map(() => [0, 0, 0]);
  const sums = [0, 1, 2].map(() => [0, 0, 0]);
  for (let c = 0; c < cells.length; c++) {
    const k = cells[c]!;
    if (k === NONE) continue;
    const row = Math.floor(k / 3);
    counts[row]![k % 3]!++;
    sums[row]![k % 3]! += revenue[c]!;
  }
  return { counts, revenue: sums };
}

export interface ClientMigration {
  clientId: string;
  from: MatrixClass | null;
  to: MatrixClass | null;
  direction: Direction;
}

export interface MigrationTable {
  /**
   * 10×10 counts: rows the class in window a, columns the class in window b, both in
   * {@link MATRIX_CLASSES} order; row {@link NONE} holds the new and the returned clients,
   * column NONE the gone.
   */
  table: number[][];
  up: number;
  down: number;
  same: number;
  /** Classed in window b, new there (first purchase ever in it). */
  new: number;
  /** Classed in window b, not in window a, and not new: came back or began to bring revenue. */
  returned: number;
  gone: number;
}

export interface MigrationResult extends MigrationTable {
  clients: ClientMigration[];
  byManager: (MigrationTable & { managerId: string | null })[];
}

function emptyTable(): MigrationTable {
  return {
    table: Array.from({ length: NONE + 1 }, () => new Array<number>(NONE + 1).fill(0)),
    up: 0,
    down: 0,
    same: 0,
    new: 0,
    returned: 0,
    gone: 0,
  };
}

export function directionOf(from: number, to: number, isNew: boolean): Direction {
  if (from === NONE) return isNew ? 'new' : 'returned';
  if (to === NONE) return 'gone';
  return to < from ? 'up' : to > from ? 'down' : 'same';
}

function count(t: MigrationTable, from: number, to: number, d: Direction) {
  t.table[from]![to]!++;
  t[d]++;
}

/**
 * Migration between the matrix classes of window a (`from`) and window b (`to`), per client and
 * grouped by the client's manager (`managers`, aligned with the clients); `isNew(c)`: whether
 * client `c` is new in window b (`isNewIn`).
 */
export function migration(
  clientIds: readonly string[],
  from: Uint8Array,
  to: Uint8Array,
  isNew: (c: number) => boolean,
  managers: GroupInput = [],
  /** false leaves `clients` empty (the dashboard drills into the classes instead). */
  withClients = true,
): MigrationResult {
  const total = emptyTable();
  const grouping = toGrouping(managers, clientIds.length);
  const tables = grouping.keys.map(emptyTable);
  const clients: ClientMigration[] = [];
  for (let c = 0; c < clientIds.length; c++) {
    const f = from[c]!;
    const t = to[c]!;
    if (f === NONE && t === NONE) continue;
    const d = directionOf(f, t, f === NONE && isNew(c));
    count(total, f, t, d);
    count(tables[grouping.of[c]!]!, f, t, d);
    if (withClients)
      clients.push({
        clientId: clientIds[c]!,
        from: MATRIX_CLASSES[f] ?? null,
        to: MATRIX_CLASSES[t] ?? null,
        direction: d,
      });
  }
  return {
    ...total,
    clients,
    byManager: grouping.keys
      .map((managerId, g) => ({ managerId, ...tables[g]! }))
      .filter((m) => m.up + m.down + m.same + m.new + m.returned + m.gone > 0),
  };
}
