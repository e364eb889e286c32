/**
 * Sync between devices: the service behind `sync.*` and `exchange.*`. One sync pushes this
 * device's changes not yet on the hub (a repeated push inserts nothing), then pulls the others'
 * page by page, each page applied and its place in the hub's log remembered in one transaction;
 * a sync cut short anywhere is finished by the next one. Exchange files carry the same changes
 * without a network.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type {
  ExchangeExportResult,
  ExchangeImportResult,
  Locale,
  SyncConflict,
  SyncResult,
  SyncStatus,
  SyncTestResult,
} from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Logger } from '../../api/logger';
import { isMessageKey, translate } from '../../api/messages';
import type { Workbook } from '../../../db/workbook';
import { rederiveClientIds } from '../../../db/queries/client-derived';
import { reindexClients } from '../../../db/queries/search';
import { applyChanges } from '../../../db/queries/sync-apply';
import {
  getConflict,
  listConflicts,
  openConflictCount,
  resolveConflict,
} from '../../../db/queries/sync-conflicts';
import {
  changesAfter,
  deviceNames,
  enableSync,
  forgetSeededReasons,
  holdsNoRecords,
  newestOf,
  pendingCount,
  peerSeen,
  readMeta,
  rememberDevice,
  rememberPeer,
  seedChunks,
  resetTransfer,
  seenVector,
  writeMeta,
} from '../../../db/queries/sync-log';
import { readExchangeFile, writeExchangeFile, EXCHANGE_FORMAT } from './exchange-file';
import { isOffline } from './hub-errors';
import type { Hub } from './hub-types';
import { pullAll, pushAll } from './transfer';
import { splitPassword, withPassword, type SecretStore } from './secrets';

export interface SyncConfigure {
  url: string;
  deviceName: string;
  workbookId?: string | undefined;
}

export interface SyncDeps {
  /** The open workbook (another one after a switch). */
  wb: () => Workbook;
  now: () => Date;
  newId: () => string;
  actor: () => string;
  locale: () => Locale;
  secrets: SecretStore;
  connect: (url: string) => Promise<Hub>;
  /** Pulled changes were applied: caches of derived figures must be dropped. */
  afterApply: () => void;
  logger: Logger;
}

/**
 * How long the hub's pool is kept after a sync for the next one. Its connections themselves
 * close after 10 s idle (hub.ts); a sync soon after another (a device settling, a user pressing
 * Sync twice) takes the open one instead of a new connection: ~50 ms on this machine, with TLS,
 * and a network's round trips more.
 */
const KEEP_HUB_MS = 30_000;

export class SyncService {
  private running: Promise<SyncResult> | null = null;
  /** The hub of the last sync, kept for the next one (see `KEEP_HUB_MS`). */
  private kept: { url: string; hub: Hub; timer: NodeJS.Timeout | null } | null = null;

  constructor(private readonly deps: SyncDeps) {}

