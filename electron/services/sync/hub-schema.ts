/**
 * The hub's tables, in a PostgreSQL schema of their own (`kartoteka`), versioned: step N brings
 * the hub from version N-1 to N. Steps are only ever appended; a shipped step never changes.
 */
import type { PoolClient } from 'pg';

export const HUB_SCHEMA = 'kartoteka';

/** Keys of the transaction-scoped advisory locks (first half of pg's two-int key). */
export const LOCK_SCHEMA = 0x6b74_0001;
export const LOCK_PUSH = 0x6b74_0002;

const STEPS: readonly string[] = [
  // 1: the append-only log of changes, the workbooks it holds and the devices that write it.
  `
  CREATE SCHEMA IF NOT EXISTS kartoteka;
  CREATE TABLE kartoteka.schema_version (version integer NOT NULL);
  INSERT INTO kartoteka.schema_version (version) VALUES (0);
  CREATE TABLE kartoteka.workbooks (
    id uuid PRIMARY KEY,
    name text,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  -- Append-only like the log: a new name is a new row, the latest one wins.
  CREATE TABLE kartoteka.devices (
    seq bigserial PRIMARY KEY,
    workbook_id uuid NOT NULL,
    device_id uuid NOT NULL,
    name text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX devices_by_workbook ON kartoteka.devices (workbook_id, device_id, seq);
  CREATE TABLE kartoteka.changes (
    seq bigserial PRIMARY KEY,
    workbook_id uuid NOT NULL,
    device_id uuid NOT NULL,
    hlc text NOT NULL,
    entity text NOT NULL,
    row_id text NOT NULL,
    field text NOT NULL,
    value jsonb,
    base text,
    batch_id text,
    actor text,
    at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_id, hlc, entity, row_id, field)
  );
  CREATE INDEX changes_by_workbook ON kartoteka.changes (workbook_id, seq);
  `,
];

export const HUB_SCHEMA_VERSION = STEPS.length;

/** The hub's version: 0 when it has no tables yet (or this role cannot see them). */
export async function hubVersion(client: PoolClient): Promise<number> {
  const table = await client.query<{ t: string | null }>(
    `SELECT to_regclass('kartoteka.schema_version')::text AS t`,
  );
  if (table.rows[0]?.t == null) return 0;
  const row = await client.query<{ version: number }>(
    'SELECT version FROM kartoteka.schema_version',
  );
  return row.rows[0]?.version ?? 0;
}

/** Applies the steps after `from`, inside the caller's transaction. */
export async function upgradeHub(client: PoolClient, from: number): Promise<void> {
  for (let step = from; step < STEPS.length; step += 1) {
    await client.query(STEPS[step] ?? '');
  }
  await client.query('UPDATE kartoteka.schema_version SET version = $1', [STEPS.length]);
}
