/**
 * The hub: a PostgreSQL database holding the append-only log of changes (see hub-types.ts for
 * what the engine needs, hub-schema.ts for the tables). Every failure leaves here as a HubError
 * that tells "offline" apart from something to fix.
 */
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { hubError, HubError, type HubTarget } from './hub-errors';
import { HUB_SCHEMA_VERSION, hubVersion, LOCK_PUSH, LOCK_SCHEMA, upgradeHub } from './hub-schema';
import type { Hub, HubChange, HubWorkbook, PulledChange, PulledPage } from './hub-types';
import { parseHubUrl } from './hub-url';
import { fromHubJson, toHubJson } from './hub-values';

/** Rows per INSERT of a push: arrays keep it to 10 parameters whatever the size. */
export const PUSH_BATCH = 5000;

const POOL: PoolConfig = {
  max: 3,
  connectionTimeoutMillis: 5000,
  idleTimeoutMillis: 10_000,
  // A network that drops mid-query must not hang a sync for ever.
  query_timeout: 120_000,
  keepAlive: true,
  application_name: 'kartoteka',
  // A pool kept between syncs (service.ts) never holds the program open: its idle connections
  // do not keep Node's event loop alive.
  allowExitOnIdle: true,
};

type Nullable<T> = { [K in keyof T]: T[K] | null };

interface ChangeRow {
  seq: string;
  device_id: string;
  hlc: string;
  entity: string;
  row_id: string;
  field: string;
  value: unknown;
  base: string | null;
  batch_id: string | null;
  actor: string | null;
}

/** Opens the hub at `url` (reaching the server once, so a bad address fails here). */
export async function connectHub(url: string): Promise<Hub> {
  const address = parseHubUrl(url);
  // The PostgreSQL client is loaded at the first connection, not at the program's start.
  const { default: pg } = await import('pg');
  const open = async (connectionString: string) => {
    const pool = new pg.Pool({ ...POOL, connectionString });
    // An idle connection the server drops must not crash the app; the next query says why.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
      return pool;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw hubError(error, address.target);
    }
  };
  let pool: Pool;
  try {
    pool = await open(address.connectionString);
  } catch (error) {
    // `prefer`: TLS when the server has it, plain when it has not (libpq's default).
    const plain = address.plainConnectionString;
    if (!(error instanceof HubError) || error.key !== 'sync_hub_tls_unsupported' || !plain) {
      throw error;
    }
    pool = await open(plain);
  }
  return new PgHub(pool, address.target);
}

class PgHub implements Hub {
  constructor(
    private readonly pool: Pool,
    private readonly target: HubTarget,
  ) {}