  async configure(input: SyncConfigure): Promise<SyncStatus> {
    const url = parseUrl(input.url);
    const wb = this.deps.wb();
    this.release();
    const hub = await this.deps.connect(url.toString());
    try {
      await hub.ensureSchema();
      const meta = readMeta(wb);
      let workbookId = meta.workbook_id ?? null;
      if (input.workbookId) {
        if (workbookId && workbookId !== input.workbookId) {
          throw new AppError('conflict', 'sync_other_workbook', {}, 'workbookId');
        }
        if (!workbookId && !holdsNoRecords(wb)) {
          throw new AppError('conflict', 'sync_join_not_empty', {}, 'workbookId');
        }
        const known = (await hub.workbooks()).some((w) => w.id === input.workbookId);
        if (!known) throw new AppError('not_found', 'sync_no_such_workbook', {}, 'workbookId');
        if (!workbookId) forgetSeededReasons(wb);
        workbookId = input.workbookId;
      } else {
        workbookId ??= crypto.randomUUID();
        await hub.registerWorkbook(workbookId, path.basename(wb.file).replace(/\.[^.]+$/, ''));
      }
      const deviceId = meta.device_id ?? crypto.randomUUID();
      if (meta.device_id) {
        writeMeta(wb, { device_name: input.deviceName, workbook_id: workbookId });
        rememberDevice(wb, deviceId, input.deviceName);
      } else {
        enableSync(wb, { deviceId, deviceName: input.deviceName, workbookId });
      }
      await seeded(wb);
      await hub.registerDevice(workbookId, deviceId, input.deviceName);
      // Another hub than the one the log was sent to (or pulled from): everything goes again.
      const mark = (await hub.workbooks()).find((w) => w.id === workbookId)?.createdAt ?? null;
      if (mark !== (meta.hub_mark ?? null)) resetTransfer(wb);
      const { hub: bare, password } = splitPassword(url);
      this.deps.secrets.set(deviceId, password);
      writeMeta(wb, { hub: bare, hub_mark: mark, last_error: null, offline: null });
    } finally {
      await hub.close();
    }
    await this.now().catch((error: unknown) => {
      if (!isOffline(error)) throw error;
    });
    return this.status();
  }

  status(): SyncStatus {
    const wb = this.deps.wb();
    const meta = readMeta(wb);
    const lastError = meta.last_error ? this.localize(meta.last_error) : null;
    return {
      configured: Boolean(meta.hub),
      workbookId: meta.workbook_id ?? null,
      deviceId: meta.device_id ?? null,
      deviceName: meta.device_name ?? null,
      hub: meta.hub ? displayHub(meta.hub) : null,
      lastSyncAt: meta.last_sync_at ?? null,
      lastPulledAt: meta.last_pulled_at ?? null,
      pending: meta.device_id ? pendingCount(wb) : 0,
      lastError,
      offline: meta.offline === '1',
      syncing: this.running !== null,
      conflicts: openConflictCount(wb),
    };
  }

  /** One sync; a call while one runs waits for it and gets its result. */
  now(): Promise<SyncResult> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The sync on a timer, at start and at close: quiet when offline or not configured. */
  async background(): Promise<void> {
    try {
      const wb = this.deps.wb();
      if (wb.readOnly || !readMeta(wb).hub) return;
      await this.now();
    } catch (error) {
      // Offline is normal on the road; a workbook closed meanwhile is no failure either.
      const closed = error instanceof AppError && error.key.startsWith('workbook_');
      if (!isOffline(error) && !closed) this.deps.logger.error('sync failed', error);
    }
  }

  /** The last sync before the program closes, given at most `ms` (the network may be slow). */
  async beforeClose(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([this.background(), late]);
    clearTimeout(timer);
  }

  private async syncOnce(): Promise<SyncResult> {
    const wb = this.deps.wb();
    const meta = readMeta(wb);
    if (!meta.hub || !meta.device_id || !meta.workbook_id) {
      throw new AppError('conflict', 'sync_not_configured');
    }
    const ids = { workbookId: meta.workbook_id, deviceId: meta.device_id };
    const url = withPassword(meta.hub, this.deps.secrets.get(meta.device_id));
    try {
      const hub = await this.hubFor(url);
      if (!(await hub.schemaReady())) await hub.ensureSchema();
      const stillOpen = () => this.deps.wb() === wb;
      await seeded(wb);
      wb.capture.catchUp();
      // The hub holds newer changes of this very device than its workbook does: a backup was
      // restored (or the file went back some other way). Its clock moves past them, and
      // everything is pulled again, its own changes included.
      const onHub = await hub.newestOf(ids.workbookId, ids.deviceId);
      const here = newestOf(wb, ids.deviceId);
      const wentBack = onHub !== null && (here === null || onHub > here);
      if (wentBack) wb.capture.observe(onHub);
      const pushed = await pushAll(wb, hub, ids, stillOpen);
      for (const [id, name] of await hub.deviceNames(ids.workbookId)) rememberDevice(wb, id, name);
      const pulled = await pullAll(
        wb,
        hub,
        ids,
        stillOpen,
        { now: this.deps.now, newId: this.deps.newId, deviceName: this.nameOf(wb) },
        wentBack,
      );
      writeMeta(wb, {
        last_sync_at: this.deps.now().toISOString(),
        last_error: null,
        offline: null,
      });
      if (pulled.applied > 0) {
        writeMeta(wb, { last_pulled_at: this.deps.now().toISOString() });
        this.deps.afterApply();
      }
      this.keepForNext();
      return { pushed, pulled: pulled.applied, conflicts: pulled.conflicts };
    } catch (error) {
      // A hub that failed is not used again: the next sync connects afresh.
      this.release();
      if (this.deps.wb() === wb && !wb.readOnly) {
        if (isOffline(error)) writeMeta(wb, { offline: '1' });
        else writeMeta(wb, { last_error: JSON.stringify(describe(error)), offline: null });
      }
      throw error;
    }
  }

