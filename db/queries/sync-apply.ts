/**
 * Applying changes from other devices. Each change is stored in the log (once: a change seen
 * before is skipped), then every record it touched is rebuilt from its log rows in clock order:
 * a new record (`*`) sets every field, a field change sets one, a purge (`-`) removes the record.
 * The same log gives the same record on every device, whatever order the changes came in.
 *
 * A change to a field that lost to, or beat, a change made without knowledge of it (the clock
 * of the value it replaced is older than the other change) is a conflict: the winner holds
 * the field, the loser is listed until someone picks a side.
 */
import type { Workbook } from '../workbook';
import { SYNCED_BY_NAME, SYNCED_TABLES, type SyncedTable } from '../sync-tables';
import { recordChanges, startBatch, type ChangeInput } from './history';
import { prepared as cached } from './prepared';
import type { LogChange } from './sync-log';
import { rederiveClientIds } from './client-derived';
import { CLIENT_CHILD_TABLES } from './clients';
import { nextSeq, reindexClients } from './search';

export interface ApplyContext {
  wb: Workbook;
  now: () => Date;
  newId: () => string;
  /** Device id → name, for the history's "from the device …". */
  deviceName: (id: string) => string;
  /** The changes came from the hub (already there: never pushed again). */
  fromHub: boolean;
}

export interface ApplyResult {
  applied: number;
  skipped: number;
  conflicts: number;
}

type Row = Record<string, unknown>;

interface Winner {
  hlc: string;
  field: string;
  value: string | null;
  base: string | null;
  device: string;
}

