/**
 * Each test builds its own world: a fresh workbook file in a temp folder, an injected clock
 * and the real dispatch. Call `dispose()` (or use `withWorld`) to remove it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../electron/app';
import type { Platform } from '../../electron/api/context';
import type { Logger } from '../../electron/api/logger';
import type { ChannelName, Envelope, InputOf, OutputOf } from '../../electron/api/contract';
import { openWorkbook, type Workbook } from '../../db/workbook';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../db/migrations');

export function tempDir(prefix = 'kartoteka-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock that starts at `start` and moves on by `stepMs` at every reading. */
export function steppingClock(start = '2026-11-12T11:03:00.000Z', stepMs = 1000) {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

export interface World {
  dir: string;
  file: string;
  app: App;
  logged: string[];
  /** Calls a channel and returns its envelope. */
  send(channel: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Calls a channel and returns its data, failing the test on an error envelope. */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** Row count of a table, read straight from the file. */
  count(table: string): number;
  /**
   * A second connection to the workbook, as the bulk and import workers open theirs: opened at
   * the first call, the same one after, closed by `dispose`.
   */
  worker(): Workbook;
  dispose(): void;
}

export function makeWorld(
  options: {
    locale?: 'ru' | 'en';
    newId?: () => string;
    now?: () => Date;
    platform?: Platform;
    /** How backups write to the disk (a test's disk that fills up). */
    backupDisk?: AppOptions['backupDisk'];
    /** Any other option of the app (a hub connection, a password store). */
    app?: Partial<AppOptions>;
  } = {},
): World {
  const dir = tempDir();
  const file = path.join(dir, 'test.kartoteka');
  const logged: string[] = [];
  const logger: Logger = {
    info: (m) => logged.push(m),
    error: (m, e) => logged.push(`${m}: ${e instanceof Error ? e.message : String(e)}`),
  };
  const app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: dir,
    shell: 'web',
    version: 'test',
    systemLocale: options.locale ?? 'en',
    now: options.now ?? steppingClock(),
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.backupDisk ? { backupDisk: options.backupDisk } : {}),
    logger,
    ...options.app,
  });
  let worker: Workbook | null = null;
  const world: World = {
    dir,
    file,
    app,
    logged,
    send: (channel, input) => app.dispatch(channel, input),
    async call(channel, input) {
      const envelope = await app.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
      return envelope.data as OutputOf<typeof channel>;
    },
    count: (table) =>
      (app.wb.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    worker: () =>
      (worker ??= openWorkbook(file, { migrationsDir: MIGRATIONS_DIR, secondary: true })),
    dispose() {
      worker?.close();
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

let clientSeq = 0;
/** A client's fields with sensible defaults; override what the test is about. */
export function makeClient(overrides: Record<string, unknown> = {}) {
  clientSeq += 1;
  return {
    name: `Клиент ${clientSeq}`,
    phone: `+7 912 000-00-${String(clientSeq % 100).padStart(2, '0')}`,
    ...overrides,
  };
}
