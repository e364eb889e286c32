/**
 * One row of a client file read into the values it gives: each mapped cell converted, a bad cell
 * either left empty (its column's policy is `blank`: the error is kept, marked as blanked) or
 * making the row invalid; the row's keys and the client it matches in the workbook.
 */
import type { CustomValue, FieldDef } from '../../api/contract';
import { translate } from '../../api/messages';
import type { ImportedClientValues } from '../../../db/queries/import-write';
import { keysOf, type ClientIndex, type Existing, type Keys } from './client-index';
import { convertCell, type ConvertContext } from './convert';
import {
  cellPolicy,
  type ImportOptions,
  type MappedColumn,
  type MatchedBy,
  type RowError,
} from './plan-common';

export interface ClientRowRead {
  row: number;
  /** The row's index among the file's data rows. */
  index: number;
  values: ImportedClientValues;
  custom: { def: FieldDef; value: CustomValue }[];
  managerName: string | null;
  keys: Keys;
  existing: { match: Existing; by: MatchedBy } | null;
  /** Its problems in column order: bad cells left empty are marked `blanked`. */
  errors: RowError[];
  /** True when a problem leaves the row out (one that is not a blanked cell). */
  invalid: boolean;
}

export function readClientRow(
  cells: string[],
  index: number,
  columns: MappedColumn[],
  options: ImportOptions,
  ctx: ConvertContext,
  clients: ClientIndex,
): ClientRowRead {
  const row = index + 2;
  const out: ClientRowRead = {
    row,
    index,
    values: {},
    custom: [],
    managerName: null,
    keys: keysOf({}, null),
    existing: null,
    errors: [],
    invalid: false,
  };
  let id: string | null = null;
  let nameColumn: string | null = null;
  for (const c of columns) {
    if (c.field.key === 'name') nameColumn = c.header;
    const raw = cells[c.index] ?? '';
    if (raw.trim() === '') continue;
    if (c.field.key === 'id') {
      id = raw.trim();
      continue;
    }
    const converted = convertCell(c.field, c.header, raw, ctx);
    if (!converted.ok) {
      const error = { row, column: c.header, value: raw, message: converted.message };
      out.errors.push(cellPolicy(options, c) === 'blank' ? { ...error, blanked: true } : error);
    } else if (c.field.kind === 'custom') {
      out.custom.push({ def: c.field.def!, value: converted.value as CustomValue });
    } else if (c.field.kind === 'manager') {
      out.managerName = converted.value as string;
    } else if (converted.value !== null) {
      (out.values as Record<string, unknown>)[c.field.key] = converted.value;
    }
  }
  if (!out.values.name && !out.errors.some((e) => e.column === nameColumn && !e.blanked)) {
    fail(out, ctx, nameColumn, 'required');
  }
  out.keys = keysOf(out.values, id);
  out.existing = clients.lookup(out.keys);
  if (out.existing?.match.deleted) {
    // A client in the trash can be neither updated nor have its id or code reused.
    const byId = out.existing.by === 'id';
    const column = columns.find((c) => c.field.key === (byId ? 'id' : 'externalId'));
    fail(out, ctx, column?.header ?? null, byId ? 'import_id_in_trash' : 'import_code_in_trash', {
      value: (byId ? out.keys.id : out.keys.externalId) ?? '',
      name: out.existing.match.name,
    });
  }
  out.invalid = out.errors.length > 0 && out.errors.some(leavesRowOut);
  // A row left out keeps nothing, so none of its cells was "left empty".
  if (out.invalid) out.errors = out.errors.map(({ blanked: _, ...e }) => e);
  return out;
}

// Module-level, not closures made per row: a closure made for each of 100,000 rows is 100,000
// allocations (0.15 s when the bundle still named each one, `keepNames`).
function fail(
  out: ClientRowRead,
  ctx: ConvertContext,
  column: string | null,
  key: Parameters<typeof translate>[1],
  params = {},
): void {
  out.errors.push({ row: out.row, column, value: '', message: translate(ctx.locale, key, params) });
}

function leavesRowOut(error: RowError): boolean {
  return !error.blanked;
}
