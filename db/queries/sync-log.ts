/**
 * The sync log and this device's sync state: what is waiting to be pushed, what each device's
 * newest change is, the changes a partner has not seen, the meta values.
 */
import type { Workbook } from '../workbook';
import { seedLog } from '../sync-capture';

/** A change as it travels between devices (hub rows and exchange files). */
export interface LogChange {
  deviceId: string;
  hlc: string;
  entity: string;
  rowId: string;
  field: string;
  /** JSON text (null for a purge). */
  value: string | null;
  base: string | null;
  actor: string | null;
}

interface LogRow {
  n: number;
  device: string;
  hlc: string;
  entity: string;
  row_id: string;
  field: string;
  value: string | null;
  base: string | null;
  actor: string | null;
}

const toChange = (r: LogRow): LogChange => ({
  deviceId: r.device,
  hlc: r.hlc,
  entity: r.entity,
  rowId: r.row_id,
  field: r.field,
  value: r.value,
  base: r.base,
  actor: r.actor,
});

export type MetaKey =
  | 'device_id'
  | 'device_name'
  | 'workbook_id'
  | 'hub'
  | 'last_seq'
  | 'hub_mark'
  | 'seeded'
  | 'last_sync_at'
  | 'last_pulled_at'
  | 'last_error'
  | 'offline';

export function readMeta(wb: Workbook): Partial<Record<MetaKey, string>> {
  const rows = wb.sqlite.prepare('SELECT key, value FROM sync_meta').all() as {
    key: MetaKey;
    value: string | null;
  }[];
  const out: Partial<Record<MetaKey, string>> = {};
  for (const r of rows) if (r.value !== null) out[r.key] = r.value;
  return out;
}

export function writeMeta(wb: Workbook, values: Partial<Record<MetaKey, string | null>>): void {
  const set = wb.sqlite.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = wb.sqlite.prepare('DELETE FROM sync_meta WHERE key = ?');
  wb.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (value === null) remove.run(key);
      else set.run(key, value);
    }
  });
}

/**
 * Makes the workbook take part in sync as `deviceId`: records the ids and starts logging. The
 * rows written before are logged by `seedChunks` next (until then `seeded` is not set).
 */
export function enableSync(
  wb: Workbook,
  ids: { deviceId: string; deviceName: string; workbookId: string },
): void {
  wb.transaction(() => {
    writeMeta(wb, {
      device_id: ids.deviceId,
      device_name: ids.deviceName,
      workbook_id: ids.workbookId,
      seeded: null,
    });
    rememberDevice(wb, ids.deviceId, ids.deviceName);
    wb.capture.enable(ids.deviceId);
  });
}

/**
 * Logs the rows written before the workbook took part in sync, a chunk per step (see
 * `seedLog`); marks the workbook seeded after the last one. Nothing to do once seeded.
 */
export function* seedChunks(wb: Workbook): Generator<number> {
  if (readMeta(wb).seeded) return;
  yield* seedLog(wb.sqlite);
  writeMeta(wb, { seeded: '1' });
}

export function rememberDevice(wb: Workbook, id: string, name: string): void {
  wb.sqlite
    .prepare(
      'INSERT INTO sync_devices (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
    )
    .run(id, name);
}

export function deviceNames(wb: Workbook): Map<string, string> {
  const rows = wb.sqlite.prepare('SELECT id, name FROM sync_devices').all() as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Changes not on the hub yet, in the order they were logged (a record before the records that
 * name it): this device's and those that came by file.
 */
export function unpushed(wb: Workbook, limit: number): { n: number; change: LogChange }[] {
  const rows = wb.sqlite
    .prepare(
      'SELECT n, device, hlc, entity, row_id, field, value, base, actor FROM sync_log WHERE pushed = 0 ORDER BY n LIMIT ?',
    )
    .all(limit) as LogRow[];
  return rows.map((r) => ({ n: r.n, change: toChange(r) }));
}

export function markPushed(wb: Workbook, ns: readonly number[]): void {
  const mark = wb.sqlite.prepare('UPDATE sync_log SET pushed = 1 WHERE n = ?');
  wb.transaction(() => {
    for (const n of ns) mark.run(n);
  });
}

export function pendingCount(wb: Workbook): number {
  return wb.sqlite
    .prepare('SELECT count(*) FROM sync_log WHERE pushed = 0')
    .pluck()
    .get() as number;
}

/** The newest clock this workbook holds from each device. */
export function seenVector(wb: Workbook): Record<string, string> {
  const rows = wb.sqlite
    .prepare('SELECT device, max(hlc) AS hlc FROM sync_log GROUP BY device')
    .all() as { device: string; hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.device, r.hlc]));
}