export function applyChanges(ctx: ApplyContext, changes: readonly LogChange[]): ApplyResult {
  const { wb } = ctx;
  const result: ApplyResult = { applied: 0, skipped: 0, conflicts: 0 };
  if (changes.length === 0) return result;
  const seen = cached(
    wb,
    'SELECT n, pushed FROM sync_log WHERE hlc = ? AND entity = ? AND row_id = ? AND field = ?',
  );
  const markPushed = cached(wb, 'UPDATE sync_log SET pushed = 1 WHERE n = ?');
  const insert = cached(
    wb,
    `INSERT INTO sync_log (hlc, device, entity, row_id, field, value, base, actor, pushed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const winner = cached(
    wb,
    `SELECT hlc, field, value, base, device FROM sync_log
     WHERE entity = ? AND row_id = ? AND field IN (?, '*', '-') ORDER BY hlc DESC LIMIT 1`,
  );
  const addConflict = cached(
    wb,
    `INSERT INTO sync_conflicts (id, entity, row_id, field, winner_hlc, loser_hlc, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const closeConflicts = cached(
    wb,
    `UPDATE sync_conflicts SET resolved_at = ? WHERE entity = ? AND row_id = ? AND field = ?
     AND resolved_at IS NULL AND winner_hlc <= ?`,
  );
  return wb.transaction(() =>
    wb.capture.applying(() => {
      const at = ctx.now().toISOString();
      const touched = new Map<string, { table: SyncedTable; rowId: string; by: LogChange }>();
      for (const change of changes) {
        const table = SYNCED_BY_NAME.get(change.entity);
        if (!table) {
          result.skipped += 1;
          continue;
        }
        const known = seen.get(change.hlc, change.entity, change.rowId, change.field) as
          { n: number; pushed: number } | undefined;
        if (known) {
          if (ctx.fromHub && known.pushed === 0) markPushed.run(known.n);
          result.skipped += 1;
          continue;
        }
        wb.capture.observe(change.hlc);
        if (change.field === '*' && !table.key.includes('id')) {
          // The same record made on two devices: each field both set differently is a conflict.
          const made = (parse(change.value) as Row | null) ?? {};
          for (const [field, value] of Object.entries(made)) {
            if (value === null || table.key.includes(field) || field === 'created_at') continue;
            const w = winner.get(change.entity, change.rowId, field) as Winner | undefined;
            if (!w || (w.field === '*' && fieldValue(w, field) === null)) continue;
            const single = { ...change, field, value: JSON.stringify(value), base: null };
            const pair = w.field !== '-' ? concurrent(single, w) : null;
            if (pair) {
              result.conflicts += addConflict.run(
                ctx.newId(),
                change.entity,
                change.rowId,
                field,
                pair.winner,
                pair.loser,
                at,
              ).changes;
            }
          }
        } else if (change.field !== '*' && change.field !== '-') {
          const w = winner.get(change.entity, change.rowId, change.field) as Winner | undefined;
          const pair = w && w.field !== '-' ? concurrent(change, w) : null;
          if (pair) {
            const added = addConflict.run(
              ctx.newId(),
              change.entity,
              change.rowId,
              change.field,
              pair.winner,
              pair.loser,
              at,
            ).changes;
            result.conflicts += added;
          } else if (change.base) {
            // Made knowing the value that won before: earlier conflicts of the field are settled.
            closeConflicts.run(at, change.entity, change.rowId, change.field, change.base);
          }
        }
        insert.run(
          change.hlc,
          change.deviceId,
          change.entity,
          change.rowId,
          change.field,
          change.value,
          change.base,
          change.actor,
          ctx.fromHub ? 1 : 0,
        );
        result.applied += 1;
        touched.set(`${change.entity}|${change.rowId}`, { table, rowId: change.rowId, by: change });
      }
      rebuild(ctx, [...touched.values()]);
      return result;
    }),
  );
}

/** The two clocks of a conflict, when `change` and the field's current winner `w` are concurrent. */
function concurrent(change: LogChange, w: Winner): { winner: string; loser: string } | null {
  if (w.device === change.deviceId) return null;
  const theirs = fieldValue(w, change.field);
  if (JSON.stringify(theirs) === JSON.stringify(parse(change.value))) return null;
  if (change.hlc > w.hlc) {
    return (change.base ?? '') < w.hlc ? { winner: change.hlc, loser: w.hlc } : null;
  }
  return (w.base ?? '') < change.hlc ? { winner: w.hlc, loser: change.hlc } : null;
}

function fieldValue(w: { field: string; value: string | null }, field: string): unknown {
  if (w.field === '*') return (parse(w.value) as Row | null)?.[field] ?? null;
  return parse(w.value);
}

function parse(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}

interface Touch {
  table: SyncedTable;
  rowId: string;
  by: LogChange;
}

interface Edit {
  touch: Touch;
  before: Row | null;
  after: Row | null;
  localId: string | null;
}

/** Rebuilds every touched record from the log, parents first; then the cards' derived data. */
function rebuild(ctx: ApplyContext, touches: Touch[]): void {
  const order = new Map(SYNCED_TABLES.map((t, i) => [t.name, i]));
  touches.sort((a, b) => order.get(a.table.name)! - order.get(b.table.name)!);
  const edits: Edit[] = [];
  const clients = new Set<string>();
  for (const touch of touches) {
    const edit = materialize(ctx, touch);
    if (!edit) continue;
    edits.push(edit);
    const clientId =
      touch.table.name === 'clients'
        ? touch.rowId
        : ((edit.after ?? edit.before)?.['client_id'] as string | undefined);
    if (clientId) clients.add(clientId);
  }
  const live = [...clients].filter((id) =>
    cached(ctx.wb, 'SELECT 1 FROM clients WHERE id = ?').get(id),
  );
  if (live.length > 0) {
    rederiveClientIds(ctx.wb, live);
    reindexClients(ctx.wb, live);
  }
  recordHistory(ctx, edits);
}

function fold(ctx: ApplyContext, touch: Touch): Row | null {
  const rows = cached(
    ctx.wb,
    'SELECT field, value FROM sync_log WHERE entity = ? AND row_id = ? ORDER BY hlc',
  ).all(touch.table.name, touch.rowId) as { field: string; value: string | null }[];
  let state: Row | null = null;
  for (const r of rows) {
    if (r.field === '*') state = created(state, parse(r.value) as Row);
    else if (r.field === '-') state = null;
    else if (state) state[r.field] = parse(r.value);
  }
  return state;
}

/**
 * A record made by one device and, before they met, by another (a plan for the same client,
 * category and period): the later one adds what it set to the earlier one rather than blanking
 * what it did not set. A record made anew after a purge starts from nothing.
 */
function created(state: Row | null, made: Row): Row {
  if (!state) return { ...made };
  const merged = { ...state };
  for (const [field, value] of Object.entries(made)) if (value !== null) merged[field] = value;
  return merged;
}

function keyWhere(table: SyncedTable): string {
  return table.key.map((c) => `"${c}" = ?`).join(' AND ');
}

/** The key columns' values of a row key (`client|category|period`: a category may hold `|`). */
function keyValues(table: SyncedTable, rowId: string): string[] {
  const parts = rowId.split('|');
  if (table.key.length === 1) return [rowId];
  if (parts.length === table.key.length) return parts;
  const last = parts.length - 1;
  return [parts[0]!, parts.slice(1, last).join('|'), parts[last]!];
}

function materialize(ctx: ApplyContext, touch: Touch): Edit | null {
  const { wb } = ctx;
  const { table } = touch;
  const cols = table.columns.map((c) => `"${c}"`).join(', ');
  const local = cached(
    wb,
    `SELECT rowid AS _rowid, ${table.localId ? 'id AS _id, ' : ''}${cols} FROM "${table.name}" WHERE ${keyWhere(table)}`,
  ).get(...keyValues(table, touch.rowId)) as Row | undefined;
  let after = fold(ctx, touch);
  if (after && !parentsPresent(wb, table, after)) after = null;
  const before = local ? pick(table, local) : null;
  const localId = local ? ((local['id'] ?? local['_id']) as string | null) : null;
  if (!after && !before) return null;
  if (!after) {
    remove(wb, table, touch.rowId, local!);
    return { touch, before, after: null, localId };
  }
  unique(wb, table, after, touch.rowId);
  const at = ctx.now().toISOString();
  if (!before) {
    const extra: Row = { updated_at: at };
    if (table.localId) extra['id'] = ctx.newId();
    if (table.name === 'clients') extra['seq'] = nextSeq(wb);
    const row = { ...after, ...extra };
    const names = Object.keys(row).filter((c) => table.columns.includes(c) || c in extra);
    cached(
      wb,
      `INSERT INTO "${table.name}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((c) => sqlValue(row[c])));
    return { touch, before: null, after, localId: (row['id'] as string) ?? null };
  }
  const changed = table.columns.filter(
    (c) => c in after && JSON.stringify(after[c] ?? null) !== JSON.stringify(before[c] ?? null),
  );
  if (changed.length === 0) return null;
  cached(
    wb,
    `UPDATE "${table.name}" SET ${changed.map((c) => `"${c}" = ?`).join(', ')}, updated_at = ? WHERE rowid = ?`,
  ).run(...changed.map((c) => sqlValue(after[c])), at, local!['_rowid']);
  return { touch, before, after, localId };
}

function pick(table: SyncedTable, row: Row): Row {
  return Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]));
}

function sqlValue(v: unknown): string | number | bigint | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return v;
  return JSON.stringify(v);
}

/** A record whose client (or manager, or field) is gone for good is not made again. */
function parentsPresent(wb: Workbook, table: SyncedTable, row: Row): boolean {
  const checks: [string, string][] = [];
  if (table.clientColumn) checks.push(['clients', table.clientColumn]);
  if (table.columns.includes('manager_id')) checks.push(['managers', 'manager_id']);
  if (table.columns.includes('field_id')) checks.push(['field_defs', 'field_id']);
  return checks.every(([parent, column]) => {
    const id = row[column];
    if (id === null || id === undefined) return true;
    return Boolean(cached(wb, `SELECT 1 FROM "${parent}" WHERE id = ?`).get(id));
  });
}

function remove(wb: Workbook, table: SyncedTable, rowId: string, local: Row): void {
  if (table.name === 'clients') {
    for (const index of ['client_search', 'client_tag_search']) {
      cached(wb, `DELETE FROM ${index} WHERE rowid = (SELECT seq FROM clients WHERE id = ?)`).run(
        rowId,
      );
    }
    for (const child of CLIENT_CHILD_TABLES) {
      cached(wb, `DELETE FROM "${child}" WHERE client_id = ?`).run(rowId);
    }
  }
  cached(wb, `DELETE FROM "${table.name}" WHERE rowid = ?`).run(local['_rowid']);
}

/**
 * Two devices gave two records the same value of a unique column (the same field key, the
 * same 1C code): on every device the record with the greater id gets the value with its id's
 * end appended, so both are kept and every device agrees.
 */
function unique(wb: Workbook, table: SyncedTable, row: Row, rowId: string): void {
  for (const column of table.unique) {
    const value = row[column];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const other = cached(wb, `SELECT id FROM "${table.name}" WHERE "${column}" = ? AND id <> ?`)
      .pluck()
      .get(value, rowId) as string | undefined;
    if (!other) continue;
    if (rowId > other) {
      row[column] = `${value}~${rowId.slice(-4)}`;
    } else {
      cached(wb, `UPDATE "${table.name}" SET "${column}" = ? WHERE id = ?`).run(
        `${value}~${other.slice(-4)}`,
        other,
      );
    }
  }
}

/** The card's history of what came: one batch per device and author, named after the device. */
function recordHistory(ctx: ApplyContext, edits: Edit[]): void {
  const groups = new Map<string, { device: string; actor: string; items: ChangeInput[] }>();
  const fieldKeys = new Map<string, string>();
  const keyOf = (fieldId: string): string => {
    let key = fieldKeys.get(fieldId);
    if (key === undefined) {
      key =
        (cached(ctx.wb, 'SELECT key FROM field_defs WHERE id = ?').pluck().get(fieldId) as
          string | undefined) ?? fieldId;
      fieldKeys.set(fieldId, key);
    }
    return key;
  };
  for (const edit of edits) {
    const { table, by } = edit.touch;
    if (!table.historyEntity || !edit.after) continue;
    const items = historyItems(table, edit, keyOf);
    if (items.length === 0) continue;
    const actor = by.actor ?? '';
    const id = `${by.deviceId}|${actor}`;
    const group = groups.get(id) ?? { device: by.deviceId, actor, items: [] };
    group.items.push(...items);
    groups.set(id, group);
  }
  for (const group of groups.values()) {
    const write = { wb: ctx.wb, now: ctx.now, newId: ctx.newId, actor: () => group.actor };
    const batch = startBatch(write, 'sync', ctx.deviceName(group.device));
    recordChanges(write, batch, group.items);
  }
}

function historyItems(
  table: SyncedTable,
  edit: Edit,
  keyOf: (id: string) => string,
): ChangeInput[] {
  const after = edit.after!;
  const before = edit.before;
  if (table.name === 'field_values') {
    const clientId = after['client_id'] as string;
    return [
      {
        entity: 'client',
        entityId: clientId,
        clientId,
        field: `custom.${keyOf(after['field_id'] as string)}`,
        oldValue: before ? parse(before['value'] as string) : null,
        newValue: parse(after['value'] as string),
      },
    ];
  }
  const clientId = table.name === 'clients' ? edit.touch.rowId : (after['client_id'] as string);
  const entityId = table.name === 'clients' ? edit.touch.rowId : (edit.localId ?? edit.touch.rowId);
  const skip = new Set(['id', 'client_id', 'created_at', ...table.key]);
  const decode = (c: string, v: unknown) =>
    c === 'tags' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return table.columns
    .filter((c) => !skip.has(c))
    .filter((c) => JSON.stringify(after[c] ?? null) !== JSON.stringify(before?.[c] ?? null))
    .map((c) => ({
      entity: table.historyEntity!,
      entityId,
      clientId,
      field: table.props.get(c) ?? c,
      oldValue: before ? decode(c, before[c] ?? null) : null,
      newValue: decode(c, after[c] ?? null),
    }));
}
