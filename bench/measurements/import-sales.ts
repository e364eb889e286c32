/**
 * Importing three years of sales (1,000,000 rows) for 100,000 clients from a Windows-1251
 * semicolon CSV, the way a shop loads its 1C history after the client list: the check, the run
 * (which also moves the stages along the ladder from the sales) and the undo of the run. The
 * floor is the same rows inserted raw into a bare table in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { createApp } from '../../electron/app';
import { timeAsync, timeSync } from '../measure';
import type { Measurement } from './types';

const CLIENTS = 100_000;
const SALES = 1_000_000;
const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

const codeOf = (i: number) => `К-${String(i).padStart(6, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');

function clientsCsv(): string {
  const rows = ['Код клиента;ФИО'];
  for (let i = 0; i < CLIENTS; i += 1) rows.push(`${codeOf(i)};Клиент ${i}`);
  return rows.join('\r\n');
}

/** Ten sales a client on average, a few clients with many, a tenth with none. */
function salesCsv(rng: () => number): { text: string; rows: string[][] } {
  const rows: string[][] = [];
  while (rows.length < SALES) {
    const client = Math.floor(rng() ** 1.5 * CLIENTS * 0.9);
    const at = new Date(START + Math.floor(rng() * 3 * 365) * DAY);
    const date = `${pad(at.getUTCDate())}.${pad(at.getUTCMonth() + 1)}.${at.getUTCFullYear()}`;
    const amount = `${100 + Math.floor(rng() * 20_000)},${pad(Math.floor(rng() * 100))}`;
    rows.push([codeOf(client), date, amount]);
  }
  const text = [['Код клиента', 'Дата', 'Сумма'], ...rows].map((r) => r.join(';')).join('\r\n');
  return { text, rows };
}

export const importSales: Measurement = {
  name: 'import sales',
  async run(bench) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-sales-'));
    try {
      const clientsFile = path.join(dir, 'clients-1c.csv');
      fs.writeFileSync(clientsFile, iconv.encode(clientsCsv(), 'win1251'));
      const { text, rows } = salesCsv(() => bench.rng.next());
      const salesFile = path.join(dir, 'sales-1c.csv');
      fs.writeFileSync(salesFile, iconv.encode(text, 'win1251'));
      const app = createApp({
        workbookPath: path.join(dir, 'sales.kartoteka'),
        migrationsDir: bench.migrationsDir,
        dataDir: bench.dataDir,
        shell: 'web',
        version: 'bench',
        systemLocale: 'ru',
        importWorker: path.join(__dirname, 'import-worker.cjs'),
        logger: { info: () => undefined, error: (m) => bench.log(m) },
      });
      // As the browser shell does with an upload: only files handed over are read.
      app.ctx.importer.allowFile(clientsFile);
      app.ctx.importer.allowFile(salesFile);
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const envelope = await app.dispatch(channel, input);
        if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
        return envelope.data as T;
      };
      const common = { onDuplicate: 'update', onInvalid: 'skip' };
      bench.log(`  loading ${CLIENTS} clients first…`);
      await call('import.run', {
        ...common,
        path: clientsFile,
        target: 'clients',
        mapping: { 'Код клиента': 'externalId', ФИО: 'name' },
      });
      const input = {
        ...common,
        path: salesFile,
        target: 'sales',
        mapping: { 'Код клиента': 'externalId', Дата: 'date', Сумма: 'amount' },
      };
      const [check, checkMs] = await timeAsync(() =>
        call<{ willCreate: number; invalid: number }>('import.check', input),
      );
      const [result, runMs] = await timeAsync(() =>
        call<{ batchId: string; inserted: number; errorsTotal: number }>('import.run', input),
      );
      const stages = app.wb.sqlite
        .prepare('SELECT stage, count(*) AS n FROM clients GROUP BY stage ORDER BY stage')
        .all() as { stage: string; n: number }[];
      const [undo, undoMs] = await timeAsync(() =>
        call<{ reverted: number }>('history.undoBatch', { batchId: result.batchId }),
      );
      app.close();

      const bare = new Database(path.join(dir, 'bare.sqlite'));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = FULL');
      bare.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT)');
      const insert = bare.prepare('INSERT INTO t VALUES (?, ?, ?)');
      const [, floorMs] = timeSync(() =>
        bare.transaction(() => rows.forEach((r) => insert.run(...r)))(),
      );
      bare.close();
      const mb = Math.round(fs.statSync(salesFile).size / 1048576);
      return [
        {
          name: `import check ${SALES} sales rows of ${CLIENTS} clients (${mb} MB)`,
          ms: checkMs,
          floorMs,
          note: `${check.willCreate} new, ${check.invalid} invalid`,
        },
        {
          name: `import run ${SALES} sales rows`,
          ms: runMs,
          floorMs,
          note: `${result.inserted} inserted; stages ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}`,
        },
        { name: 'undo of that import', ms: undoMs, floorMs, note: `${undo.reverted} reverted` },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
