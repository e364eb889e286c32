/**
 * Clients: the one write path (create, update, trash) that records history and keeps the
 * search index current in the same transaction, and the reads the list and the card need.
 */
import type { Statement } from 'better-sqlite3';
import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import type {
  Client,
  ClientCreateInput,
  ClientList,
  ClientListInput,
  ClientListRow,
  ClientPatch,
  ClientRow,
  Stage,
} from '../../electron/api/contract';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import { clients, managers } from '../schema';
import { FilterCompiler } from './client-filters';
import { readListPage } from './client-list';
import { checkCustomPatch, readCustomValues, writeCustomValues } from './fields';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { prepared } from './prepared';
import { derived, type Derived } from './client-derived';
import { fold, nextSeq, reindexClients, reindexTags, reindexText, unindexClients } from './search';
import { suggestedStagesOfRows } from './stage-ladder';
import { suspendIndexes, type SuspendedIndex } from './import-sales-write';
import { birthdayInRange, localDay, yearStart } from '../../kernel/local-date';
import { CLIENT_FIELDS, TEXT_FIELDS, type ClientField } from '../../kernel/client-fields';

type ClientRecord = typeof clients.$inferSelect;

export function createClient(ctx: WriteContext, input: ClientCreateInput): Client {
  return ctx.wb.transaction(() => {
    const values = normalize(input);
    checkStage(values, null);
    checkBirthday(values, null, ctx.now());
    checkReferences(ctx.wb, values, null);
    const custom = input.custom ? checkCustomPatch(ctx.wb, input.custom, 'custom') : [];
    const id = ctx.newId();
    const at = ctx.now().toISOString();
    const row = { ...values, name: values.name ?? '', id, createdAt: at, updatedAt: at };
    ctx.wb.db
      .insert(clients)
      .values({ ...toColumns(row), ...derived(row), seq: nextSeq(ctx.wb) })
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
    writeCustomValues(ctx, batchId, id, custom);
    reindexClients(ctx.wb, [id]);
    return requireClient(ctx.wb, id, ctx.now());
  });
}

/**
 * Applies a patch to one client under a batch (a new `edit` batch unless one is given) and
 * returns the changes written. The only place a client's fields are updated.
 */
export function applyPatch(
  ctx: WriteContext,
  id: string,
  patch: ClientPatch,
  batchId?: string,
  options: { deferIndex?: boolean } = {},
): ChangeInput[] {
  const before = toClientRow(requireRecord(ctx.wb, id));
  const values = normalize(patch);
  const changed = CLIENT_FIELDS.filter(
    (f) => f in values && !sameValue(before[f], values[f] ?? null),
  );
  const custom = patch.custom ? checkCustomPatch(ctx.wb, patch.custom, 'patch.custom') : [];
  const after = { ...before, ...values };
  checkStage(after, 'patch');
  if (changed.includes('birthday')) checkBirthday(values, 'patch', ctx.now());
  if (changed.length === 0 && custom.length === 0) return [];
  checkReferences(ctx.wb, values, id);
  const batch = batchId ?? startBatch(ctx, 'edit');
  const changes: ChangeInput[] = changed.map((field) => ({
    entity: 'client',
    entityId: id,
    clientId: id,
    field,
    oldValue: before[field],
    newValue: after[field],
  }));
  if (changed.length > 0) {
    after.updatedAt = ctx.now().toISOString();
    writeRow(ctx.wb, before, after, changed);
    recordChanges(ctx, batch, changes);
  }
  const customChanges = writeCustomValues(ctx, batch, id, custom);
  if (customChanges.length > 0 && changed.length === 0) touch(ctx, id);
  // Only text the index holds sends the client back to it: a stage or a date changes nothing
  // there. Its text row and its tag row are each written again only when what they hold changed.
  const searchable = new Set(
    custom.filter((c) => SEARCHED_TYPES.has(c.field.type)).map((c) => `custom.${c.field.key}`),
  );
  if (!options.deferIndex) {
    const text =
      changed.some((f) => f !== 'tags' && INDEXED_FIELDS.has(f)) ||
      customChanges.some((c) => searchable.has(c.field));
    if (text) reindexText(ctx.wb, [id]);
    if (changed.includes('tags')) reindexTags(ctx.wb, [id]);
  }
  return [...changes, ...customChanges];
}

