/**
 * Capturing changes for sync. Once a workbook takes part in sync (it has a device id), every
 * insert, update and delete of a synced table is logged in `sync_log` by triggers, whatever part
 * of the program wrote it: the card, a bulk action, an import in its worker, an undo, a purge.
 *
 * The triggers are TEMP triggers, made on each writing connection as it opens: they call this
 * connection's functions (the clock, the device, the user) and stop while pulled changes are
 * applied (`applying`), so those are never logged as this device's own.
 */
import type Database from 'better-sqlite3';
import { DeviceClock } from './sync-clock';
import { keyExpr, rowJson, SYNCED_TABLES, type SyncedTable } from './sync-tables';

export interface SyncCapture {
  /** This device's id while the workbook takes part in sync; null when it does not. */
  readonly device: string | null;
  /** Starts logging changes as `device` (its id is in `sync_meta` already). */
  enable(device: string): void;
  /** Stops logging (the device left sync; its log stays). */
  disable(): void;
  /** Runs `fn` without logging its writes: pulled changes being applied. */
  applying<T>(fn: () => T): T;
  /** A new clock stamp of this device. */
  stamp(): string;
  /** Moves the clock past the newest stamp in the log (another connection wrote some). */
  catchUp(): void;
  /** Moves the clock past a received stamp. */
  observe(stamp: string): void;
  /** Who is recorded as the author of logged changes. */
  actor: () => string;
}

export function attachCapture(sqlite: Database.Database): SyncCapture {
  let device: string | null = null;
  let clock: DeviceClock | null = null;
  let paused = 0;
  const capture: SyncCapture = {
    get device() {
      return device;
    },
    enable(id) {
      if (device === id) return;
      device = id;
      clock = new DeviceClock(id);
      capture.catchUp();
      installTriggers(sqlite);
    },
    disable() {
      device = null;
      clock = null;
      dropTriggers(sqlite);
    },
    applying(fn) {
      paused += 1;
      try {
        return fn();
      } finally {
        paused -= 1;
      }
    },
    stamp() {
      if (!clock) throw new Error('This workbook does not take part in sync.');
      return clock.send();
    },
    catchUp() {
      const newest = sqlite.prepare('SELECT max(hlc) FROM sync_log').pluck().get() as string | null;
      if (newest) clock?.observe(newest);
    },
    observe(stamp) {
      clock?.observe(stamp);
    },
    actor: () => 'Kartoteka',
  };
  sqlite.function('kt_sync_on', { deterministic: false }, () =>
    device !== null && paused === 0 ? 1 : 0,
  );
  sqlite.function('kt_hlc', { deterministic: false }, () => capture.stamp());
  sqlite.function('kt_device', { deterministic: false }, () => device);
  sqlite.function('kt_actor', { deterministic: false }, () => capture.actor());
  return capture;
}

/** The device id recorded in the workbook, when it takes part in sync. */
export function recordedDevice(sqlite: Database.Database): string | null {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_meta'")
    .get();
  if (!exists) return null;
  const row = sqlite.prepare("SELECT value FROM sync_meta WHERE key = 'device_id'").pluck().get();
  return typeof row === 'string' ? row : null;
}

const LOG_COLUMNS = '(hlc, device, entity, row_id, field, value, base, actor)';

function newestOf(table: SyncedTable, key: string, field: string): string {
  return `(SELECT max(l.hlc) FROM sync_log l WHERE l.entity = '${table.name}' AND l.row_id = ${key} AND l.field IN (${field}, '*'))`;
}

function whereOf(table: SyncedTable, alias: string): string {
  return table.where ? ` AND ${alias}.${table.where}` : '';
}

