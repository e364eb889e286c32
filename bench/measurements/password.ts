/**
 * What the password costs on the bench's workbook: opening it and a full analytics refresh
 * (the sales read through the worker's own connection), plain and encrypted (SQLCipher 4: AES
 * on every page read, and a PBKDF2 of 256 000 rounds on every connection), beside setting the
 * password (the whole file written anew) and saving a copy (online backup vs `VACUUM INTO`).
 * `npm run bench -- --clients 100000 --only password`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp, type App } from '../../electron/app';
import { timeAsync, timeSync, type Figure } from '../measure';
import { callApp, type BenchContext, type Measurement } from './types';

const PASSWORD = 'bench «пароль» 42';

function appOn(bench: BenchContext, file: string): App {
  return createApp({
    workbookPath: file,
    migrationsDir: bench.migrationsDir,
    dataDir: bench.dataDir,
    shell: 'web',
    version: 'bench',
    systemLocale: 'en',
    analyticsWorker: path.join(__dirname, 'analytics-worker.cjs'),
    logger: { info: () => undefined, error: (m) => bench.log(m) },
  });
}

/** A full refresh from a cold start: the worker forgets the sales it read, then the dashboard. */
async function refresh(app: App): Promise<number> {
  await callApp(app, 'analytics.settings', undefined);
  app.ctx.analytics.runner.reset();
  const [, ms] = await timeAsync(() => callApp(app, 'analytics.dashboard', {}));
  return ms;
}

export const passwordCost: Measurement = {
  name: 'password',
  async run(bench) {
    const dir = path.dirname(bench.file);
    const plain = path.join(dir, `kartoteka-bench-plain-${process.pid}.kartoteka`);
    const copy = path.join(dir, `kartoteka-bench-copy-${process.pid}.kartoteka`);
    const remove = () => {
      for (const f of [plain, copy]) {
        for (const s of ['', '-wal', '-shm', '.lock']) fs.rmSync(f + s, { force: true });
      }
    };
    try {
      const [, plainCopyMs] = await timeAsync(() =>
        bench.call('workbook.saveCopy', { path: plain }),
      );
      bench.log('plain copy written; opening it');
      const [first, plainOpenMs] = timeSync(() => appOn(bench, plain));
      const plainRefreshMs = await refresh(first);
      const [, setMs] = await timeAsync(() =>
        callApp(first, 'workbook.setPassword', { new: PASSWORD }),
      );
      first.close();
      bench.log('password set; opening the encrypted workbook');
      const second = appOn(bench, plain);
      try {
        const [, encryptedOpenMs] = await timeAsync(() =>
          callApp(second, 'workbook.open', { path: plain, password: PASSWORD }),
        );
        const encryptedRefreshMs = await refresh(second);
        const [, encryptedCopyMs] = await timeAsync(() =>
          callApp(second, 'workbook.saveCopy', { path: copy }),
        );
        const size = `${Math.round(fs.statSync(plain).size / 2 ** 20)} MB`;
        return [
          { name: 'open, plain', ms: plainOpenMs, floorMs: null },
          { name: 'open, encrypted', ms: encryptedOpenMs, floorMs: plainOpenMs },
          { name: 'analytics full refresh, plain', ms: plainRefreshMs, floorMs: null },
          {
            name: 'analytics full refresh, encrypted',
            ms: encryptedRefreshMs,
            floorMs: plainRefreshMs,
          },
          { name: `set a password (${size} written anew)`, ms: setMs, floorMs: null },
          { name: 'save a copy, plain (online backup)', ms: plainCopyMs, floorMs: null },
          {
            name: 'save a copy, encrypted (VACUUM INTO)',
            ms: encryptedCopyMs,
            floorMs: plainCopyMs,
          },
        ] satisfies Figure[];
      } finally {
        second.close();
      }
    } finally {
      remove();
    }
  },
};