export function updateClient(ctx: WriteContext, id: string, patch: ClientPatch): Client {
  return ctx.wb.transaction(() => {
    applyPatch(ctx, id, patch);
    return requireClient(ctx.wb, id, ctx.now());
  });
}

const DERIVED_COLUMNS = {
  nameFold: 'name_fold',
  searchText: 'search_text',
  tagsFold: 'tags_fold',
  phoneKey: 'phone_key',
  phone2Key: 'phone2_key',
} as const satisfies Record<keyof Derived, string>;
const rowStatements = new WeakMap<Workbook, Map<string, Statement>>();

/**
 * Writes the `fields` of a client row that changed from `before`, with the derived columns
 * their change moves (and `updated_at`), through a statement cached for that set of columns.
 * A column left out of the SET list leaves its indexes alone: an edited note rewrites no index
 * entry, where writing every column rewrote every index on the clients on each edit.
 */
export function writeRow(
  wb: Workbook,
  before: ClientRow,
  row: ClientRow,
  fields: readonly (typeof CLIENT_FIELDS)[number][],
): void {
  const [was, now] = [derived(before), derived(row)];
  const moved = (Object.keys(DERIVED_COLUMNS) as (keyof Derived)[]).filter(
    (k) => was[k] !== now[k],
  );
  const key = [...fields, '|', ...moved].join(',');
  let statements = rowStatements.get(wb);
  if (!statements) rowStatements.set(wb, (statements = new Map<string, Statement>()));
  let statement = statements.get(key);
  if (!statement) {
    const table = getTableColumns(clients);
    const columns = [
      ...fields.map((f) => table[f].name),
      ...moved.map((k) => DERIVED_COLUMNS[k]),
      'updated_at',
    ];
    statement = wb.sqlite.prepare(
      `UPDATE clients SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    statements.set(key, statement);
  }
  statement.run(
    ...fields.map((f) => {
      const v = row[f];
      return f === 'tags' ? JSON.stringify(v ?? []) : (v ?? null);
    }),
    ...moved.map((k) => now[k]),
    row.updatedAt,
    row.id,
  );
}

/** Many clients' rows in one query (deleted ones too when asked). */
export function readClientRows(wb: Workbook, ids: string[], includeDeleted: boolean): ClientRow[] {
  const rows = wb.sqlite
    .prepare(
      // The unary plus keeps SQLite off the (deleted_at, name) index: it would read every live client.
      `SELECT * FROM clients WHERE ${includeDeleted ? '' : '+deleted_at IS NULL AND '}id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  return rows.map((r) => {
    const record: Record<string, unknown> = {};
    for (const key in r) record[camelKey(key)] = r[key];
    return toClientRow(record as ClientRecord);
  });
}

const camelKeys = new Map<string, string>();

/** `manager_id` → `managerId`, worked out once per column (100,000 rows have the same keys). */
function camelKey(column: string): string {
  let key = camelKeys.get(column);
  if (key === undefined) {
    key = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    camelKeys.set(column, key);
  }
  return key;
}

/** Fields whose text is in the search index: changing one means re-indexing the client. */
export const INDEXED_FIELDS: ReadonlySet<string> = new Set([
  // Every standard text field but the lost reason (a label, not something to search for).
  ...TEXT_FIELDS.filter((f) => f !== 'lostReason'),
  'tags',
]);

/** Custom field types whose values are in the search index (see `collect` in search.ts). */
export const SEARCHED_TYPES: ReadonlySet<string> = new Set(['text', 'choice', 'multichoice']);

/** Throws not_found unless the client exists (in the trash too). */
export function assertClient(wb: Workbook, id: string): void {
  if (!wb.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(id)) {
    throw new AppError('not_found', 'client_not_found', {}, 'id');
  }
}

/**
 * Indexes keyed by the trash whose entries a client's move in or out of it moves at random: the
 * live names, the birthdays of the live, the names in the trash. When most of the clients move
 * (the undo of a large import, restoring it), they are built again once instead: 100,000
 * clients to the trash took 0.96–1.05 s so against 1.5–2.1 s, in alternated bench runs.
 */
const TRASH_INDEXES: readonly SuspendedIndex[] = [
  ['clients_live_name_idx', 'clients'],
  ['clients_birthday_idx', 'clients'],
  ['clients_trash_name_idx', 'clients'],
];
/** Below this many clients moved, the indexes are kept up as the rows change. */
const BULK_TRASH = 10_000;

/** Moves clients to the trash or back; each recorded as a change of `deletedAt`. */
export function setDeleted(
  ctx: WriteContext,
  ids: string[],
  deleted: boolean,
  batchId?: string,
): number {
  const at = ctx.now().toISOString();
  const batch = batchId ?? startBatch(ctx, 'edit', deleted ? 'delete' : 'restore');
  // Set-based, so that undoing an import of 100,000 clients is a few statements, not 300,000.
  const records = new Map(
    (
      ctx.wb.sqlite
        .prepare('SELECT id, deleted_at FROM clients WHERE id IN (SELECT value FROM json_each(?))')
        .raw()
        .all(JSON.stringify(ids)) as [string, string | null][]
    ).map(([id, deletedAt]) => [id, deletedAt]),
  );
  const changes: ChangeInput[] = [];
  for (const id of ids) {
    if (!records.has(id)) throw new AppError('not_found', 'client_not_found', {}, 'id');
    const deletedAt = records.get(id) ?? null;
    if ((deletedAt !== null) === deleted) continue;
    changes.push({
      entity: 'client',
      entityId: id,
      clientId: id,
      field: 'deletedAt',
      oldValue: deletedAt,
      newValue: deleted ? at : null,
    });
  }
  const changed = JSON.stringify(changes.map((c) => c.entityId));
  // Moving most of the clients in or out of the trash (the undo of a large import) moves each
  // one's entry in every index keyed by the trash: those are built again once instead.
  const rebuild = suspendIndexes(ctx.wb, changes.length * 2, BULK_TRASH, TRASH_INDEXES);
  ctx.wb.sqlite
    .prepare(
      'UPDATE clients SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
    )
    .run(deleted ? at : null, at, changed);
  rebuild();
  recordChanges(ctx, batch, changes);
  if (deleted) {
    unindexClients(
      ctx.wb,
      changes.map((c) => c.entityId),
    );
  } else if (changes.length > 0) {
    reindexClients(
      ctx.wb,
      changes.map((c) => c.entityId),
    );
  }
  return changes.length;
}

export function deleteClient(ctx: WriteContext, id: string, deleted: boolean): Client {
  return ctx.wb.transaction(() => {
    setDeleted(ctx, [id], deleted);
    return requireClient(ctx.wb, id, ctx.now(), true);
  });
}

/** The tables whose rows belong to a client and go with it when it is purged. */
export const CLIENT_CHILD_TABLES = [
  'field_values',
  'comments',
  'reminders',
  'sales',
  'plans',
  'nps_answers',
  'changes',
  'campaign_members',
] as const;

/** Deletes for good every client in the trash with everything attached to it. */
export function emptyTrash(ctx: WriteContext): number {
  return ctx.wb.transaction(() => {
    const ids = ctx.wb.sqlite
      .prepare('SELECT id FROM clients WHERE deleted_at IS NOT NULL')
      .pluck()
      .all() as string[];
    const json = JSON.stringify(ids);
    for (const table of CLIENT_CHILD_TABLES) {
      ctx.wb.sqlite
        .prepare(`DELETE FROM ${table} WHERE client_id IN (SELECT value FROM json_each(?))`)
        .run(json);
    }
    ctx.wb.sqlite
      .prepare('DELETE FROM clients WHERE id IN (SELECT value FROM json_each(?))')
      .run(json);
    return ids.length;
  });
}

export function getClient(wb: Workbook, id: string, now: Date): Client {
  return requireClient(wb, id, now, true);
}

export function listClients(wb: Workbook, input: ClientListInput, now: Date): ClientList {
  const { records, total } = readListPage(wb, input ?? {}, localDay(now));
  return { rows: withRelated(wb, records.map(toClientRow), now), total };
}

/** Ids of every client a list query matches (for bulk actions on a filter result). */
export function matchingIds(
  wb: Workbook,
  query: NonNullable<ClientListInput>,
  now: Date,
): string[] {
  const where = new FilterCompiler(wb, localDay(now)).where(query, 'filter.filters');
  return wb.db
    .select({ id: clients.id })
    .from(clients)
    .where(where)
    .all()
    .map((r) => r.id);
}

/** Custom values and related figures for a page of rows, in a few set-based queries. */
function withRelated(wb: Workbook, rows: ClientRow[], now: Date): ClientListRow[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const since = yearStart(localDay(now));
  const custom = readCustomValues(
    wb,
    rows.map((r) => r.id),
  );
  const sales = new Map(
    (
      prepared(
        wb,
        // With the purchase days the suggested stage is worked out from, in the same pass.
        `SELECT client_id AS id, max(date) AS last, sum(CASE WHEN date >= ? THEN amount ELSE 0 END) AS year,
           group_concat(DISTINCT CASE WHEN amount > 0 THEN date END) AS days
         FROM sales WHERE deleted_at IS NULL AND client_id IN (SELECT value FROM json_each(?)) GROUP BY client_id`,
      ).all(since, ids) as { id: string; last: string; year: number; days: string | null }[]
    ).map((r) => [r.id, r]),
  );
  const bought = new Map(
    [...sales.values()].map((r) => [r.id, r.days === null ? [] : r.days.split(',').sort()]),
  );
  const contacts = new Map(
    (
      prepared(
        wb,
        `SELECT client_id AS id, klocalday(max(at)) AS last FROM comments
         WHERE deleted_at IS NULL AND kind IN ('call', 'meeting', 'email', 'visit', 'offer')
           AND client_id IN (SELECT value FROM json_each(?)) GROUP BY client_id`,
      ).all(ids) as { id: string; last: string }[]
    ).map((r) => [r.id, r.last]),
  );
  const suggested = suggestedStagesOfRows(wb, rows, bought);
  return rows.map((r) => ({
    ...r,
    custom: custom.get(r.id) ?? {},
    lastPurchase: sales.get(r.id)?.last ?? null,
    revenueYear: sales.get(r.id)?.year ?? 0,
    lastContact: contacts.get(r.id) ?? null,
    suggestedStage: suggested.get(r.id) ?? null,
  }));
}

function requireRecord(wb: Workbook, id: string, includeDeleted = false): ClientRecord {
  const row = wb.db
    .select()
    .from(clients)
    .where(includeDeleted ? eq(clients.id, id) : and(eq(clients.id, id), isNull(clients.deletedAt)))
    .get();
  if (!row) throw new AppError('not_found', 'client_not_found', {}, 'id');
  return row;
}

export function requireClient(wb: Workbook, id: string, now: Date, includeDeleted = false): Client {
  const [row] = withRelated(wb, [toClientRow(requireRecord(wb, id, includeDeleted))], now);
  return row!;
}

/** Lost needs a reason. */
function checkStage(values: Partial<ClientRow>, prefix: string | null) {
  if (values.stage === 'lost' && !values.lostReason) {
    throw new AppError(
      'invalid_input',
      'lost_reason_required',
      {},
      prefix ? `${prefix}.lostReason` : 'lostReason',
    );
  }
}

/** A birthday is not after today, on the local calendar of the app's clock. */
function checkBirthday(values: Partial<ClientRow>, prefix: string | null, now: Date) {
  if (values.birthday && !birthdayInRange(values.birthday, localDay(now))) {
    throw new AppError(
      'invalid_input',
      'birthday_range',
      {},
      prefix ? `${prefix}.birthday` : 'birthday',
    );
  }
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

function touch(ctx: WriteContext, id: string) {
  ctx.wb.sqlite
    .prepare('UPDATE clients SET updated_at = ? WHERE id = ?')
    .run(ctx.now().toISOString(), id);
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

export { derived };

export { fold };

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
    stage: r.stage as Stage,
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

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