/** Every change newer than what `seen` holds of its device, oldest first. */
export function changesAfter(wb: Workbook, seen: Record<string, string>): LogChange[] {
  const out: LogChange[] = [];
  const devices = wb.sqlite
    .prepare('SELECT DISTINCT device FROM sync_log')
    .pluck()
    .all() as string[];
  const read = wb.sqlite.prepare(
    'SELECT n, device, hlc, entity, row_id, field, value, base, actor FROM sync_log WHERE device = ? AND hlc > ? ORDER BY hlc',
  );
  for (const device of devices) {
    out.push(...(read.all(device, seen[device] ?? '') as LogRow[]).map(toChange));
  }
  return out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** What an exchange partner said it holds (its file's vector), and the least all partners hold. */
export function rememberPeer(
  wb: Workbook,
  device: string,
  seen: Record<string, string>,
  at: string,
) {
  wb.sqlite
    .prepare(
      'INSERT INTO sync_peers (device, seen, at) VALUES (?, ?, ?) ON CONFLICT(device) DO UPDATE SET seen = excluded.seen, at = excluded.at',
    )
    .run(device, JSON.stringify(seen), at);
}

export function peerSeen(wb: Workbook, peer?: string): Record<string, string> {
  const rows = (
    peer
      ? wb.sqlite.prepare('SELECT seen FROM sync_peers WHERE device = ?').all(peer)
      : wb.sqlite.prepare('SELECT seen FROM sync_peers').all()
  ) as { seen: string }[];
  if (rows.length === 0) return {};
  const vectors = rows.map((r) => JSON.parse(r.seen) as Record<string, string>);
  // A change goes in when any partner lacks it: per device, the oldest of their clocks.
  const devices = new Set(vectors.flatMap((v) => Object.keys(v)));
  const out: Record<string, string> = {};
  for (const d of devices) {
    if (vectors.every((v) => v[d] !== undefined)) {
      out[d] = vectors.map((v) => v[d]!).reduce((a, b) => (a < b ? a : b));
    }
  }
  return out;
}

/** True when the workbook holds no client and no sale: one that may join another. */
export function holdsNoRecords(wb: Workbook): boolean {
  return !wb.sqlite
    .prepare(
      'SELECT 1 FROM clients UNION ALL SELECT 1 FROM sales UNION ALL SELECT 1 FROM field_defs LIMIT 1',
    )
    .get();
}

/**
 * An empty workbook about to receive another's records drops the default lost reasons it made
 * for itself (the other workbook's reasons arrive with the records that name them).
 */
export function forgetSeededReasons(wb: Workbook): void {
  wb.transaction(() => {
    wb.sqlite.prepare('DELETE FROM lost_reasons').run();
  });
}

/** The newest clock of a device's changes in the log (null: none). */
export function newestOf(wb: Workbook, device: string): string | null {
  return (
    (wb.sqlite.prepare('SELECT max(hlc) FROM sync_log WHERE device = ?').pluck().get(device) as
      string | null) ?? null
  );
}

/** Another hub: every change is to be sent there, and its log read from the start. */
export function resetTransfer(wb: Workbook): void {
  wb.transaction(() => {
    wb.sqlite.prepare('UPDATE sync_log SET pushed = 0 WHERE pushed = 1').run();
    writeMeta(wb, { last_seq: null });
  });
}
