/**
 * The analytics engine's input kept in memory between calls. The sales table is read once; after
 * that each call asks SQLite whether anything was committed since (by this connection or another:
 * the import worker), and if so reads only the clients named by the history rows written since
 * the last look and patches their purchase days in. Every write that matters here (a sale, an
 * import, an undo, a client trashed or reassigned) records a change row with its client in the
 * same transaction, and change rows only grow, so their rowid is a reliable watermark where
 * clocks are not (a workbook carried between two computers). A large change simply reloads.
 */
import {
  changeMarks,
  clientsChangedSince,
  writeSnapshotRow,
  type ChangeMarks,
  type Watermark,
} from '../../../db/queries/analytics-source';
import type { Workbook } from '../../../db/workbook';
import { packSnapshot } from './snapshot';
import {
  loadFromSnapshot,
  loadWithWatermark,
  patchSource,
  type AnalyticsSource,
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
    const { data, clients, skippedSales } = loaded.source;
    const packed = packSnapshot(data, clients, skippedSales);
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
    this.source = patchSource(this.wb, source, [...ids]);
    return ids.size;
  }
}
