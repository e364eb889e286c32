/**
 * Importing 100,000 client rows from a Windows-1251 semicolon CSV with Russian headers (the
 * file a 1C export gives) into a fresh workbook: the check, the run, and the undo of the run.
 * As in the wizard, the run follows the check on the check's worker thread and, nothing having
 * changed in between, writes the check's plan (the file is hashed, not read and checked again):
 * the run's figure is the write, the check's the reading and planning.
 * The floor is the same rows inserted raw into a bare table in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { createApp } from '../../electron/app';
import { timeAsync, timeSync } from '../measure';
import { callApp, type Measurement } from './types';

const ROWS = 100_000;
const FIRST = [
  'Мария',
  'Анна',
  'Ольга',
  'Елена',
  'Иван',
  'Пётр',
  'Сергей',
  'Алексей',
  'Наталья',
  'Дмитрий',
];
const LAST = [
  'Иванова',
  'Петрова',
  'Смирнова',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Новикова',
];

/** A unique phone per row, written the way people do: `8 (900) 000-12-34`. */
function phoneOf(i: number): string {
  const p = String(i).padStart(9, '0');
  return `8 (9${p.slice(0, 2)}) ${p.slice(2, 5)}-${p.slice(5, 7)}-${p.slice(7, 9)}`;
}

function makeCsv(rng: () => number): { text: string; rows: string[][] } {
  const header = ['ФИО', 'Телефон', 'E-mail', 'Дата рождения', 'Код клиента', 'Город', 'Менеджер'];
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const name = `${LAST[Math.floor(rng() * LAST.length)]} ${FIRST[Math.floor(rng() * FIRST.length)]} ${i}`;
    const d = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
    const m = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
    rows.push([
      name,
      phoneOf(i),
      `client${i}@example.ru`,
      `${d}.${m}.${1950 + Math.floor(rng() * 55)}`,
      `К-${String(i).padStart(6, '0')}`,
      rng() < 0.5 ? 'Москва' : '"Санкт-Петербург; Невский"',
      rng() < 0.5 ? 'Петров' : 'Сидорова',
    ]);
  }
  return { text: [header, ...rows].map((r) => r.join(';')).join('\r\n'), rows };
}

export const importClients: Measurement = {
  name: 'import clients',
  async run(bench) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bench-import-'));
    try {
      const { text, rows } = makeCsv(() => bench.rng.next());
      const csv = path.join(dir, 'clients-1c.csv');
      fs.writeFileSync(csv, iconv.encode(text, 'win1251'));
      const app = createApp({
        workbookPath: path.join(dir, 'import.kartoteka'),
        migrationsDir: bench.migrationsDir,
        dataDir: bench.dataDir,
        shell: 'web',
        version: 'bench',
        systemLocale: 'ru',
        // The real path: the import runs in its worker thread, bundled beside this script.
        importWorker: path.join(__dirname, 'import-worker.cjs'),
        logger: { info: () => undefined, error: (m) => bench.log(m) },
      });
      // As an upload to the browser shell would: the import reads only files handed to it.
      app.ctx.importer.allowFile(csv);
      const call = <T>(channel: string, input: unknown) => callApp<T>(app, channel, input);
      const mapping = {
        ФИО: 'name',
        Телефон: 'phone',
        'E-mail': 'email',
        'Дата рождения': 'birthday',
        'Код клиента': 'externalId',
        Город: 'address',
        Менеджер: 'manager',
      };
      const input = {
        path: csv,
        target: 'clients',
        mapping,
        onDuplicate: 'update',
        onInvalid: 'skip',
      };
      const [check, checkMs] = await timeAsync(() =>
        call<{ willCreate: number; invalid: number }>('import.check', input),
      );
      // The CPU time of the process (nearly all of it the import worker's): on a shared machine a
      // steadier figure than the wall clock.
      const cpu = process.cpuUsage();
      const [result, runMs] = await timeAsync(() =>
        call<{ batchId: string; inserted: number; errorsTotal: number }>('import.run', input),
      );
      const used = process.cpuUsage(cpu);
      const runCpu = `${((used.user + used.system) / 1e6).toFixed(1)} s`;
      const [found] = await timeAsync(() =>
        call<{ total: number }>('clients.list', { query: 'Петрова Анна' }),
      );
      const [undo, undoMs] = await timeAsync(() =>
        call<{ reverted: number }>('history.undoBatch', { batchId: result.batchId }),
      );
      app.close();

      // The floor: the same rows inserted raw into a bare table, one transaction.
      const bare = new Database(path.join(dir, 'bare.sqlite'));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = FULL');
      bare.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT)');
      const insert = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)');
      const [, floorMs] = timeSync(() =>
        bare.transaction(() => rows.forEach((r) => insert.run(...r)))(),
      );
      bare.close();
      const mb = Math.round(fs.statSync(csv).size / 1048576);
      return [
        {
          name: `import check ${ROWS} client rows (cp1251 CSV, ${mb} MB)`,
          ms: checkMs,
          floorMs,
          note: `${check.willCreate} new, ${check.invalid} invalid`,
        },
        {
          name: `import run ${ROWS} client rows (target < 3 s)`,
          ms: runMs,
          floorMs,
          note: `${result.inserted} inserted, ${result.errorsTotal} errors; CPU ${runCpu}; search finds ${found.total} "Петрова Анна"`,
        },
        { name: 'undo of that import', ms: undoMs, floorMs, note: `${undo.reverted} reverted` },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