export function triggerSql(table: SyncedTable): string[] {
  const t = table.name;
  const keyNew = keyExpr(table, 'NEW');
  const keyOld = keyExpr(table, 'OLD');
  const fields = table.columns
    .map(
      (c) =>
        `SELECT '${c}' AS field, json_quote(NEW."${c}") AS value WHERE NEW."${c}" IS NOT OLD."${c}"`,
    )
    .join(' UNION ALL ');
  const insert = `CREATE TEMP TRIGGER sync_${t}_insert AFTER INSERT ON main."${t}"
    WHEN kt_sync_on()${whereOf(table, 'NEW')} BEGIN
    INSERT INTO sync_log ${LOG_COLUMNS}
    VALUES (kt_hlc(), kt_device(), '${t}', ${keyNew}, '*', ${rowJson(table, 'NEW')}, NULL, kt_actor());
  END`;
  // A changed key (a plan moved to another period) is the old row gone and a new one made.
  const update = `CREATE TEMP TRIGGER sync_${t}_update AFTER UPDATE ON main."${t}"
    WHEN kt_sync_on()${whereOf(table, 'NEW')} BEGIN
    INSERT INTO sync_log ${LOG_COLUMNS}
    SELECT kt_hlc(), kt_device(), '${t}', ${keyOld}, '-', NULL, ${newestOf(table, keyOld, "'-'")}, kt_actor()
    WHERE ${keyOld} IS NOT ${keyNew};
    INSERT INTO sync_log ${LOG_COLUMNS}
    SELECT kt_hlc(), kt_device(), '${t}', ${keyNew}, '*', ${rowJson(table, 'NEW')}, NULL, kt_actor()
    WHERE ${keyOld} IS NOT ${keyNew};
    INSERT INTO sync_log ${LOG_COLUMNS}
    SELECT kt_hlc(), kt_device(), '${t}', ${keyNew}, f.field, f.value, ${newestOf(table, keyNew, 'f.field')}, kt_actor()
    FROM (${fields}) AS f WHERE ${keyOld} IS ${keyNew};
  END`;
  const remove = `CREATE TEMP TRIGGER sync_${t}_delete AFTER DELETE ON main."${t}"
    WHEN kt_sync_on()${whereOf(table, 'OLD')} BEGIN
    INSERT INTO sync_log ${LOG_COLUMNS}
    VALUES (kt_hlc(), kt_device(), '${t}', ${keyOld}, '-', NULL, ${newestOf(table, keyOld, "'-'")}, kt_actor());
  END`;
  return [insert, update, remove];
}

function installTriggers(sqlite: Database.Database): void {
  dropTriggers(sqlite);
  for (const table of SYNCED_TABLES) for (const sql of triggerSql(table)) sqlite.exec(sql);
}

function dropTriggers(sqlite: Database.Database): void {
  for (const table of SYNCED_TABLES) {
    for (const what of ['insert', 'update', 'delete']) {
      sqlite.exec(`DROP TRIGGER IF EXISTS temp.sync_${table.name}_${what}`);
    }
  }
}

/** Rows logged per transaction while seeding: a fraction of a second each on a large workbook. */
export const SEED_CHUNK = 20_000;

/**
 * Logs every row not logged as a new record yet, so the log holds the whole workbook: done when
 * the workbook starts taking part in sync (its rows were written before). In chunks of rowids,
 * one transaction each, so the caller may let other work run between them; rows written
 * meanwhile are logged by the triggers, and a row already logged as new is skipped, so a
 * seeding cut short is finished by running it again. Yields the rows logged by each chunk.
 */
export function* seedLog(sqlite: Database.Database): Generator<number> {
  for (const table of SYNCED_TABLES) {
    const key = keyExpr(table, 't');
    const where = table.where ? `t.${table.where} AND ` : '';
    const bounds = sqlite
      .prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM main."${table.name}"`)
      .get() as { lo: number | null; hi: number | null };
    if (bounds.lo === null || bounds.hi === null) continue;
    const insert = sqlite.prepare(
      `INSERT INTO sync_log ${LOG_COLUMNS}
       SELECT kt_hlc(), kt_device(), '${table.name}', ${key}, '*', ${rowJson(table, 't')}, NULL, kt_actor()
       FROM main."${table.name}" AS t
       WHERE t.rowid BETWEEN ? AND ? AND ${where}NOT EXISTS (
         SELECT 1 FROM sync_log l WHERE l.entity = '${table.name}' AND l.row_id = ${key} AND l.field = '*')
       ORDER BY t.rowid`,
    );
    for (let lo = bounds.lo; lo <= bounds.hi; lo += SEED_CHUNK) {
      yield sqlite.transaction(() => insert.run(lo, lo + SEED_CHUNK - 1).changes).immediate();
    }
  }
}

/**
 * A saved copy of a workbook that takes part in sync is another device from now on: it keeps
 * the log and the workbook's id (so it can join the hub and pull only what came after it), and
 * gets a new device id, with no hub set and no name.
 */
export function becomeNewDevice(sqlite: Database.Database, newDeviceId: string): void {
  if (!recordedDevice(sqlite)) return;
  sqlite.prepare("UPDATE sync_meta SET value = ? WHERE key = 'device_id'").run(newDeviceId);
  sqlite
    .prepare(
      "DELETE FROM sync_meta WHERE key IN ('hub', 'device_name', 'last_sync_at', 'last_error', 'offline')",
    )
    .run();
}
