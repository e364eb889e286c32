/** Apps on a given workbook and data folder, a clock the test moves, and a peek into files. */
import Database from 'better-sqlite3';
import { createApp, type App, type AppOptions } from '../../electron/app';
import type { Logger } from '../../electron/api/logger';
import type { ChannelName, InputOf, OutputOf } from '../../electron/api/contract';
import { MIGRATIONS_DIR } from './world';

/** A clock that stands still until the test moves it. */
export class Clock {
  private t: number;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  now = () => new Date(this.t);
  set(at: string): void {
    this.t = Date.parse(at);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const DAY = 24 * 60 * 60 * 1000;

export interface TestApp {
  app: App;
  logged: string[];
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

/** The app as a shell starts it on `file`, with `dataDir` for the recent list and backups. */
export function appOn(file: string, dataDir: string, options: Partial<AppOptions> = {}): TestApp {
  const logged: string[] = [];
  const logger: Logger = {
    info: (m) => logged.push(m),
    error: (m, e) => logged.push(`${m}: ${e instanceof Error ? e.message : String(e)}`),
  };
  const app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir,
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    logger,
    ...options,
  });
  return {
    app,
    logged,
    async call(channel, input) {
      const envelope = await app.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
      return envelope.data as OutputOf<typeof channel>;
    },
  };
}

/** One value read straight from a workbook file with plain SQLite. */
export function peek(file: string, sql: string, ...args: unknown[]): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...args);
  } finally {
    db.close();
  }
}
