/**
 * The write step of an import: every row in one transaction under one `import` batch, so the
 * whole import is undone in one step and a crash leaves the workbook as it was. New clients and
 * sales go through cached statements (100,000 rows in seconds); updates of existing clients go
 * through the one client write path, which records each field's old value for the undo.
 */
import type { Statement } from 'better-sqlite3';
import type { ClientPatch, ClientRow, CustomValue, FieldDef } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { applyPatch, derived } from './clients';
import { idSequence, idSequenceStart, startBatch, type WriteContext } from './history';
import { fold, nextSeq, reindexClients, withSearchBuffer } from './search';
import {
  changeIdFunction,
  SaleWriter,
  suspendIndexes,
  type SaleImportOp,
} from './import-sales-write';
import { moveStagesFromSales } from './stage-ladder';

/** Client fields an import may set (ids, stamps and derived columns are the write path's). */
export type ImportedClientValues = Partial<
  Omit<ClientRow, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>
>;

export interface ClientImportOp {
  row: number;
  action: 'create' | 'update';
  /** The existing client, for an update. */
  clientId: string | null;
  values: ImportedClientValues;
  custom: { def: FieldDef; value: CustomValue }[];
  /** A manager named in the file, resolved (or created) at write time. */
  managerName: string | null;
}

export type { SaleImportOp, SaleImportValues } from './import-sales-write';

export interface ImportWriteHooks {
  label: string;
  newManagers: string[];
  /** Called every few thousand rows; throwing from it (a cancel) rolls everything back. */
  onRow?: (done: number, total: number) => void;
  /**
   * Called first inside the transaction, once the write lock is held: throwing from it (the
   * workbook changed since the ops were planned) writes nothing.
   */
  onStart?: () => void;
}

export interface ImportWriteResult {
  /** Null when the import wrote nothing: no empty batch is left in the journal. */
  batchId: string | null;
  inserted: number;
  updated: number;
  /** Updates whose values the workbook already held: nothing written, no history. */
  unchanged: number;
}

const CLIENT_COLUMNS = [
  ['kind', 'kind'],
  ['name', 'name'],
  ['company', 'company'],
  ['position', 'position'],
  ['phone', 'phone'],
  ['phone2', 'phone2'],
  ['email', 'email'],
  ['address', 'address'],
  ['birthday', 'birthday'],
  ['channel', 'channel'],
  ['managerId', 'manager_id'],
  ['stage', 'stage'],
  ['lostReason', 'lost_reason'],
  ['tags', 'tags'],
  ['note', 'note'],
  ['externalId', 'external_id'],
  ['taxId', 'tax_id'],
] as const;

interface Statements {
  client: Statement;
  value: Statement;
  search: Statement;
  tagSearch: Statement;
}

const cache = new WeakMap<Workbook, Statements>();

