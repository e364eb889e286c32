/**
 * `npm run bench [-- --clients 20000 --seed 1 --fresh]`: generates (or reuses, from the temp
 * folder) a workbook, opens it with the real app and times what a user waits for, each beside
 * the bare SQLite floor for the same work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SEARCH_INDEX_VERSION } from '../db/queries/search';
import { createApp, type App } from '../electron/app';
import type { OutputOf } from '../electron/api/contract';
import type { Logger } from '../electron/api/logger';
import { bundledPaths } from '../electron/paths';
import { parseArgs, seconds, type BenchArgs } from './args';
import { generateWorkbook, type GenerateResult } from '../db/demo/generate';
import { copyDurably, table, timeSync, type Figure } from './measure';
import { MEASUREMENTS, type BenchContext } from './measurements';
import { Rng } from '../db/demo/prng';

/** Bump when the generator's output changes, so cached workbooks are made again. */
const GENERATOR_VERSION = 3;

const out = (s: string) => process.stdout.write(`${s}\n`);
const log = (s: string) => process.stderr.write(`${s}\n`);
const logger: Logger = { info: log, error: (m, e) => log(`${m}: ${String(e)}`) };
const removeWorkbook = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(file + suffix, { force: true });
};

interface Cached extends GenerateResult {
  generatedAt: string;
}

/** The cached workbook for this size and seed, made when missing or stale. */
function workbookFor(
  args: BenchArgs,
  migrationsDir: string,
): { file: string; gen: Cached; reused: boolean } {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  const key = `${args.clients}-seed${args.seed}-g${GENERATOR_VERSION}-m${journal.entries.length}-s${SEARCH_INDEX_VERSION}`;
  const file = path.join(os.tmpdir(), `kartoteka-bench-${key}.kartoteka`);
  const meta = `${file}.json`;
  if (!args.fresh && fs.existsSync(file) && fs.existsSync(meta)) {
    return { file, gen: JSON.parse(fs.readFileSync(meta, 'utf8')) as Cached, reused: true };
  }
  removeWorkbook(file);
  const partial = `${file}.partial`;
  removeWorkbook(partial);
  log(`generating ${args.clients} clients into ${file}`);
  const result = generateWorkbook({
    file: partial,
    migrationsDir,
    clients: args.clients,
    seed: args.seed,
    onProgress: (done, total) => process.stderr.write(`\r  ${done} / ${total} clients`),
  });
  process.stderr.write('\n');
  fs.renameSync(partial, file);
  const gen: Cached = { ...result, file, generatedAt: new Date().toISOString() };
  fs.writeFileSync(meta, JSON.stringify(gen, null, 2));
  return { file, gen, reused: false };
}

function header(args: BenchArgs, gen: Cached, reused: boolean, bytes: number) {
  const n = (v: number) => v.toLocaleString('en-US');
  out(
    `Kartoteka bench: ${n(args.clients)} clients (seed ${args.seed}), workbook ${n(Math.round(bytes / 1048576))} MB`,
  );
  out(
    `  ${n(gen.sales)} sales, ${n(gen.comments)} comments, ${n(gen.changes)} changes, ${n(gen.fieldValues)} custom values`,
  );
  out(
    `  generation: ${seconds(gen.writeMs)} rows + ${seconds(gen.indexMs)} search index` +
      (reused ? ` (cached workbook from ${gen.generatedAt}; --fresh to make it again)` : ''),
  );
  out('');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { migrationsDir } = bundledPaths(__dirname);
  const { file, gen, reused } = workbookFor(args, migrationsDir);
  header(args, gen, reused, fs.statSync(file).size);
  // Measured on a disposable copy: the bulk edit and its undo write to the file.
  const work = path.join(os.tmpdir(), `kartoteka-bench-run-${process.pid}.kartoteka`);
  // The recent list of the bench's apps, apart from the user's.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-data-'));
  copyDurably(file, work);
  let app: App | null = null;
  try {
    const [, openFloor] = timeSync(() => {
      const raw = new Database(work, { fileMustExist: true });
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
      raw.close();
    });
    const open = () =>
      createApp({
        workbookPath: work,
        migrationsDir,
        dataDir,
        shell: 'web',
        version: 'bench',
        logger,
        // The integrity check in its worker, as in the app; no daily backup amid the figures.
        integrityWorker: path.join(__dirname, 'integrity-worker.cjs'),
        // Bulk edits in their worker, as in the app: the main thread answers meanwhile.
        bulkWorker: path.join(__dirname, 'bulk-worker.cjs'),
        dailyBackups: false,
      });
    const [opened, openMs] = timeSync(open);
    app = opened;
    // The integrity check of a large workbook reads all of it in the background: let it end.
    await opened.ctx.guard.idle();
    const figures: Figure[] = [{ name: 'workbook open', ms: openMs, floorMs: openFloor }];
    const context: BenchContext = {
      app,
      file: work,
      migrationsDir,
      dataDir,
      rng: new Rng(args.seed),
      liveIds: app.wb.sqlite
        .prepare('SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id')
        .pluck()
        .all() as string[],
      async call(channel, input) {
        const envelope = await opened.dispatch(channel, input);
        if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
        return envelope.data as OutputOf<typeof channel>;
      },
      log,
    };
    const chosen = MEASUREMENTS.filter(
      (m) => args.only.length === 0 || args.only.some((o) => m.name.includes(o)),
    );
    for (const measurement of chosen) {
      log(`measuring ${measurement.name}…`);
      figures.push(...(await measurement.run(context)));
    }
    // Closing folds the WAL back (checkpoint) and leaves the file in rollback mode; the next
    // open finds the mark at once (the generated copy is opened unmarked the first time).
    const [, closeMs] = timeSync(() => opened.close());
    app = null;
    const [again, reopenMs] = timeSync(open);
    again.close();
    figures.push(
      { name: 'workbook close', ms: closeMs, floorMs: null, note: 'checkpoint (TRUNCATE)' },
      { name: 'workbook open, marked', ms: reopenMs, floorMs: openFloor },
    );
    out(table(figures));
  } finally {
    app?.close();
    removeWorkbook(work);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
