/**
 * Checking a client import: each row becomes a new client, an update of an existing one (found
 * by code, tax id, email or phone, normalized), a merge into an earlier row of the same file,
 * or a skipped row, as the user chose for duplicates.
 */
import type { CustomValue, FieldDef } from '../../api/contract';
import { translate } from '../../api/messages';
import { fold } from '../../../db/queries/search';
import type { Workbook } from '../../../db/workbook';
import type { ClientImportOp, ImportedClientValues } from '../../../db/queries/import-write';
import { convertCell, type ConvertContext } from './convert';
import {
  emptyPlan,
  knownManagers,
  tick,
  type ImportOptions,
  type ImportPlan,
  type MappedColumn,
  type MatchedBy,
  type PlanEnv,
  type RowError,
} from './plan';
import type { SourceTable } from './source';
import { emailKey, phoneKey, taxIdKey } from './values';

interface Existing {
  id: string;
  name: string;
  lostReason: string | null;
  deleted: boolean;
}

/** Every client's matching keys, read in one query. */
export class ClientIndex {
  readonly byExternal = new Map<string, Existing>();
  readonly byTax = new Map<string, Existing[]>();
  readonly byEmail = new Map<string, Existing[]>();
  readonly byPhone = new Map<string, Existing[]>();

  constructor(wb: Workbook) {
    const rows = wb.sqlite
      .prepare(
        'SELECT id, name, phone, phone2, email, tax_id, external_id, lost_reason, deleted_at FROM clients',
      )
      .raw()
      .all() as (string | null)[][];
    for (const [id, name, phone, phone2, email, tax, ext, lostReason, deletedAt] of rows) {
      const c: Existing = {
        id: id!,
        name: name!,
        lostReason: lostReason ?? null,
        deleted: deletedAt !== null,
      };
      if (ext) this.byExternal.set(ext, c);
      if (c.deleted) continue;
      add(this.byTax, taxIdKey(tax), c);
      add(this.byEmail, emailKey(email), c);
      add(this.byPhone, phoneKey(phone), c);
      if (phoneKey(phone2) !== phoneKey(phone)) add(this.byPhone, phoneKey(phone2), c);
    }
  }
}

function add<T>(map: Map<string, T[]>, key: string | null, value: T): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Keys {
  externalId: string | null;
  taxId: string | null;
  email: string | null;
  phones: string[];
}

function keysOf(values: ImportedClientValues): Keys {
  return {
    externalId: values.externalId ?? null,
    taxId: taxIdKey(values.taxId),
    email: emailKey(values.email),
    phones: [phoneKey(values.phone), phoneKey(values.phone2)].filter((p): p is string => !!p),
  };
}

/** The first key that finds something, in order of how surely it identifies a client. */
function lookup<T>(
  keys: Keys,
  byExternal: (k: string) => T | undefined,
  byOther: Record<'taxId' | 'email' | 'phone', (k: string) => T | undefined>,
): { match: T; by: MatchedBy } | null {
  const ext = keys.externalId ? byExternal(keys.externalId) : undefined;
  if (ext) return { match: ext, by: 'externalId' };
  const tax = keys.taxId ? byOther.taxId(keys.taxId) : undefined;
  if (tax) return { match: tax, by: 'taxId' };
  const email = keys.email ? byOther.email(keys.email) : undefined;
  if (email) return { match: email, by: 'email' };
  for (const p of keys.phones) {
    const phone = byOther.phone(p);
    if (phone) return { match: phone, by: 'phone' };
  }
  return null;
}

interface RowResult {
  values: ImportedClientValues;
  custom: { def: FieldDef; value: CustomValue }[];
  managerName: string | null;
  errors: RowError[];
}

function readRow(
  cells: string[],
  row: number,
  columns: MappedColumn[],
  ctx: ConvertContext,
): RowResult {
  const out: RowResult = { values: {}, custom: [], managerName: null, errors: [] };
  for (const c of columns) {
    const raw = cells[c.index] ?? '';
    if (raw.trim() === '') continue;
    const converted = convertCell(c.field, c.header, raw, ctx);
    if (!converted.ok) {
      out.errors.push({ row, column: c.header, value: raw, message: converted.message });
    } else if (c.field.kind === 'custom') {
      out.custom.push({ def: c.field.def!, value: converted.value as CustomValue });
    } else if (c.field.kind === 'manager') {
      out.managerName = converted.value as string;
    } else if (converted.value !== null) {
      (out.values as Record<string, unknown>)[c.field.key] = converted.value;
    }
  }
  return out;
}