  /** The kept hub when it is the one at `url`, else a new connection. */
  private async hubFor(url: string): Promise<Hub> {
    const kept = this.kept;
    if (kept?.url === url) {
      if (kept.timer) clearTimeout(kept.timer);
      kept.timer = null;
      return kept.hub;
    }
    this.release();
    const hub = await this.deps.connect(url);
    this.kept = { url, hub, timer: null };
    return hub;
  }

  private keepForNext(): void {
    const kept = this.kept;
    if (!kept) return;
    kept.timer = setTimeout(() => this.release(), KEEP_HUB_MS);
    kept.timer.unref();
  }

  /** Closes the hub kept from the last sync, if any (another hub set, the program closing). */
  release(): void {
    const kept = this.kept;
    this.kept = null;
    if (!kept) return;
    if (kept.timer) clearTimeout(kept.timer);
    const close = () =>
      kept.hub
        .close()
        .catch((error: unknown) => this.deps.logger.error('sync: closing the hub', error));
    // A sync running on it (a background one while the hub is set again) ends first.
    if (this.running) void this.running.then(close, close);
    else void close();
  }

  async test(rawUrl: string): Promise<SyncTestResult> {
    const hub = await this.deps.connect(parseUrl(rawUrl).toString());
    try {
      const server = await hub.serverVersion();
      const hubReady = await hub.schemaReady();
      return { server, hubReady, workbooks: hubReady ? await hub.workbooks() : [] };
    } finally {
      await hub.close();
    }
  }

  conflicts(filter: {
    clientId?: string | undefined;
    includeResolved?: boolean | undefined;
  }): SyncConflict[] {
    const wb = this.deps.wb();
    return listConflicts(wb, readMeta(wb).device_id ?? null, filter);
  }

  resolve(id: string, keep: 'mine' | 'theirs'): SyncConflict {
    const wb = this.deps.wb();
    const me = readMeta(wb).device_id ?? null;
    const write = { wb, now: this.deps.now, newId: this.deps.newId, actor: this.deps.actor };
    const done = wb.transaction(() => {
      const result = resolveConflict(write, id, me, keep);
      if (result?.changed && result.clientId) {
        rederiveClientIds(wb, [result.clientId]);
        reindexClients(wb, [result.clientId]);
      }
      return result;
    });
    const conflict = done ? getConflict(wb, id, me) : null;
    if (!conflict) throw new AppError('not_found', 'sync_conflict_not_found', {}, 'id');
    return conflict;
  }

  disconnect(): SyncStatus {
    this.release();
    const wb = this.deps.wb();
    const meta = readMeta(wb);
    if (meta.device_id) this.deps.secrets.set(meta.device_id, null);
    writeMeta(wb, { hub: null, last_error: null, offline: null });
    return this.status();
  }

