/**
 * The analytics engine's input kept in memory between calls. The sales table is read once; after
 * that each call asks SQLite whether anything was committed since (by this connection or another:
 * the import worker), and if so reads only the clients named by the history rows written since
 * the last look and patches their purchase days in. Every write that matters here (a sale, an
 * import, an undo, a client trashed or reassigned) records a change row with its client in the
 * same transaction, and change rows only grow, so their rowid is a reliable watermark where
 * clocks are not (a workbook carried between two computers). A large change simply reloads.
 */
import { salesDataFromRows, type SalesData } from '../../analytics/sales-data';
import { patchSalesData } from '../../analytics/patch';
import {
  changeMarks,
  clientsChangedSince,
  clientTuplesOf,
  liveSalesOf,
  writeSnapshotRow,
  type ChangedClientTuple,
  type ChangeMarks,
  type Watermark,
} from '../../../db/queries/analytics-source';
import type { Workbook } from '../../../db/workbook';
import { packSnapshot } from './snapshot';
import {
  loadFromSnapshot,
  loadWithWatermark,
  type AnalyticsSource,
  type ClientLookup,
  type LoadedSource,
} from './source';

/** Above this many changed clients a full reload is cheaper than patching. */
const PATCH_LIMIT = 5000;
/** Versions whose changed clients are remembered for {@link AnalyticsStore.changedSince}. */
const RECENT = 64;

/** Clients patched into the stored snapshot at an open before it is stored anew. */
const RESAVE_AFTER = 100;

type Marks = ChangeMarks;

export interface StoreState {
  source: AnalyticsSource;
  /** Bumped on every change seen (of any table): caches of derived figures key on it. */
  version: number;
}

export interface AnalyticsStoreOptions {
  /**
   * Start from the workbook's stored snapshot and store a new one after reading the sales (the
   * analytics worker). Off: every load reads all the sales.
   */
  snapshot?: boolean;
  /** The workbook is open read-only: its snapshot is read, never written. */
  readOnly?: boolean;
}

export class AnalyticsStore {
  private source: AnalyticsSource | null = null;
  private marks: Marks | null = null;
  private version = 0;
  /** What each recent version changed: the client ids patched, or null for a full read. */
  private readonly recent: { version: number; ids: readonly string[] | null }[] = [];
  /** The snapshot is read at the first load only: later reloads (a reset, many changes) read all. */
  private snapshotUnread: boolean;
  /** A load to store as the workbook's snapshot, when the worker is idle. */
  private unsaved: LoadedSource | null = null;
  /** How the last load went: from the `snapshot` (and how many clients it patched) or all `sales`. */
  lastLoad: { from: 'snapshot' | 'sales'; patched: number } | null = null;
  /** What the last refresh did, for the benchmark: `load`, `patch` or `none`, and its time. */
  lastRefresh: { kind: 'load' | 'patch' | 'none'; ms: number; clients: number } = {
    kind: 'none',
    ms: 0,
    clients: 0,
  };

  constructor(
    private readonly wb: Workbook,
    private readonly options: AnalyticsStoreOptions = {},
  ) {
    this.snapshotUnread = options.snapshot === true;
  }

  current(): StoreState {
    const started = performance.now();
    const now = this.probe();
    if (!this.source || !this.marks) {
      this.reload(now);
      this.remember(null);
      this.lastRefresh = { kind: 'load', ms: performance.now() - started, clients: 0 };
    } else if (
      now.dataVersion !== this.marks.dataVersion ||
      now.totalChanges !== this.marks.totalChanges
    ) {
      const changed = this.patch(this.source, this.marks, now);
      this.lastRefresh = {
        kind: changed < 0 ? 'load' : 'patch',
        ms: performance.now() - started,
        clients: Math.max(changed, 0),
      };
    } else {
      this.lastRefresh = { kind: 'none', ms: performance.now() - started, clients: 0 };
    }
    return { source: this.source!, version: this.version };
  }

  /** The version of the data in memory (bumped by every change seen). */
  get currentVersion(): number {
    return this.version;
  }

  /**
   * The clients changed after `version` (one of this store's), or null when that is not known:
   * a full read happened since, or it is too long ago.
   */
  changedSince(version: number): Set<string> | null {
    if (version === this.version) return new Set();
    const first = this.recent.findIndex((r) => r.version === version + 1);
    if (first < 0) return null;
    const out = new Set<string>();
    for (const { ids } of this.recent.slice(first)) {
      if (!ids) return null;
      for (const id of ids) out.add(id);
    }
    return out;
  }

  private remember(ids: readonly string[] | null): void {
    this.recent.push({ version: this.version, ids });
    if (this.recent.length > RECENT) this.recent.shift();
  }

  /** Forgets everything: the next call reads the workbook again. */
  reset(): void {
    this.source = null;
    this.marks = null;
  }

  private probe(): Marks {
    return changeMarks(this.wb);
  }

