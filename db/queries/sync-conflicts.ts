/**
 * Conflicts: a value that lost to a concurrent change of the same field on another device,
 * kept with the winner until someone picks one. "Mine" is the value this device set (when
 * neither came from here: the value it holds, the winner).
 */
import type { ConflictSide, SyncConflict } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { SYNCED_BY_NAME } from '../sync-tables';
import { deviceNames } from './sync-log';
import { recordChanges, startBatch, type WriteContext } from './history';

interface ConflictRow {
  id: string;
  entity: string;
  row_id: string;
  field: string;
  winner_hlc: string;
  loser_hlc: string;
  detected_at: string;
  resolved_at: string | null;
}

interface Side {
  hlc: string;
  device: string;
  field: string;
  value: string | null;
  actor: string | null;
}

export function listConflicts(
  wb: Workbook,
  me: string | null,
  filter: { clientId?: string | undefined; includeResolved?: boolean | undefined },
): SyncConflict[] {
  const rows = wb.sqlite
    .prepare(
      `SELECT * FROM sync_conflicts ${filter.includeResolved ? '' : 'WHERE resolved_at IS NULL'}
       ORDER BY detected_at DESC, id`,
    )
    .all() as ConflictRow[];
  const names = deviceNames(wb);
  const out: SyncConflict[] = [];
  for (const row of rows) {
    const conflict = toConflict(wb, row, me, names);
    if (!conflict) continue;
    if (filter.clientId && conflict.clientId !== filter.clientId) continue;
    out.push(conflict);
  }
  return out;
}

export function getConflict(wb: Workbook, id: string, me: string | null): SyncConflict | null {
  const row = wb.sqlite.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as
    ConflictRow | undefined;
  return row ? toConflict(wb, row, me, deviceNames(wb)) : null;
}

export function markResolved(wb: Workbook, id: string, at: string): void {
  wb.sqlite.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?').run(at, id);
}

export function openConflictCount(wb: Workbook): number {
  return wb.sqlite
    .prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL')
    .pluck()
    .get() as number;
}

function side(wb: Workbook, row: ConflictRow, hlc: string): Side | undefined {
  return wb.sqlite
    .prepare(
      `SELECT hlc, device, field, value, actor FROM sync_log
       WHERE entity = ? AND row_id = ? AND hlc = ? AND field IN (?, '*')`,
    )
    .get(row.entity, row.row_id, hlc, row.field) as Side | undefined;
}

function valueOf(s: Side, field: string): unknown {
  if (s.value === null) return null;
  const parsed = JSON.parse(s.value) as unknown;
  if (s.field === '*') return (parsed as Record<string, unknown> | null)?.[field] ?? null;
  return parsed;
}

function toConflict(
  wb: Workbook,
  row: ConflictRow,
  me: string | null,
  names: Map<string, string>,
): SyncConflict | null {
  const winner = side(wb, row, row.winner_hlc);
  const loser = side(wb, row, row.loser_hlc);
  const table = SYNCED_BY_NAME.get(row.entity);
  if (!winner || !loser || !table) return null;
  const asSide = (s: Side): ConflictSide => ({
    value:
      row.entity === 'field_values' && typeof valueOf(s, row.field) === 'string'
        ? (JSON.parse(valueOf(s, row.field) as string) as unknown)
        : decode(row.field, valueOf(s, row.field)),
    deviceId: s.device,
    deviceName: names.get(s.device) ?? null,
    actor: s.actor,
    at: new Date(Number(Date.parse(s.hlc.slice(0, 24)))).toISOString(),
  });
  const loserIsMine = loser.device === me;
  const clientId = clientOf(wb, row);
  const clientName = clientId
    ? ((wb.sqlite.prepare('SELECT name FROM clients WHERE id = ?').pluck().get(clientId) as
        string | undefined) ?? null)
    : null;
  return {
    id: row.id,
    entity: row.entity,
    rowId: row.row_id,
    clientId,
    clientName,
    field: fieldName(wb, row),
    mine: asSide(loserIsMine ? loser : winner),
    theirs: asSide(loserIsMine ? winner : loser),
    winner: loserIsMine ? 'theirs' : 'mine',
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
  };
}

/** The field as the card names it: `phone`, `deletedAt`, `custom.<key>` for a portrait field. */
function fieldName(wb: Workbook, row: ConflictRow): string {
  if (row.entity === 'field_values') {
    const fieldId = row.row_id.split('|')[1] ?? '';
    const key = wb.sqlite.prepare('SELECT key FROM field_defs WHERE id = ?').pluck().get(fieldId);
    return `custom.${typeof key === 'string' ? key : fieldId}`;
  }
  return SYNCED_BY_NAME.get(row.entity)?.props.get(row.field) ?? row.field;
}

function decode(field: string, value: unknown): unknown {
  return field === 'tags' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function clientOf(wb: Workbook, row: ConflictRow): string | null {
  if (row.entity === 'clients') return row.row_id;
  const table = SYNCED_BY_NAME.get(row.entity);
  if (!table?.clientColumn) return null;
  if (!table.key.includes('id')) return row.row_id.split('|')[0] ?? null;
  return (
    (wb.sqlite
      .prepare(`SELECT client_id FROM "${row.entity}" WHERE id = ?`)
      .pluck()
      .get(row.row_id) as string | undefined) ?? null
  );
}

/**
 * Keeps one side of a conflict. Keeping the value that lost writes it again as a change of this
 * device (logged with a new clock, so it wins everywhere after the next sync); keeping the
 * winner changes nothing. Either way the conflict is settled here. Returns the client whose
 * card changed, if any.
 */
export function resolveConflict(
  ctx: WriteContext,
  id: string,
  me: string | null,
  keep: 'mine' | 'theirs',
): { changed: boolean; clientId: string | null } | null {
  const { wb } = ctx;
  const row = wb.sqlite.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as
    ConflictRow | undefined;
  if (!row) return null;
  const winner = side(wb, row, row.winner_hlc);
  const loser = side(wb, row, row.loser_hlc);
  const table = SYNCED_BY_NAME.get(row.entity);
  if (!winner || !loser || !table) return null;
  const loserIsMine = loser.device === me;
  const keepLoser = (keep === 'mine') === loserIsMine;
  const at = ctx.now().toISOString();
  const clientId = clientOf(wb, row);
  return wb.transaction(() => {
    markResolved(wb, id, at);
    if (!keepLoser) return { changed: false, clientId };
    const value = valueOf(loser, row.field);
    const before = valueOf(winner, row.field);
    const where = table.key.map((c) => `"${c}" = ?`).join(' AND ');
    const parts = table.key.length === 1 ? [row.row_id] : row.row_id.split('|');
    const changed =
      wb.sqlite
        .prepare(`UPDATE "${row.entity}" SET "${row.field}" = ?, updated_at = ? WHERE ${where}`)
        .run(value, at, ...parts).changes > 0;
    if (changed && clientId && table.historyEntity) {
      const custom = table.name === 'field_values';
      const shown = (v: unknown) =>
        custom && typeof v === 'string' ? (JSON.parse(v) as unknown) : decode(row.field, v);
      recordChanges(ctx, startBatch(ctx, 'edit', 'syncResolve'), [
        {
          entity: table.historyEntity,
          entityId: custom ? clientId : row.row_id,
          clientId,
          field: fieldName(wb, row),
          oldValue: shown(before),
          newValue: shown(value),
        },
      ]);
    }
    return { changed, clientId };
  });
}
