/**
 * Clients: the one write path (create, update) that records history in the same transaction,
 * and the reads the list and the card need.
 */
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import {
  CLIENT_FIELDS,
  type Client,
  type ClientCreateInput,
  type ClientField,
  type ClientList,
  type ClientListInput,
  type ClientPatch,
  type ClientRow,
} from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { clients, fieldDefs, fieldValues, managers } from '../schema';
import { recordChanges, startBatch, type WriteContext } from './history';

type ClientRecord = typeof clients.$inferSelect;

export function createClient(ctx: WriteContext, input: ClientCreateInput): Client {
  return ctx.wb.transaction(() => {
    const values = normalize(input);
    checkReferences(ctx.wb, values, null);
    const id = ctx.newId();
    const at = ctx.now().toISOString();
    const name = values.name ?? '';
    const row = { ...values, name, id, createdAt: at, updatedAt: at };
    ctx.wb.db
      .insert(clients)
      .values({ ...toColumns(row), ...derived(row) })
      .run();
    const batchId = startBatch(ctx, 'create');
    recordChanges(
      ctx,
      batchId,
      CLIENT_FIELDS.filter((f) => !isEmpty(values[f])).map((field) => ({
        entity: 'client',
        entityId: id,
        clientId: id,
        field,
        oldValue: null,
        newValue: values[field],
      })),
    );
    return requireClient(ctx.wb, id);
  });
}

export function updateClient(ctx: WriteContext, id: string, patch: ClientPatch): Client {
  return ctx.wb.transaction(() => {
    const before = toClientRow(requireRecord(ctx.wb, id));
    const values = normalize(patch);
    const changed = CLIENT_FIELDS.filter(
      (f) => f in values && !sameValue(before[f], values[f] ?? null),
    );
    if (changed.length === 0) return requireClient(ctx.wb, id);
    checkReferences(ctx.wb, values, id);
    const after = { ...before, ...values, updatedAt: ctx.now().toISOString() };
    ctx.wb.db
      .update(clients)
      .set({ ...toColumns(after), ...derived(after) })
      .where(eq(clients.id, id))
      .run();
    const batchId = startBatch(ctx, 'edit');
    recordChanges(
      ctx,
      batchId,
      changed.map((field) => ({
        entity: 'client',
        entityId: id,
        clientId: id,
        field,
        oldValue: before[field],
        newValue: after[field],
      })),
    );
    return requireClient(ctx.wb, id);
  });
}

export function getClient(wb: Workbook, id: string): Client {
  return requireClient(wb, id);
}

export function listClients(wb: Workbook, input: ClientListInput): ClientList {
  const where = and(isNull(clients.deletedAt), ...searchConditions(input?.query ?? ''));
  const total = wb.db.select({ n: count() }).from(clients).where(where).get()?.n ?? 0;
  const rows = wb.db
    .select()
    .from(clients)
    .where(where)
    .orderBy(asc(clients.nameFold), asc(clients.id))
    .limit(input?.limit ?? 100)
    .offset(input?.offset ?? 0)
    .all();
  return { rows: rows.map(toClientRow), total };
}

/** Every word of the query must appear in the client's search text; phone-like queries match digits. */
function searchConditions(query: string): SQL[] {
  const q = query.trim();
  if (!q) return [];
  const words = /^[+\d\s()\-.]+$/.test(q) ? [q.replace(/\D/g, '')] : fold(q).split(/\s+/);
  return words
    .filter((w) => w.length > 0)
    .map((w) => {
      const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`${clients.searchText} LIKE ${pattern} ESCAPE '\\'`;
    });
}

function requireRecord(wb: Workbook, id: string): ClientRecord {
  const row = wb.db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), isNull(clients.deletedAt)))
    .get();
  if (!row) throw new AppError('not_found', 'client_not_found', {}, 'id');
  return row;
}

function requireClient(wb: Workbook, id: string): Client {
  const row = toClientRow(requireRecord(wb, id));
  const custom: Record<string, unknown> = {};
  const values = wb.db
    .select({ key: fieldDefs.key, value: fieldValues.value })
    .from(fieldValues)
    .innerJoin(fieldDefs, eq(fieldDefs.id, fieldValues.fieldId))
    .where(eq(fieldValues.clientId, id))
    .all();
  for (const v of values) custom[v.key] = JSON.parse(v.value) as unknown;
  return { ...row, custom };
}

function checkReferences(wb: Workbook, values: Partial<ClientRow>, selfId: string | null) {
  if (values.managerId) {
    const found = wb.db
      .select({ id: managers.id })
      .from(managers)
      .where(eq(managers.id, values.managerId))
      .get();
    if (!found) throw new AppError('not_found', 'manager_not_found', {}, 'managerId');
  }
  if (values.externalId) {
    const other = wb.db
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      .where(eq(clients.externalId, values.externalId))
      .get();
    if (other && other.id !== selfId) {
      throw new AppError(
        'conflict',
        'external_id_taken',
        { value: values.externalId, name: other.name },
        'externalId',
      );
    }
  }
}

/** Drops keys that were not given, so a patch only touches what it names. */
function normalize(input: Partial<Record<ClientField, unknown>>): Partial<ClientRow> {
  const out: Record<string, unknown> = {};
  for (const field of CLIENT_FIELDS) {
    if (input[field] !== undefined) out[field] = input[field];
  }
  return out;
}

/** Row values as columns: tags are stored as a JSON array. */
function toColumns<T extends Partial<ClientRow>>(row: T): Omit<T, 'tags'> & { tags?: string } {
  const { tags, ...rest } = row;
  return { ...rest, ...(tags ? { tags: JSON.stringify(tags) } : {}) };
}

export function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

function derived(row: Partial<ClientRow> & Pick<ClientRow, 'name'>) {
  const text = [row.name, row.company, row.email, row.position, row.externalId, row.taxId]
    .filter((s): s is string => Boolean(s))
    .map(fold);
  const digits = [row.phone, row.phone2]
    .filter((s): s is string => Boolean(s))
    .map((s) => s.replace(/\D/g, ''));
  return { nameFold: fold(row.name), searchText: [...text, ...digits].join(' ') };
}

export function toClientRow(r: ClientRecord): ClientRow {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    company: r.company,
    position: r.position,
    phone: r.phone,
    phone2: r.phone2,
    email: r.email,
    address: r.address,
    birthday: r.birthday,
    channel: r.channel,
    managerId: r.managerId,
    stage: r.stage as ClientRow['stage'],
    lostReason: r.lostReason,
    tags: JSON.parse(r.tags) as string[],
    note: r.note,
    externalId: r.externalId,
    taxId: r.taxId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  };
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
