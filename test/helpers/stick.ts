/**
 * A "USB stick" for portable-mode tests: a temp folder the app is told to treat as removable
 * (`portableRoots`), holding a workbook with one client, and apps whose data folders (and so
 * working copies) are their own, as two computers' would be. Pulling the stick out is renaming
 * its folder away; putting it back is renaming it back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApp, type App } from '../../electron/app';
import type { Envelope, WorkbookInfo } from '../../electron/api/contract';
import type { Logger } from '../../electron/api/logger';
import type { LockEnv } from '../../electron/services/workbook/lock';
import { makeClient, MIGRATIONS_DIR, steppingClock, tempDir } from './world';

export interface Stick {
  root: string;
  /** The stick's folder (the "mount point"). */
  folder: string;
  /** The workbook on it. */
  source: string;
  pull(): void;
  putBack(): void;
  /** Apps started on it; closed by `dispose`. */
  apps: App[];
  /** An app of a computer of its own (data folder, and so working copies, of its own). */
  computer(options?: ComputerOptions): Computer;
  /**
   * The program started again on `computer`'s machine: a new process (this test's process plays
   * it, so the earlier one counts as gone) with the same data folder. `killed`: the earlier one
   * ended without closing anything (its data folder is taken as it is while it runs).
   */
  restart(computer: Computer, options?: { killed?: boolean }): Computer;
  dispose(): void;
}

export interface ComputerOptions {
  name?: string;
  /** A data folder made before (another run of the program on the same computer). */
  dataDir?: string;
  lockEnv?: LockEnv;
  saveEveryMs?: number;
  /** The bundled analytics worker (its own connection, storing its snapshot), as the app runs it. */
  analyticsWorker?: string;
}

export interface Computer {
  app: App;
  dataDir: string;
  logged: string[];
  send(channel: string, input?: unknown): Promise<Envelope<unknown>>;
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  info(): Promise<WorkbookInfo>;
  /** Opens the stick's workbook (as a user would from the Workbook screen). */
  openSource(): Promise<WorkbookInfo>;
  addClient(name: string): Promise<void>;
  names(): Promise<string[]>;
}

/** Makes a stick with `Клиенты.kartoteka` holding one client, "Анна с флешки". */
export async function makeStick(): Promise<Stick> {
  const root = tempDir('kartoteka-stick-');
  const folder = path.join(root, 'STICK');
  const away = path.join(root, 'pulled-out');
  fs.mkdirSync(folder);
  const source = path.join(folder, 'Клиенты.kartoteka');
  const apps: App[] = [];
  const seed = createApp({
    workbookPath: source,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: path.join(root, 'seed-data'),
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    logger: quiet([]),
  });
  const created = await seed.dispatch(
    'clients.create',
    makeClient({ name: 'Анна с флешки', phone: '+7 912 111-11-11' }),
  );
  if (!created.ok) throw new Error(created.error.message);
  seed.close();
  let computers = 0;
  const stick: Stick = {
    root,
    folder,
    source,
    apps,
    pull: () => fs.renameSync(folder, away),
    putBack: () => fs.renameSync(away, folder),
    computer(options = {}) {
      computers += 1;
      const dataDir =
        options.dataDir ?? path.join(root, `${options.name ?? 'computer'}-${computers}`);
      const logged: string[] = [];
      const app = createApp({
        workbookPath: path.join(dataDir, 'workbook.kartoteka'),
        migrationsDir: MIGRATIONS_DIR,
        dataDir,
        shell: 'web',
        version: 'test',
        systemLocale: 'en',
        now: steppingClock(),
        logger: quiet(logged),
        portableRoots: [folder],
        ...(options.lockEnv ? { lockEnv: options.lockEnv } : {}),
        ...(options.saveEveryMs ? { portableSaveEveryMs: options.saveEveryMs } : {}),
        ...(options.analyticsWorker ? { analyticsWorker: options.analyticsWorker } : {}),
      });
      apps.push(app);
      const call = async <T>(channel: string, input?: unknown): Promise<T> => {
        const envelope = await app.dispatch(channel, input);
        if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
        return envelope.data as T;
      };
      return {
        app,
        dataDir,
        logged,
        send: (channel, input) => app.dispatch(channel, input),
        call,
        info: () => call<WorkbookInfo>('workbook.info'),
        openSource: () => call<WorkbookInfo>('workbook.open', { path: source }),
        addClient: async (name) => {
          await call('clients.create', makeClient({ name }));
        },
        names: async () =>
          (await call<{ rows: { name: string }[] }>('clients.list', {})).rows.map((r) => r.name),
      };
    },
    restart(before, options = {}) {
      const dataDir = `${before.dataDir}-restarted`;
      if (!options.killed) before.app.close();
      fs.cpSync(before.dataDir, dataDir, { recursive: true });
      if (options.killed) before.app.close();
      return stick.computer({ dataDir, lockEnv: newProcess() });
    },
    dispose() {
      for (const app of apps.splice(0)) app.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return stick;
}

let pids = 70_000;

/** This machine, as another process of the program would be; the test's own process is gone for it. */
export function newProcess(): LockEnv {
  const pid = (pids += 1);
  return {
    machine: os.hostname(),
    user: os.userInfo().username,
    pid,
    now: () => new Date(),
    alive: (p) => p === pid,
    bootedAt: () => 0,
  };
}

/**
 * Another computer: it judges this one's locks by their heartbeat, and sees them after a while
 * (a lock not touched for minutes is left from a crash or a stick pulled out).
 */
export function otherMachine(machine: string, minutesLater = 10): LockEnv {
  const pid = (pids += 1);
  return {
    machine,
    user: 'olga',
    pid,
    now: () => new Date(Date.now() + minutesLater * 60_000),
    alive: (p) => p === pid,
    bootedAt: () => 0,
  };
}

function quiet(logged: string[]): Logger {
  return {
    info: (m) => logged.push(m),
    error: (m, e) => logged.push(`${m}: ${e instanceof Error ? e.message : String(e)}`),
  };
}

/** Client names in a workbook file, read with plain SQLite as another program would. */
export function namesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT name FROM clients ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

export const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** SQLite's own verdict on a file. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