  private async use<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw hubError(error, this.target);
    }
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      // A connection that failed may be broken: the pool drops it instead of handing it out.
      client.release(true);
      throw hubError(error, this.target);
    }
  }

  /** `work` in one transaction, rolled back on any error. */
  private transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.use(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  serverVersion(): Promise<string> {
    return this.use(async (client) => {
      const result = await client.query<{ server_version: string }>('SHOW server_version');
      // `15.18 (Debian 15.18-0+deb12u1)` → `PostgreSQL 15.18`.
      const version = (result.rows[0]?.server_version ?? '').split(' ')[0];
      return `PostgreSQL ${version}`;
    });
  }

  ensureSchema(): Promise<void> {
    return this.transaction(async (client) => {
      // Two devices connecting first at once: the second waits, then finds the tables made.
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SCHEMA]);
      const version = await hubVersion(client);
      if (version > HUB_SCHEMA_VERSION) {
        throw new HubError(
          'unavailable',
          'sync_hub_newer',
          { found: version, known: HUB_SCHEMA_VERSION },
          false,
        );
      }
      if (version === HUB_SCHEMA_VERSION) return;
      try {
        await upgradeHub(client, version);
      } catch (error) {
        const denied = (error as { code?: unknown }).code === '42501';
        if (denied && version === 0) {
          throw new HubError(
            'unavailable',
            'sync_hub_not_ready',
            { user: this.target.user },
            false,
          );
        }
        throw error;
      }
    });
  }

  schemaReady(): Promise<boolean> {
    return this.use(async (client) => (await hubVersion(client)) === HUB_SCHEMA_VERSION);
  }

  workbooks(): Promise<HubWorkbook[]> {
    return this.use(async (client) => {
      const result = await client.query<{ id: string; name: string | null; created_at: Date }>(
        'SELECT id, name, created_at FROM kartoteka.workbooks ORDER BY created_at, id',
      );
      return result.rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: row.created_at.toISOString(),
      }));
    });
  }

  async registerWorkbook(id: string, name: string | null): Promise<void> {
    await this.use((client) =>
      client.query(
        'INSERT INTO kartoteka.workbooks (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [id, name],
      ),
    );
  }

  async registerDevice(workbookId: string, deviceId: string, name: string): Promise<void> {
    // A row only when the name is new, so connecting again does not grow the table.
    await this.use((client) =>
      client.query(
        `INSERT INTO kartoteka.devices (workbook_id, device_id, name)
         SELECT $1, $2, $3
         WHERE $3 IS DISTINCT FROM (
           SELECT name FROM kartoteka.devices
           WHERE workbook_id = $1 AND device_id = $2 ORDER BY seq DESC LIMIT 1)`,
        [workbookId, deviceId, name],
      ),
    );
  }

  deviceNames(workbookId: string): Promise<Map<string, string>> {
    return this.use(async (client) => {
      const result = await client.query<{ device_id: string; name: string }>(
        `SELECT DISTINCT ON (device_id) device_id, name FROM kartoteka.devices
         WHERE workbook_id = $1 ORDER BY device_id, seq DESC`,
        [workbookId],
      );
      return new Map(result.rows.map((row) => [row.device_id, row.name]));
    });
  }

  push(workbookId: string, changes: readonly HubChange[]): Promise<number> {
    if (changes.length === 0) return Promise.resolve(0);
    return this.transaction(async (client) => {
      // Pushes to one workbook take turns, so a row's seq is never below one a device has
      // already pulled past: a later seq committed earlier would otherwise be skipped for good.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_PUSH, workbookId]);
      let inserted = 0;
      for (let start = 0; start < changes.length; start += PUSH_BATCH) {
        inserted += await insertBatch(client, workbookId, changes.slice(start, start + PUSH_BATCH));
      }
      return inserted;
    });
  }

  pull(
    workbookId: string,
    afterSeq: number,
    exceptDevice: string,
    limit: number,
  ): Promise<PulledChange[]> {
    return this.pullAfter(workbookId, afterSeq, exceptDevice, limit).then((p) => p.changes);
  }

  pullAfter(
    workbookId: string,
    afterSeq: number,
    exceptDevice: string,
    limit: number,
  ): Promise<PulledPage> {
    return this.use(async (client) => {
      // One statement, one snapshot: the page and the log's last seq as it stood for it.
      const result = await client.query<Nullable<ChangeRow> & { top: string | null }>(
        `WITH page AS (
           SELECT seq, device_id, hlc, entity, row_id, field, value, base, batch_id, actor
           FROM kartoteka.changes
           WHERE workbook_id = $1 AND seq > $2 AND device_id <> $3
           ORDER BY seq LIMIT $4)
         SELECT page.*, head.top
         FROM (SELECT max(seq) AS top FROM kartoteka.changes WHERE workbook_id = $1) AS head
         LEFT JOIN page ON true
         ORDER BY page.seq`,
        [workbookId, afterSeq, exceptDevice, limit],
      );
      const top = Number(result.rows[0]?.top ?? 0);
      const changes = result.rows
        .filter((row): row is ChangeRow & { top: string | null } => row.seq !== null)
        .map((row) => ({
          seq: Number(row.seq),
          deviceId: row.device_id,
          hlc: row.hlc,
          entity: row.entity,
          rowId: row.row_id,
          field: row.field,
          value: fromHubJson(row.value),
          base: row.base,
          batchId: row.batch_id,
          actor: row.actor,
        }));
      return { changes, top };
    });
  }

  newestOf(workbookId: string, deviceId: string): Promise<string | null> {
    return this.use(async (client) => {
      const result = await client.query<{ hlc: string | null }>(
        'SELECT max(hlc) AS hlc FROM kartoteka.changes WHERE device_id = $2 AND workbook_id = $1',
        [workbookId, deviceId],
      );
      return result.rows[0]?.hlc ?? null;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** One multi-row INSERT of up to PUSH_BATCH changes, in their order; returns the rows added. */
async function insertBatch(
  client: PoolClient,
  workbookId: string,
  batch: readonly HubChange[],
): Promise<number> {
  const column = <T>(pick: (change: HubChange) => T) => batch.map(pick);
  const result = await client.query(
    `INSERT INTO kartoteka.changes
       (workbook_id, device_id, hlc, entity, row_id, field, value, base, batch_id, actor)
     SELECT $1::uuid, d, h, e, r, f, v::jsonb, b, bt, a
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[])
          WITH ORDINALITY AS t(d, h, e, r, f, v, b, bt, a, n)
     ORDER BY n
     ON CONFLICT DO NOTHING`,
    [
      workbookId,
      column((c) => c.deviceId),
      column((c) => c.hlc),
      column((c) => c.entity),
      column((c) => c.rowId),
      column((c) => c.field),
      // JSON text, cast to jsonb in SQL: pg would send a plain string as bare text.
      column((c) => toHubJson(c.value)),
      column((c) => c.base),
      column((c) => c.batchId ?? null),
      column((c) => c.actor),
    ],
  );
  return result.rowCount ?? 0;
}
