/** The prepared insert statements the bench generator writes every row through, and its ids. */
import type { Statement } from 'better-sqlite3';
import { v7 } from 'uuid';
import type { ClientRow, CustomValue } from '../../electron/api/contract';
import { CLIENT_FIELDS } from '../../kernel/client-fields';
import type { Workbook } from '../workbook';
import type { Rng } from './prng';

export interface Writer {
  manager: Statement;
  lostReason: Statement;
  fieldDef: Statement;
  /**
   * Standard fields in `CLIENT_FIELDS` order, then id, name_fold, search_text, tags_fold, the phone keys,
   * seq, times.
   */
  client: Statement;
  batch: Statement;
  change: Statement;
  fieldValue: Statement;
  comment: Statement;
  sale: Statement;
  /** The next sales document number. */
  nextDoc(): number;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function insert(wb: Workbook, table: string, columns: readonly string[]): Statement {
  return wb.sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
}

export function prepareWriter(wb: Workbook): Writer {
  let doc = 0;
  return {
    manager: insert(wb, 'managers', ['id', 'name', 'email', 'active', 'created_at', 'updated_at']),
    lostReason: insert(wb, 'lost_reasons', [
      'id',
      'label',
      'position',
      'active',
      'created_at',
      'updated_at',
    ]),
    fieldDef: insert(wb, 'field_defs', [
      'id',
      'key',
      'label',
      'type',
      'options',
      'group_name',
      'position',
      'created_at',
      'updated_at',
    ]),
    client: insert(wb, 'clients', [
      ...CLIENT_FIELDS.map(snake),
      'id',
      'name_fold',
      'search_text',
      'tags_fold',
      'phone_key',
      'phone2_key',
      'seq',
      'created_at',
      'updated_at',
      'deleted_at',
    ]),
    batch: insert(wb, 'batches', [
      'id',
      'kind',
      'label',
      'actor',
      'created_at',
      'undone_at',
      'updated_at',
    ]),
    change: insert(wb, 'changes', [
      'id',
      'entity',
      'entity_id',
      'client_id',
      'field',
      'old_value',
      'new_value',
      'actor',
      'at',
      'batch_id',
      'updated_at',
    ]),
    fieldValue: insert(wb, 'field_values', ['id', 'client_id', 'field_id', 'value', 'updated_at']),
    comment: insert(wb, 'comments', [
      'id',
      'client_id',
      'kind',
      'touch',
      'author',
      'body',
      'at',
      'created_at',
      'updated_at',
      'deleted_at',
    ]),
    sale: insert(wb, 'sales', [
      'id',
      'client_id',
      'date',
      'amount',
      'margin',
      'category',
      'product',
      'quantity',
      'doc_no',
      'manager_id',
      'created_at',
      'updated_at',
      'deleted_at',
    ]),
    nextDoc: () => (doc += 1),
  };
}

/** Deterministic UUIDv7 ids whose time part is the moment the row was made. */
export class IdSource {
  private readonly bytes = new Uint8Array(16);
  constructor(private readonly rng: Rng) {}
  at(ms: number): string {
    return v7({ msecs: Math.floor(ms), random: this.rng.fill(this.bytes) });
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The `create` batch: one change per field the client was created with. */
export function writeCreateBatch(
  w: Writer,
  ids: IdSource,
  row: ClientRow,
  actor: string,
  custom: [{ key: string }, CustomValue][],
  at: number,
): number {
  const batchId = ids.at(at);
  w.batch.run(batchId, 'create', null, actor, row.createdAt, null, row.createdAt);
  let n = 0;
  const add = (field: string, value: unknown) => {
    w.change.run(
      ids.at(at),
      'client',
      row.id,
      row.id,
      field,
      null,
      JSON.stringify(value),
      actor,
      row.createdAt,
      batchId,
      row.createdAt,
    );
    n += 1;
  };
  for (const field of CLIENT_FIELDS) {
    const value = row[field];
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    add(field, value);
  }
  for (const [field, value] of custom) add(`custom.${field.key}`, value);
  return n;
}

export function writeDeleteBatch(
  w: Writer,
  ids: IdSource,
  clientId: string,
  actor: string,
  at: number,
) {
  const batchId = ids.at(at);
  const stamp = iso(at);
  w.batch.run(batchId, 'edit', 'delete', actor, stamp, null, stamp);
  w.change.run(
    ids.at(at),
    'client',
    clientId,
    clientId,
    'deletedAt',
    null,
    JSON.stringify(stamp),
    actor,
    stamp,
    batchId,
    stamp,
  );
  return 1;
}
