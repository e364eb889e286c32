/**
 * Search while typing: a surname typed letter by letter («и», «ив», «ива», …) and phone
 * fragments («9», «91», «912», «912 3», …), one `clients.list({ query })` per keystroke.
 */
import type { Statement } from 'better-sqlite3';
import { digitsOf, fold, isPhoneQuery } from '../../db/queries/search';
import { spread, timeAsync, timeSync } from '../measure';
import { sample, type BenchContext, type Measurement } from './types';

const NAMES = 26;
const PHONES = 8;

/** Keystroke prefixes of real surnames and phone numbers from the workbook. */
function keystrokes(bench: BenchContext): string[] {
  const db = bench.app.wb.sqlite;
  const names = db
    .prepare(`SELECT name FROM clients WHERE kind = 'person' AND deleted_at IS NULL`)
    .pluck()
    .all() as string[];
  const phones = db
    .prepare(`SELECT phone FROM clients WHERE phone LIKE '+7%' AND deleted_at IS NULL`)
    .pluck()
    .all() as string[];
  const out: string[] = [];
  for (const name of sample(bench.rng, names, NAMES)) {
    const surname = (name.split(' ')[0] ?? name).toLowerCase();
    for (let n = 1; n <= Math.min(7, surname.length); n++) out.push(surname.slice(0, n));
  }
  for (const phone of sample(bench.rng, phones, PHONES)) {
    const d = digitsOf(phone).slice(1);
    const typed = `${d.slice(0, 3)} ${d.slice(3, 5)}`;
    for (let n = 1; n <= typed.length; n++) out.push(typed.slice(0, n));
  }
  return out;
}

/** The same match the app makes, as one raw query: FTS5 trigram for 3+ characters, else LIKE. */
function rawSearch(bench: BenchContext, cache: Map<string, Statement>, query: string) {
  const q = query.trim();
  const words = isPhoneQuery(q) ? [digitsOf(q)] : fold(q).split(/\s+/).filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  const conditions: string[] = [];
  const params: string[] = [];
  if (long.length > 0) {
    conditions.push('seq IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)');
    params.push(long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const w of short) {
    conditions.push(`search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const sql = `SELECT * FROM clients WHERE deleted_at IS NULL ${conditions.map((c) => `AND ${c}`).join(' ')}
    ORDER BY name_fold, id LIMIT 100`;
  let statement = cache.get(sql);
  if (!statement) {
    statement = bench.app.wb.sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement.all(...params);
}

export const searchWhileTyping: Measurement = {
  name: 'search while typing',
  async run(bench) {
    const queries = keystrokes(bench);
    const cache = new Map<string, Statement>();
    const app: number[] = [];
    const floor: number[] = [];
    const slowest = { query: '', ms: 0 };
    for (const query of queries) {
      const [, ms] = await timeAsync(() => bench.call('clients.list', { query, limit: 100 }));
      app.push(ms);
      if (ms > slowest.ms) Object.assign(slowest, { query, ms });
      floor.push(timeSync(() => rawSearch(bench, cache, query))[1]);
    }
    bench.log(`search: slowest keystroke «${slowest.query}» ${slowest.ms.toFixed(0)} ms`);
    return spread('search while typing', app, floor, `${queries.length} keystrokes`);
  },
};
