// A machine in Berlin: a zone with summer time, so the day boundary moves twice a year.
process.env['TZ'] = 'Europe/Berlin';

/**
 * `klocalday(at)`, the SQL function every statement uses for the local day of a stored stamp,
 * gives exactly the day SQLite's own `date(at, 'localtime')` gives (which asks the C library
 * and costs a file system call a row), hour by hour around midnights and both summer-time
 * changes, on a real workbook's connection; and nothing for nothing or for a value that is no
 * moment.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openWorkbook, type Workbook } from '../../db/workbook';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

let wb: Workbook | null = null;
afterEach(() => wb?.close());

it('gives the local day SQLite gives, around midnights and the summer-time changes', () => {
  const dir = tempDir();
  wb = openWorkbook(path.join(dir, 'days.kartoteka'), { migrationsDir: MIGRATIONS_DIR });
  const stamps: string[] = [];
  // Every 20 minutes over the days of both changes in 2026 (29 March, 25 October) and a New Year.
  for (const first of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z', '2025-12-31T00:00:00Z']) {
    for (let step = 0; step < 3 * 72; step += 1) {
      stamps.push(new Date(Date.parse(first) + step * 20 * 60_000).toISOString());
    }
  }
  const rows = wb.sqlite
    .prepare(
      `SELECT value AS at, klocalday(value) AS ours, date(value, 'localtime') AS sqlite
       FROM json_each(?)`,
    )
    .all(JSON.stringify(stamps)) as { at: string; ours: string; sqlite: string }[];
  expect(rows).toHaveLength(stamps.length);
  const differing = rows.filter((r) => r.ours !== r.sqlite);
  expect(differing).toEqual([]);
  // The zone is Berlin's, not UTC's: 23:30 UTC in winter is the next day there.
  expect(rows.find((r) => r.at === '2025-12-31T23:40:00.000Z')?.ours).toBe('2026-01-01');
  expect(
    wb.sqlite.prepare("SELECT klocalday(NULL) AS a, klocalday('not a moment') AS b").get(),
  ).toEqual({ a: null, b: null });
});