function statements(wb: Workbook): Statements {
  let s = cache.get(wb);
  if (!s) {
    const cols = CLIENT_COLUMNS.map(([, c]) => c).join(', ');
    const marks = CLIENT_COLUMNS.map(() => '?').join(', ');
    s = {
      client: wb.sqlite.prepare(
        `INSERT INTO clients (id, ${cols}, name_fold, search_text, tags_fold, phone_key, phone2_key, seq, created_at, updated_at)
         VALUES (?, ${marks}, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      value: wb.sqlite.prepare(
        'INSERT INTO field_values (id, client_id, field_id, value, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      search: wb.sqlite.prepare('INSERT INTO client_search (rowid, body) VALUES (?, ?)'),
      tagSearch: wb.sqlite.prepare('INSERT INTO client_tag_search (rowid, tags) VALUES (?, ?)'),
    };
    cache.set(wb, s);
  }
  return s;
}

const INDEXED_CUSTOM = new Set(['text', 'choice', 'multichoice']);

/**
 * Secondary indexes that a large client import builds once after its rows (sorted) rather than
 * updating them at a random place for each new client: none of them is read while the import
 * writes (the unique ones, which check codes and numbering, and the id index stay). The
 * indexes of a few values (the stage, the manager) and of the rare second phone stay too: the
 * new clients' entries go at the end of each value's run (their rowids are the greatest), one
 * place of a page the cache holds, where each build read the whole table again (100,000
 * clients: the builds 0.24–0.26 s instead of 0.38–0.57 s, the rows no slower).
 */
const CLIENT_BULK_INDEXES = [
  ['clients_live_name_idx', 'clients'],
  ['clients_phone_key_idx', 'clients'],
  ['clients_birthday_idx', 'clients'],
  ['changes_client_idx', 'changes'],
] as const;
/**
 * New clients from which an import gives the search index a larger buffer, and suspends the
 * indexes above (each only while its table holds fewer rows than the import adds).
 */
const BIG_IMPORT = 2000;
/** Writes a checked import. Runs in one transaction; any throw leaves nothing behind. */
export function writeImport(
  ctx: WriteContext,
  clientOps: ClientImportOp[],
  saleOps: SaleImportOp[],
  hooks: ImportWriteHooks,
): ImportWriteResult {
  return ctx.wb.transaction(() => {
    hooks.onStart?.();
    const batchId = startBatch(ctx, 'import', hooks.label);
    const managers = resolveManagers(ctx, hooks.newManagers);
    const total = clientOps.length + saleOps.length;
    let done = 0;
    const step = () => {
      done += 1;
      if (done % 2000 === 0) hooks.onRow?.(done, total);
    };
    const result: ImportWriteResult = { batchId, inserted: 0, updated: 0, unchanged: 0 };
    const s = statements(ctx.wb);
    const at = ctx.now().toISOString();
    const firstSeq = nextSeq(ctx.wb);
    let seq = firstSeq;
    const reindex: string[] = [];
    const creates = clientOps.filter((op) => op.action === 'create').length;
    // New clients' ids (and their custom values') counted up from one fresh id, as the sales
    // import does: a fresh random id each was a tenth of the rows' cost.
    const newId = creates > 1 ? idSequence(ctx) : ctx.newId;
    const restoreIndexes = suspendIndexes(ctx.wb, creates, BIG_IMPORT, CLIENT_BULK_INDEXES);
    // Many new clients go into the search index in one statement after their rows (see
    // `indexNewClients`); a few, row by row.
    const searchLater = creates >= BIG_IMPORT;
    /** New clients whose text in the index is more than their `search_text` (custom fields). */
    const searchedAlready: number[] = [];
    withSearchBuffer(ctx.wb, searchLater, () => {
      for (const op of clientOps) {
        const managerId = op.managerName ? (managers.get(fold(op.managerName)) ?? null) : undefined;
        if (op.action === 'create') {
          if (insertClient(s, newId, seq, op, managerId, at, searchLater)) {
            searchedAlready.push(seq);
          }
          seq += 1;
          result.inserted += 1;
        } else if (op.clientId) {
          const patch = (
            managerId === undefined ? { ...op.values } : { ...op.values, managerId }
          ) as ClientPatch;
          if (op.custom.length > 0) {
            patch.custom = Object.fromEntries(op.custom.map((c) => [c.def.key, c.value]));
          }
          if (applyPatch(ctx, op.clientId, patch, batchId, { deferIndex: true }).length > 0) {
            result.updated += 1;
            reindex.push(op.clientId);
          } else {
            result.unchanged += 1;
          }
        }
        step();
      }
      // Built again now, before the search index writes out its buffer and the creation lines
      // are added: the new rows' pages are all still in the page cache. Later, the pages a
      // large import dirties outgrow the cache, and each index's pass over the clients read
      // them back from the WAL (100,000 clients: ~38,000 reads, and ~40,000 more writes).
      // The creation lines then go into the clients' index of the history as it stands (their
      // ids, counted up from a fresh one, sort after every other client's).
      if (searchLater) indexNewClients(ctx.wb, firstSeq, seq, searchedAlready);
      restoreIndexes();
    });
    recordCreated(ctx, batchId, firstSeq, seq - firstSeq);
    if (reindex.length > 0) reindexClients(ctx.wb, reindex);

    const sales = new SaleWriter(ctx, batchId, managers);
    for (const op of saleOps) {
      sales.write(op);
      step();
    }
    sales.flush();
    Object.assign(result, {
      inserted: result.inserted + sales.inserted,
      updated: result.updated + sales.updated,
      unchanged: result.unchanged + sales.unchanged,
    });
    moveStagesFromSales(ctx, sales.days.clients());
    hooks.onRow?.(total, total);
    if (result.inserted + result.updated === 0 && hooks.newManagers.length === 0) {
      ctx.wb.sqlite.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
      result.batchId = null;
    }
    return result;
  });
}

/** The defaults of a new client's columns that the file did not fill. */
const DEFAULTS: Partial<Record<(typeof CLIENT_COLUMNS)[number][0], string>> = {
  kind: 'person',
  stage: 'prospect',
  name: '',
  tags: '[]',
};

function named(values: ImportedClientValues): values is ImportedClientValues & { name: string } {
  return values.name !== undefined;
}

/**
 * Inserts a new client, its custom values and its search index rows (one row: no objects). With
 * `searchLater`, the index rows of a client whose indexed text is its `search_text` alone are
 * left to `indexNewClients`; returns true when this wrote them.
 */
function insertClient(
  s: Statements,
  newId: () => string,
  seq: number,
  op: ClientImportOp,
  managerId: string | null | undefined,
  at: string,
  searchLater = false,
): boolean {
  const values = op.values;
  const id = newId();
  const d = derived(named(values) ? values : { ...values, name: '' });
  const params: unknown[] = [id];
  for (const [key] of CLIENT_COLUMNS) {
    const v = key === 'managerId' && managerId !== undefined ? managerId : values[key];
    if (v === undefined || v === null) params.push(DEFAULTS[key] ?? null);
    else params.push(key === 'tags' ? JSON.stringify(v) : v);
  }
  params.push(d.nameFold, d.searchText, d.tagsFold, d.phoneKey, d.phone2Key, seq, at, at);
  s.client.run(params);
  let text = d.searchText;
  for (const { def, value } of op.custom) {
    if (value === null) continue;
    s.value.run(newId(), id, def.id, JSON.stringify(value), at);
    if (INDEXED_CUSTOM.has(def.type)) {
      text += ` ${fold(Array.isArray(value) ? JSON.stringify(value) : String(value))}`;
    }
  }
  if (searchLater && text === d.searchText) return false;
  s.search.run(seq, text);
  if (d.tagsFold) s.tagSearch.run(seq, d.tagsFold);
  return true;
}

/**
 * The search index rows of the clients numbered `first` to `end - 1`, but for those in `done`,
 * from the `search_text` and `tags_fold` their rows hold: one INSERT … SELECT each, no call into
 * SQLite per client (100,000 clients: 1.3 s instead of 1.5 s, the trigrams being most of it).
 */
function indexNewClients(wb: Workbook, first: number, end: number, done: readonly number[]): void {
  const skip = done.length > 0 ? 'AND seq NOT IN (SELECT value FROM json_each(?))' : '';
  const params = done.length > 0 ? [first, end, JSON.stringify(done)] : [first, end];
  wb.sqlite
    .prepare(
      `INSERT INTO client_search (rowid, body)
       SELECT seq, search_text FROM clients WHERE seq >= ? AND seq < ? ${skip} ORDER BY seq`,
    )
    .run(...params);
  wb.sqlite
    .prepare(
      `INSERT INTO client_tag_search (rowid, tags)
       SELECT seq, tags_fold FROM clients WHERE seq >= ? AND seq < ? AND tags_fold != '' ${skip}
       ORDER BY seq`,
    )
    .run(...params);
}

/**
 * The history line of each new client (`created`, as `recordChanges` writes it: the same ids,
 * time and actor), by one INSERT … SELECT over the clients this import numbered `first` to
 * `first + count - 1` (in the order they were written): no id crosses into JavaScript.
 */
function recordCreated(ctx: WriteContext, batchId: string, first: number, count: number): void {
  if (count === 0) return;
  const at = ctx.now().toISOString();
  const start = count > 1 ? idSequenceStart(ctx) : null;
  if (start) {
    // The ids `idSequence` would give, counted up by SQLite: no call into JavaScript per row.
    ctx.wb.sqlite
      .prepare(
        `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
         SELECT ? || printf('%012x', (? + seq) % 281474976710656), 'client', id, id, 'created', NULL, 'true', ?, ?, ?, ?
         FROM clients WHERE seq >= ? AND seq < ? ORDER BY seq`,
      )
      .run(
        start.prefix,
        BigInt(start.counter - first),
        ctx.actor(),
        at,
        batchId,
        at,
        first,
        first + count,
      );
    return;
  }
  const ids = changeIdFunction(ctx);
  ids.next = count > 1 ? idSequence(ctx) : ctx.newId;
  ctx.wb.sqlite
    .prepare(
      `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
       SELECT kartoteka_change_id(), 'client', id, id, 'created', NULL, 'true', ?, ?, ?, ?
       FROM clients WHERE seq >= ? AND seq < ? ORDER BY seq`,
    )
    .run(ctx.actor(), at, batchId, at, first, first + count);
}

/** Managers by folded name, the file's new ones added. */
export function resolveManagers(ctx: WriteContext, names: string[]): Map<string, string> {
  const rows = ctx.wb.sqlite.prepare('SELECT id, name FROM managers').all() as {
    id: string;
    name: string;
  }[];
  const byName = new Map(rows.map((r) => [fold(r.name.trim()), r.id]));
  const insert = ctx.wb.sqlite.prepare(
    'INSERT INTO managers (id, name, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)',
  );
  const at = ctx.now().toISOString();
  for (const name of names) {
    if (byName.has(fold(name))) continue;
    const id = ctx.newId();
    insert.run(id, name, at, at);
    byName.set(fold(name), id);
  }
  return byName;
}
