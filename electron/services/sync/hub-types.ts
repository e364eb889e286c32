/**
 * What the sync engine needs from the hub (a PostgreSQL database holding an append-only log of
 * changes), so the engine is written and tested against this shape and `hub.ts` alone speaks SQL
 * to PostgreSQL.
 */

/** One change of one field (or a whole new record, `*`, or a purge, `-`) as the hub keeps it. */
export interface HubChange {
  /** The device that made the change (UUID). */
  deviceId: string;
  /** Its hybrid logical clock stamp; string order is clock order. */
  hlc: string;
  /** The table (`clients`, `sales`, …). */
  entity: string;
  rowId: string;
  /** A column name, `*` (a new record: `value` holds every field) or `-` (purged for good). */
  field: string;
  /** The value, JSON; null for "no value". */
  value: unknown;
  /** The clock of the value this change replaced on its device (null: none). */
  base: string | null;
  /** Who made it (the user's name on that device). */
  actor: string | null;
  /** The local batch it belonged to (a bulk edit, an import), so History can group it. */
  batchId?: string | null;
}

/** A change read back from the hub, with its place in the hub's log. */
export interface PulledChange extends HubChange {
  seq: number;
}

export interface HubWorkbook {
  id: string;
  name: string | null;
  createdAt: string;
}

export interface Hub {
  /** `PostgreSQL 15.18`. */
  serverVersion(): Promise<string>;
  /** Creates or upgrades the hub's tables (versioned, in one transaction); a no-op when current. */
  ensureSchema(): Promise<void>;
  /** The hub's tables exist at this version (a restricted role cannot make them). */
  schemaReady(): Promise<boolean>;
  workbooks(): Promise<HubWorkbook[]>;
  /** Adds the workbook when missing. */
  registerWorkbook(id: string, name: string | null): Promise<void>;
  /** Adds the device, or a newer name for it (the table is append-only). */
  registerDevice(workbookId: string, deviceId: string, name: string): Promise<void>;
  /** The latest name of every device of the workbook. */
  deviceNames(workbookId: string): Promise<Map<string, string>>;
  /** Inserts the changes not yet there (a repeated push inserts nothing); returns how many were new. */
  push(workbookId: string, changes: readonly HubChange[]): Promise<number>;
  /** Changes with `seq` above `afterSeq` from devices other than `exceptDevice`, oldest first. */
  pull(
    workbookId: string,
    afterSeq: number,
    exceptDevice: string,
    limit: number,
  ): Promise<PulledChange[]>;
  /** The newest clock of a device's changes on the hub (null: none). */
  newestOf(workbookId: string, deviceId: string): Promise<string | null>;
  close(): Promise<void>;
}