  async exportChanges(file: string, peer?: string): Promise<ExchangeExportResult> {
    const wb = this.deps.wb();
    const meta = this.ensureEnabled(wb, null);
    await seeded(wb);
    wb.capture.catchUp();
    const changes = changesAfter(wb, peerSeen(wb, peer));
    writeExchangeFile(file, {
      format: EXCHANGE_FORMAT,
      version: 1,
      workbookId: meta.workbookId,
      from: { id: meta.deviceId, name: meta.deviceName },
      seen: seenVector(wb),
      devices: Object.fromEntries(deviceNames(wb)),
      writtenAt: this.deps.now().toISOString(),
      changes,
    });
    return { changes: changes.length, path: file };
  }

  async importChanges(file: string): Promise<ExchangeImportResult> {
    const wb = this.deps.wb();
    const content = readExchangeFile(file);
    const meta = readMeta(wb);
    if (meta.workbook_id && meta.workbook_id !== content.workbookId) {
      throw new AppError('conflict', 'exchange_other_workbook', {}, 'path');
    }
    if (!meta.workbook_id && !holdsNoRecords(wb)) {
      throw new AppError('conflict', 'exchange_not_empty', {}, 'path');
    }
    if (!meta.workbook_id) forgetSeededReasons(wb);
    this.ensureEnabled(wb, content.workbookId);
    await seeded(wb);
    const result = wb.transaction(() => {
      for (const [id, name] of Object.entries(content.devices)) rememberDevice(wb, id, name);
      rememberDevice(wb, content.from.id, content.from.name);
      const applied = applyChanges(
        {
          wb,
          now: this.deps.now,
          newId: this.deps.newId,
          deviceName: this.nameOf(wb),
          fromHub: false,
        },
        content.changes,
      );
      rememberPeer(wb, content.from.id, content.seen, this.deps.now().toISOString());
      return applied;
    });
    if (result.applied > 0) {
      writeMeta(wb, { last_pulled_at: this.deps.now().toISOString() });
      this.deps.afterApply();
    }
    return result;
  }

  /** Makes the workbook take part in sync (exchange files need no hub) when it does not yet. */
  private ensureEnabled(
    wb: Workbook,
    workbookId: string | null,
  ): { workbookId: string; deviceId: string; deviceName: string } {
    const meta = readMeta(wb);
    if (meta.device_id && meta.workbook_id) {
      return {
        workbookId: meta.workbook_id,
        deviceId: meta.device_id,
        deviceName: meta.device_name ?? os.hostname(),
      };
    }
    const ids = {
      workbookId: workbookId ?? meta.workbook_id ?? crypto.randomUUID(),
      deviceId: meta.device_id ?? crypto.randomUUID(),
      deviceName: meta.device_name ?? os.hostname(),
    };
    enableSync(wb, ids);
    return ids;
  }

  /** The last error in the language of the screen asking. */
  private localize(stored: string): SyncStatus['lastError'] {
    const error = JSON.parse(stored) as StoredError;
    const key = isMessageKey(error.key) ? error.key : 'internal';
    return { code: error.code, message: translate(this.deps.locale(), key, error.params) };
  }

  private nameOf(wb: Workbook): (id: string) => string {
    const names = deviceNames(wb);
    return (id) => names.get(id) ?? id.slice(0, 8);
  }
}

/** Logs the rows written before sync began, letting the window be answered between chunks. */
async function seeded(wb: Workbook): Promise<void> {
  const chunks = seedChunks(wb);
  while (!chunks.next().done) await new Promise((resolve) => setImmediate(resolve));
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_input', 'sync_bad_url', {}, 'url');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new AppError('invalid_input', 'sync_bad_url', {}, 'url');
  }
  return url;
}

/** `kt@shop-pc:5432/hub`. */
function displayHub(hub: string): string {
  const url = new URL(hub);
  return `${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${url.pathname}`;
}

interface StoredError {
  code: string;
  key: string;
  params: Record<string, string | number>;
}

function describe(error: unknown): StoredError {
  if (error instanceof AppError) return { code: error.code, key: error.key, params: error.params };
  const details = error instanceof Error ? error.message : String(error);
  return { code: 'internal', key: 'internal', params: { details } };
}
