/**
 * Importing three years of sales (1,050,000 rows, over the old limit of a million, in ONE file)
 * for 100,000 clients from a Windows-1251 semicolon CSV, the way a shop loads its 1C history
 * after the client list: the check, the run (which writes the new sales the check kept, as the
 * wizard's run after its check does, and moves the stages along the ladder from the sales), the
 * undo of the run, and a run of the same file with no check before it (reading, planning and
 * writing it), each beside a floor of the same work done bare: decoding and parsing the same
 * file with papaparse, plus inserting its rows with one prepared INSERT in one transaction (a
 * run), or marking them all deleted in one UPDATE (the undo). The import's
 * memory is sampled while it runs: a file a fifth as long needs no less, so it is bounded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../../electron/app';
import { timeAsync, timeSync } from '../measure';
import { callApp, type Measurement } from './types';

const CLIENTS = 100_000;
const SALES = 1_050_000;
const SMALL = 210_000;
/** Rows of a second file that repeat sales the large import has just written. */
const REPEATS = 100_000;
const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

const codeOf = (i: number) => `К-${String(i).padStart(6, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

function clientsCsv(): string {
  const rows = ['Код клиента;ФИО'];
  for (let i = 0; i < CLIENTS; i += 1) rows.push(`${codeOf(i)};Клиент ${i}`);
  return rows.join('\r\n');
}

/** Ten sales a client on average, a few clients with many, a tenth with none; written as made. */
function writeSalesCsv(file: string, count: number, rng: () => number): void {
  const fd = fs.openSync(file, 'w');
  let lines = ['Код клиента;Дата;Сумма'];
  const flush = () => {
    fs.writeSync(fd, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1251'));
    lines = [];
  };
  for (let i = 0; i < count; i += 1) {
    const client = Math.floor(rng() ** 1.5 * CLIENTS * 0.9);
    const at = new Date(START + Math.floor(rng() * 3 * 365) * DAY);
    const date = `${pad(at.getUTCDate())}.${pad(at.getUTCMonth() + 1)}.${at.getUTCFullYear()}`;
    const amount = `${100 + Math.floor(rng() * 20_000)},${pad(Math.floor(rng() * 100))}`;
    lines.push(`${codeOf(client)};${date};${amount}`);
    if (lines.length >= 50_000) flush();
  }
  flush();
  fs.closeSync(fd);
}

/**
 * The highest resident set size of this process (main thread and import worker) while `fn`
 * runs, and the CPU time the process spent meanwhile (nearly all of it the worker's): on a
 * shared machine a steadier figure than the wall clock.
 */
async function peakRss<T>(fn: () => Promise<T>): Promise<[T, number, number, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const cpu = process.cpuUsage();
  try {
    const [result, ms] = await timeAsync(fn);
    const used = process.cpuUsage(cpu);
    return [
      result,
      ms,
      Math.max(peak, process.memoryUsage().rss),
      (used.user + used.system) / 1000,
    ];
  } finally {
    clearInterval(timer);
  }
}

const cpuSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The floor: the same file decoded and parsed by papaparse as a stream, rows handed on. */
async function parseBare(file: string, onRow: (row: string[]) => void): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const input = fs.createReadStream(file).pipe(iconv.decodeStream('win1251'));
    Papa.parse<string[]>(input, {
      delimiter: ';',
      skipEmptyLines: true,
      step: (result) => onRow(result.data),
      complete: () => resolve(),
      error: reject,
    });
  });
}

export const importSales: Measurement = {
  name: 'import sales',
  async run(bench) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-sales-'));
    try {
      const clientsFile = path.join(dir, 'clients-1c.csv');
      fs.writeFileSync(clientsFile, iconv.encode(clientsCsv(), 'win1251'));
      const salesFile = path.join(dir, 'sales-1c.csv');
      writeSalesCsv(salesFile, SALES, () => bench.rng.next());
      const smallFile = path.join(dir, 'sales-small.csv');
      writeSalesCsv(smallFile, SMALL, () => bench.rng.next());
      // The large file's first rows again, as next month's 1C export repeats the months before.
      const repeatsFile = path.join(dir, 'sales-repeats.csv');
      const head = fs.readFileSync(salesFile).subarray(0, 8 << 20);
      let end = 0;
      for (let lines = 0; lines <= REPEATS; lines += 1) end = head.indexOf(0x0a, end) + 1;
      fs.writeFileSync(repeatsFile, head.subarray(0, end));
      const open = (name: string) =>
        createApp({
          workbookPath: path.join(dir, name),
          migrationsDir: bench.migrationsDir,
          dataDir: bench.dataDir,
          shell: 'web',
          version: 'bench',
          systemLocale: 'ru',
          importWorker: path.join(__dirname, 'import-worker.cjs'),
          // The undo of a large import runs in the bulk worker, as in the app.
          bulkWorker: path.join(__dirname, 'bulk-worker.cjs'),
          logger: { info: () => undefined, error: (m) => bench.log(m) },
        });
      const caller =
        (app: ReturnType<typeof open>) =>
        <T>(channel: string, input: unknown) =>
          callApp<T>(app, channel, input);
      const common = { onDuplicate: 'update', onInvalid: 'skip' };
      /** A workbook with the client list imported (as the browser shell does with uploads). */
      const withClients = async (name: string) => {
        const app = open(name);
        for (const file of [clientsFile, salesFile, smallFile, repeatsFile]) {
          app.ctx.importer.allowFile(file);
        }
        bench.log(`  loading ${CLIENTS} clients first…`);
        await caller(app)('import.run', {
          ...common,
          path: clientsFile,
          target: 'clients',
          mapping: { 'Код клиента': 'externalId', ФИО: 'name' },
        });
        return app;
      };
      const app = await withClients('sales.kartoteka');
      const call = caller(app);
      const mapping = { 'Код клиента': 'externalId', Дата: 'date', Сумма: 'amount' };
      const input = { ...common, path: salesFile, target: 'sales', mapping };
      const idle = process.memoryUsage().rss;
      // A fifth of the rows first: the memory it needs is what the whole file needs.
      const small = { ...input, path: smallFile };
      const [smallRun, , smallPeak] = await peakRss(() =>
        call<{ batchId: string }>('import.run', small),
      );
      await call('history.undoBatch', { batchId: smallRun.batchId });
      await app.ctx.bulk.settled();
      const [check, checkMs, checkPeak, checkCpu] = await peakRss(() =>
        call<{ willCreate: number; invalid: number }>('import.check', input),
      );
      const [result, runMs, runPeak, runCpu] = await peakRss(() =>
        call<{ batchId: string; inserted: number; errorsTotal: number }>('import.run', input),
      );
      const stages = app.wb.sqlite
        .prepare(
          'SELECT stage, count(*) AS n FROM clients WHERE deleted_at IS NULL GROUP BY stage ORDER BY stage',
        )
        .all() as { stage: string; n: number }[];
      // Right after the large import, which built the sales' indexes again: a check of a file
      // whose rows all repeat its sales looks each chunk's up through the client index.
      const [repeats, repeatsMs] = await timeAsync(() =>
        call<{ unchanged: number; willCreate: number }>('import.check', {
          ...input,
          path: repeatsFile,
        }),
      );
      const [, repeatsParseMs] = await timeAsync(() => parseBare(repeatsFile, () => undefined));
      const [undo, undoMs] = await timeAsync(() =>
        call<{ reverted: number }>('history.undoBatch', { batchId: result.batchId }),
      );
      // Its thread folds the WAL back once it has answered: the floors do not share the machine
      // with it.
      await app.ctx.bulk.settled();
      app.close();

      // The floors: the same file parsed bare, its rows inserted bare, then marked deleted.
      const [, parseMs] = await timeAsync(() => parseBare(salesFile, () => undefined));
      const bare = new Database(path.join(dir, 'bare.sqlite'));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = FULL');
      bare.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT, deleted TEXT)');
      const insert = bare.prepare('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
      const floorCpu = process.cpuUsage();
      const [, loadMs] = await timeAsync(async () => {
        bare.exec('BEGIN');
        let header = true;
        await parseBare(salesFile, (row) => {
          if (header) header = false;
          else insert.run(row[0], row[1], row[2]);
        });
        bare.exec('COMMIT');
      });
      const floorUsed = process.cpuUsage(floorCpu);
      const loadCpu = (floorUsed.user + floorUsed.system) / 1000;
      const [, deleteMs] = timeSync(() =>
        bare.prepare('UPDATE t SET deleted = ?').run(new Date().toISOString()),
      );
      bare.close();

      // The same file run with no check before it (an outside tool over the shell: the run
      // reads, plans and writes it), into a workbook of the same clients and no sales.
      const other = await withClients('direct.kartoteka');
      const [direct, directMs, directPeak, directCpu] = await peakRss(() =>
        caller(other)<{ inserted: number }>('import.run', input),
      );
      // Its thread folds the WAL back once it has answered: the next figure does not share the
      // machine with it.
      while (other.ctx.importer.keptWorker() !== null) await sleep(50);
      other.close();
      const size = fs.statSync(salesFile).size;
      return [
        {
          name: `import check ${SALES} sales rows of ${CLIENTS} clients, one file (${mb(size)})`,
          ms: checkMs,
          floorMs: parseMs,
          note: `${check.willCreate} new, ${check.invalid} invalid; CPU ${cpuSeconds(checkCpu)}; floor: papaparse parse`,
        },
        {
          name: `import run ${SALES} sales rows (target < 10 s)`,
          ms: runMs,
          floorMs: loadMs,
          note: `${result.inserted} inserted; CPU ${cpuSeconds(runCpu)}; stages ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}; floor: parse + bare INSERTs (CPU ${cpuSeconds(loadCpu)})`,
        },
        {
          name: `import check ${REPEATS} rows repeating sales of the import just run`,
          ms: repeatsMs,
          floorMs: repeatsParseMs,
          note: `${repeats.unchanged} repeat a sale unchanged, ${repeats.willCreate} new; floor: papaparse parse`,
        },
        {
          name: 'undo of that import',
          ms: undoMs,
          floorMs: deleteMs,
          note: `${undo.reverted} reverted; floor: one bare UPDATE of the rows`,
        },
        {
          name: `import run ${SALES} sales rows with no check before it`,
          ms: directMs,
          floorMs: loadMs,
          note: `${direct.inserted} inserted; CPU ${cpuSeconds(directCpu)}; peak RSS ${mb(directPeak)}; floor: parse + bare INSERTs`,
        },
        {
          name: `peak RSS (main + import worker), ${SALES} rows`,
          ms: Number.NaN,
          floorMs: null,
          note: `check ${mb(checkPeak)}, run ${mb(runPeak)}; ${SMALL} rows: run ${mb(smallPeak)}; idle before ${mb(idle)}`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