export function planClients(
  wb: Workbook,
  table: SourceTable,
  columns: MappedColumn[],
  options: ImportOptions,
  ctx: ConvertContext,
  env: PlanEnv,
): ImportPlan {
  const index = new ClientIndex(wb);
  const managers = knownManagers(wb);
  const plan = emptyPlan('clients', table.rows.length);
  const nameColumn = columns.find((c) => c.field.key === 'name')?.header ?? null;
  const stageColumn = columns.find((c) => c.field.key === 'stage')?.header ?? null;
  const updates = new Map<string, ClientImportOp>();
  // Keys of rows created by this file, for in-file duplicates.
  const fileExternal = new Map<string, ClientImportOp>();
  const fileOther = {
    taxId: new Map<string, ClientImportOp>(),
    email: new Map<string, ClientImportOp>(),
    phone: new Map<string, ClientImportOp>(),
  };
  const newManagers = new Map<string, string>();

  table.rows.forEach((cells, i) => {
    tick(env, i, table.rows.length);
    const row = i + 2;
    const r = readRow(cells, row, columns, ctx);
    if (!r.values.name && !r.errors.some((e) => e.column === nameColumn)) {
      r.errors.push({
        row,
        column: nameColumn,
        value: '',
        message: translate(ctx.locale, 'required'),
      });
    }
    const keys = keysOf(r.values);
    const existing = lookup(keys, (k) => index.byExternal.get(k), {
      taxId: (k) => index.byTax.get(k)?.[0],
      email: (k) => index.byEmail.get(k)?.[0],
      phone: (k) => index.byPhone.get(k)?.[0],
    });
    const fail = (
      column: string | null,
      key: Parameters<typeof translate>[1],
      params: Record<string, string> = {},
    ) => r.errors.push({ row, column, value: '', message: translate(ctx.locale, key, params) });
    if (existing?.match.deleted) {
      // A code held by a client in the trash can be neither reused nor updated.
      fail(columnOf(columns, 'externalId'), 'import_code_in_trash', {
        value: keys.externalId ?? '',
        name: existing.match.name,
      });
    }
    const lostWithoutReason = r.values.stage === 'lost' && !r.values.lostReason;
    if (
      lostWithoutReason &&
      (!existing || options.onDuplicate !== 'update' || !existing.match.lostReason)
    ) {
      fail(stageColumn, 'lost_reason_required');
    }
    if (r.errors.length > 0) {
      plan.errors.push(...r.errors);
      plan.invalid += 1;
      return;
    }
    const op: ClientImportOp = {
      row,
      action: 'create',
      clientId: null,
      values: r.values,
      custom: r.custom,
      managerName: r.managerName,
    };
    if (r.managerName && !managers.has(fold(r.managerName))) {
      newManagers.set(fold(r.managerName), r.managerName);
    }
    if (existing) {
      plan.duplicates.push({
        row,
        matchedBy: existing.by,
        clientId: existing.match.id,
        name: existing.match.name,
        firstRow: null,
      });
      if (options.onDuplicate === 'skip') {
        plan.willSkip += 1;
        return;
      }
      if (options.onDuplicate === 'update') {
        const earlier = updates.get(existing.match.id);
        if (earlier) merge(earlier, op);
        else {
          op.action = 'update';
          op.clientId = existing.match.id;
          updates.set(existing.match.id, op);
          plan.clientOps.push(op);
          plan.willUpdate += 1;
        }
        return;
      }
      if (existing.by === 'externalId') {
        fail(columnOf(columns, 'externalId'), 'external_id_taken', {
          value: keys.externalId ?? '',
          name: existing.match.name,
        });
        plan.errors.push(...r.errors);
        plan.invalid += 1;
        return;
      }
    }
    const earlier = lookup(keys, (k) => fileExternal.get(k), {
      taxId: (k) => fileOther.taxId.get(k),
      email: (k) => fileOther.email.get(k),
      phone: (k) => fileOther.phone.get(k),
    });
    if (earlier && !existing) {
      plan.duplicates.push({
        row,
        matchedBy: earlier.by,
        clientId: null,
        name: earlier.match.values.name ?? '',
        firstRow: earlier.match.row,
      });
      if (options.onDuplicate === 'skip') {
        plan.willSkip += 1;
        return;
      }
      if (options.onDuplicate === 'update' || earlier.by === 'externalId') {
        merge(earlier.match, op);
        return;
      }
    }
    plan.clientOps.push(op);
    plan.willCreate += 1;
    if (keys.externalId) fileExternal.set(keys.externalId, op);
    if (keys.taxId) fileOther.taxId.set(keys.taxId, op);
    if (keys.email) fileOther.email.set(keys.email, op);
    for (const p of keys.phones) fileOther.phone.set(p, op);
  });
  plan.newManagers = [...newManagers.values()];
  return plan;
}

/** A later row of the same client fills in and overrides what an earlier row gave. */
function merge(into: ClientImportOp, from: ClientImportOp): void {
  into.values = { ...into.values, ...from.values };
  const custom = new Map(into.custom.map((c) => [c.def.key, c]));
  for (const c of from.custom) custom.set(c.def.key, c);
  into.custom = [...custom.values()];
  if (from.managerName) into.managerName = from.managerName;
}

function columnOf(columns: MappedColumn[], key: string): string | null {
  return columns.find((c) => c.field.key === key)?.header ?? null;
}