  private reload(marks: Marks): void {
    const snapshot = this.snapshotUnread ? loadFromSnapshot(this.wb, PATCH_LIMIT) : null;
    this.snapshotUnread = false;
    const loaded = snapshot ?? loadWithWatermark(this.wb);
    this.source = loaded.source;
    this.marks = marks;
    this.version += 1;
    this.lastLoad = snapshot
      ? { from: 'snapshot', patched: snapshot.patched }
      : { from: 'sales', patched: 0 };
    // A snapshot patched a little is kept as it is: patching it again at the next open is cheap.
    const stale = (snapshot?.patched ?? RESAVE_AFTER) >= RESAVE_AFTER;
    if (this.options.snapshot && !this.options.readOnly && stale) {
      this.unsaved = loaded;
    }
  }

  /** Whether a load waits to be stored as the workbook's snapshot ({@link saveSnapshot}). */
  get snapshotDue(): boolean {
    return this.unsaved !== null;
  }

  /**
   * Stores the last load as the workbook's snapshot, in one statement that does not wait for the
   * main process: false when it was writing (tried again after the next call). A write that fails
   * otherwise (a read-only file) is given up: the snapshot only saves time.
   */
  saveSnapshot(at: Date = new Date()): boolean {
    const loaded = this.unsaved;
    if (!loaded) return false;
    const mark: Watermark = loaded.watermark;
    const packed = packSnapshot(loaded.source.data, loaded.source.skippedSales);
    const before = changeMarks(this.wb).totalChanges;
    let written: boolean;
    try {
      written = writeSnapshotRow(
        this.wb,
        { ...packed, changeRowid: mark.rowid, changeId: mark.id },
        at.toISOString(),
      );
    } catch {
      this.unsaved = null;
      return false;
    }
    if (!written) return false;
    this.unsaved = null;
    // Our own write is no change of the data: the next call must not patch or reload for it.
    if (this.marks) this.marks.totalChanges += changeMarks(this.wb).totalChanges - before;
    return true;
  }

  /** Patches the clients changed since `marks`; returns how many, or -1 after a full reload. */
  private patch(source: AnalyticsSource, marks: Marks, now: Marks): number {
    this.version += 1;
    const ids = new Set<string>(clientsChangedSince(this.wb, marks.change));
    // History rows gone (the trash emptied) or too many changes: read everything again.
    if (now.change < marks.change || ids.size > PATCH_LIMIT) {
      this.reload(now);
      this.remember(null);
      return -1;
    }
    this.remember([...ids]);
    this.marks = now;
    if (ids.size === 0) return 0;
    const rows = clientTuplesOf(this.wb, [...ids]);
    const liveRows = rows.filter((r) => r[5] === null);
    const liveIds = liveRows.map((r) => r[0]);
    const liveSet = new Set(liveIds);
    const drop = new Set([...ids].filter((id) => !liveSet.has(id)));
    const sales = liveSalesOf(this.wb, liveIds);
    const fresh = salesDataFromRows(sales, liveIds);
    const data = patchSalesData(source.data, fresh, drop);
    this.source = { ...source, data, ...lookups(data, source, liveRows) };
    return ids.size;
  }
}

/** Client attributes aligned with the patched data: unchanged ones copied, changed ones fresh. */
function lookups(
  data: SalesData,
  old: AnalyticsSource,
  changed: ChangedClientTuple[],
): { clients: ClientLookup; indexOf: ReadonlyMap<string, number> } {
  const n = data.clientIds.length;
  // The same clients as before (a sale, an edit): only the changed rows are written, in place.
  if (n === old.data.clientIds.length && changed.every((r) => old.indexOf.has(r[0]))) {
    for (const row of changed) {
      const i = old.indexOf.get(row[0])!;
      old.clients.externalId[i] = row[1];
      old.clients.managerId[i] = row[2];
      old.clients.channel[i] = row[3];
      old.clients.createdAt[i] = row[4];
    }
    return { clients: old.clients, indexOf: old.indexOf };
  }
  const fresh = new Map(changed.map((r) => [r[0], r]));
  const clients: ClientLookup = {
    externalId: new Array<string | null>(n),
    managerId: new Array<string | null>(n),
    channel: new Array<string | null>(n),
    createdAt: new Array<string>(n),
  };
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = data.clientIds[i]!;
    indexOf.set(id, i);
    const row = fresh.get(id);
    if (row) {
      clients.externalId[i] = row[1];
      clients.managerId[i] = row[2];
      clients.channel[i] = row[3];
      clients.createdAt[i] = row[4];
    } else {
      const k = old.indexOf.get(id)!;
      clients.externalId[i] = old.clients.externalId[k] ?? null;
      clients.managerId[i] = old.clients.managerId[k] ?? null;
      clients.channel[i] = old.clients.channel[k] ?? null;
      clients.createdAt[i] = old.clients.createdAt[k] ?? '';
    }
  }
  return { clients, indexOf };
}
