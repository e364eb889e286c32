/**
 * Sync between devices through a PostgreSQL hub, and exchange files where there is no network.
 * Every change a device makes to what users edit is logged with a hybrid logical clock; devices
 * send each other the changes the other has not seen, and per record and field the change with
 * the greatest clock wins everywhere. A value that lost to a concurrent change is kept as a
 * conflict until someone picks one.
 */
import { z } from 'zod';

const uuid = z.string().uuid();

export const syncConfigureInput = z
  .object({
    /**
     * `postgres://user:password@host:port/database?sslmode=require|verify-full|disable` with an
     * optional `sslrootcert=<CA file>`. The password is kept outside the workbook.
     */
    url: z.string().trim().min(1).max(4000),
    /** How this device is named on the others ("Ноутбук Петрова"). */
    deviceName: z.string().trim().min(1).max(100),
    /** Join that hub workbook (this workbook must be empty or a copy of it). */
    workbookId: uuid.optional(),
  })
  .strict();

/** "Test connection": reaches the server and checks that the hub can be used. */
export const syncTestInput = z.object({ url: z.string().trim().min(1).max(4000) }).strict();

export const syncConflictsInput = z
  .object({
    /** Only this client's conflicts (the card). */
    clientId: z.string().min(1).optional(),
    /** Resolved ones too. */
    includeResolved: z.boolean().optional(),
  })
  .strict()
  .optional();

export const syncResolveInput = z
  .object({ id: z.string().min(1), keep: z.enum(['mine', 'theirs']) })
  .strict();

export const exchangeExportInput = z
  .object({
    path: z.string().min(1),
    /** The partner's device id: only what it has not acknowledged. All known partners by default. */
    peer: uuid.optional(),
  })
  .strict();

export const exchangeImportInput = z.object({ path: z.string().min(1) }).strict();

export interface SyncError {
  code: string;
  message: string;
}

export interface SyncStatus {
  /** A hub is set for this device. */
  configured: boolean;
  /** The workbook's id on the hub and in exchange files; null until sync or exchange is used. */
  workbookId: string | null;
  deviceId: string | null;
  deviceName: string | null;
  /** The hub without its password (`kt@shop-pc:5432/hub`). */
  hub: string | null;
  lastSyncAt: string | null;
  /** When a sync last brought changes from other devices: the screens refresh when it moves. */
  lastPulledAt: string | null;
  /** Local changes not yet on the hub. */
  pending: number;
  /** The last sync failed for a reason other than being offline. */
  lastError: SyncError | null;
  /** The hub could not be reached at the last try (no error noise: that is normal on the road). */
  offline: boolean;
  /** A sync is running now. */
  syncing: boolean;
  /** Open conflicts. */
  conflicts: number;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
  /** Conflicts this sync found. */
  conflicts: number;
}

export interface SyncTestResult {
  /** `PostgreSQL 15.18`. */
  server: string;
  /** The hub's tables exist (or could be made by this user). */
  hubReady: boolean;
  /** Workbooks on the hub, to join one. */
  workbooks: { id: string; name: string | null; createdAt: string }[];
}

/** One side of a conflict. */
export interface ConflictSide {
  value: unknown;
  deviceId: string;
  deviceName: string | null;
  actor: string | null;
  at: string;
}

export interface SyncConflict {
  id: string;
  /** The table: `clients`, `sales`, `comments`, … */
  entity: string;
  rowId: string;
  clientId: string | null;
  clientName: string | null;
  /** The field as the card names it (`phone`, `deletedAt`). */
  field: string;
  /** This device's value (when both came from elsewhere: the value it holds). */
  mine: ConflictSide;
  theirs: ConflictSide;
  /** Which one the clocks chose: the value every device holds now. */
  winner: 'mine' | 'theirs';
  detectedAt: string;
  resolvedAt: string | null;
}

export interface ExchangeExportResult {
  changes: number;
  path: string;
}

export interface ExchangeImportResult {
  applied: number;
  /** Already known (a file loaded twice, or older than what came since). */
  skipped: number;
  conflicts: number;
}
