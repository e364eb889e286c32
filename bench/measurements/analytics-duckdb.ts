/**
 * The analytics channels beside DuckDB computing the same figures from the same sales: the
 * analytics bench's workbook (50,000 clients, 1,000,000 sales) is written once to a CSV beside it,
 * loaded into an in-process DuckDB, and each channel is called over the browser shell (HTTP POST
 * with the token, the answer parsed as JSON, as an outside tool would) while DuckDB runs the SQL
 * of analytics-duckdb-sql.ts and materialises its rows in JS. Both answers are compared client by
 * client: a figure that disagrees is printed, never hidden behind a time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import type { AbcXyzResult, RetentionResult, RfmResultOut } from '../../electron/api/contract';
import { createApp } from '../../electron/app';
import { startWebServer } from '../../electron/web-server';
import { copyDurably, timeAsync, type Figure } from '../measure';
import { END, VERSION, makeWorkbook } from './analytics';
import { DAYS_TABLE, abcxyzSql, retentionSql, rfmSql } from './analytics-duckdb-sql';
import type { Measurement } from './types';

const FROM = '2025-07-01';
const RUNS = 5;

/** The sales of the cached workbook as one CSV (client_id,date,amount), written once. */
function salesCsv(workbook: string, csv: string): void {
  if (fs.existsSync(csv)) return;
  const db = new Database(workbook, { readonly: true });
  const rows = db
    .prepare('SELECT client_id, date, amount FROM sales WHERE deleted_at IS NULL')
    .raw()
    .iterate() as IterableIterator<[string, string, number]>;
  const part = `${csv}.part`;
  const fd = fs.openSync(part, 'w');
  let chunk = 'client_id,date,amount\n';
  for (const [client, date, amount] of rows) {
    chunk += `${client},${date},${amount}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  db.close();
  fs.renameSync(part, csv);
}

/** The last answer and the median time of RUNS calls after a warm-up call. */
async function median<T>(run: () => Promise<T>): Promise<[T, number]> {
  await run();
  const samples: [T, number][] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timeAsync(run));
  const last = samples[RUNS - 1]![0];
  samples.sort((a, b) => a[1] - b[1]);
  return [last, samples[RUNS >> 1]![1]];
}

async function rows(duck: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await duck.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

/** Clients whose fields differ between the app's rows and DuckDB's (cv: to 1e-9). */
function disagreements<T extends { clientId: string }>(
  app: readonly T[],
  duck: readonly Record<string, unknown>[],
  fields: readonly (keyof T & string)[],
): number {
  const byId = new Map(duck.map((r) => [r['clientId'] as string, r]));
  let bad = byId.size === app.length ? 0 : Math.abs(byId.size - app.length);
  for (const row of app) {
    const other = byId.get(row.clientId);
    if (!other) continue;
    const same = fields.every((f) => {
      const a = row[f] as unknown;
      const b = other[f] ?? null;
      return typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
        : a === b;
    });
    if (!same) bad++;
  }
  return bad;
}

const verdict = (bad: number) => (bad === 0 ? 'agree' : `DISAGREE: ${bad} clients`);

export const analyticsVsDuckdb: Measurement = {
  name: 'analytics vs duckdb',
  async run(bench) {
    const cached = path.join(os.tmpdir(), `kartoteka-bench-analytics-v${VERSION}.kartoteka`);
    if (!fs.existsSync(cached)) makeWorkbook(cached, bench.migrationsDir, (m) => bench.log(m));
    const csv = cached.replace(/\.kartoteka$/, '.sales.csv');
    salesCsv(cached, csv);
    const file = path.join(os.tmpdir(), `kartoteka-bench-duckdb-run-${process.pid}.kartoteka`);
    copyDurably(cached, file);
    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    const app = createApp({
      workbookPath: file,
      migrationsDir: bench.migrationsDir,
      dataDir: bench.dataDir,
      shell: 'web',
      version: 'bench',
      systemLocale: 'en',
      now: () => new Date(`${END}T12:00:00.000Z`),
      analyticsWorker: path.join(__dirname, 'analytics-worker.cjs'),
      integrityWorker: path.join(__dirname, 'integrity-worker.cjs'),
      dailyBackups: false,
      logger: { info: () => undefined, error: (m) => bench.log(m) },
    });
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-static-'));
    const token = crypto.randomBytes(16).toString('hex');
    const server = await startWebServer({
      dispatch: app.dispatch,
      token,
      port: 0,
      staticDir,
      locale: () => 'en',
      logger: { info: () => undefined, error: (m) => bench.log(m) },
      allowImportFile: () => undefined,
    });
    try {
      const [, loadMs] = await timeAsync(async () => {
        await duck.run(
          `CREATE TABLE sales AS SELECT * FROM read_csv('${csv}', header = true,
             columns = {'client_id': 'VARCHAR', 'date': 'DATE', 'amount': 'BIGINT'})`,
        );
        await duck.run(DAYS_TABLE);
      });
      const scanCount = Number(
        (await rows(duck, 'SELECT count(*)::INTEGER AS n FROM sales'))[0]!['n'],
      );
      bench.log(`duckdb: ${scanCount} sales loaded from the CSV in ${Math.round(loadMs)} ms`);
      const shell = async <T>(channel: string, input: unknown): Promise<T> => {
        const response = await fetch(`${server.origin}/api/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        const envelope = (await response.json()) as { ok: boolean; data: T; error?: unknown };
        if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
        return envelope.data;
      };
      // The worker reads the sales at start; the first call waits for that (not measured here).
      await app.ctx.guard.idle();
      await shell('analytics.settings', {});
      const figures: Figure[] = [
        {
          name: 'duckdb: load 1M sales from the CSV + purchase days',
          ms: loadMs,
          floorMs: null,
          note: `${scanCount} rows; ${(fs.statSync(csv).size / 1048576).toFixed(0)} MB CSV`,
        },
      ];
      const pair = async <T>(
        channel: string,
        input: unknown,
        sql: string,
        check: (app: T, duck: Record<string, unknown>[]) => string,
      ) => {
        const [answer, appMs] = await median(() => shell<T>(channel, input));
        const [duckRows, duckMs] = await median(() => rows(duck, sql));
        const agreement = check(answer, duckRows);
        bench.log(`${channel}: ${agreement}`);
        figures.push({
          name: `${channel} over the shell, warm median of ${RUNS}`,
          ms: appMs,
          floorMs: duckMs,
          note: `floor = DuckDB, same figures from the CSV; ${agreement}`,
        });
      };
      await pair<AbcXyzResult>(
        'analytics.abcxyz',
        { from: FROM, to: END },
        abcxyzSql(FROM, END),
        (answer, duckRows) =>
          verdict(disagreements(answer.clients, duckRows, ['revenue', 'abc', 'xyz', 'cv'])),
      );
      await pair<RfmResultOut>('analytics.rfm', { asOf: END }, rfmSql(END), (answer, duckRows) =>
        verdict(
          disagreements(answer.clients, duckRows, [
            'recencyDays',
            'frequency',
            'monetary',
            'r',
            'f',
            'm',
            'segment',
          ]),
        ),
      );
      await pair<RetentionResult>(
        'analytics.retention',
        { periods: [{ from: FROM, to: END }] },
        retentionSql(FROM, END),
        (answer, duckRows) => {
          const mine = answer.periods[0]!;
          const theirs = duckRows[0]!;
          const same =
            mine.atStart === theirs['atStart'] &&
            mine.atEnd === theirs['atEnd'] &&
            mine.new === theirs['new'];
          return same
            ? `agree (S ${mine.atStart}, E ${mine.atEnd}, N ${mine.new})`
            : `DISAGREE: app S ${mine.atStart} E ${mine.atEnd} N ${mine.new}, duckdb ${JSON.stringify(theirs)}`;
        },
      );
      return figures;
    } finally {
      await server.close();
      app.close();
      duck.closeSync();
      instance.closeSync();
      fs.rmSync(staticDir, { recursive: true, force: true });
      // The copy, its side files and the backup its migration (if any) left beside it.
      const base = path.basename(file);
      for (const name of fs.readdirSync(os.tmpdir()))
        if (name.startsWith(base)) fs.rmSync(path.join(os.tmpdir(), name), { force: true });
    }
  },
};
