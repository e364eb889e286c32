/**
 * Search while typing: a surname typed letter by letter («и», «ив», «ива», …) and phone
 * fragments («9», «91», «912», «912 3», …), one `clients.list({ query })` per keystroke, beside
 * the same work in bare SQL (bench/plain-search.ts).
 */
import { digitsOf } from '../../db/queries/search';
import { localDay, yearStart } from '../../kernel/local-date';
import { spread, timeAsync, timeSync } from '../measure';
import { plainKeystroke, StatementCache } from '../plain-search';
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

export const searchWhileTyping: Measurement = {
  name: 'search while typing',
  async run(bench) {
    const queries = keystrokes(bench);
    const cache = new StatementCache(bench.app.wb.sqlite);
    const since = yearStart(localDay(new Date()));
    const app: number[] = [];
    const floor: number[] = [];
    const slowest = { query: '', ms: 0 };
    for (const query of queries) {
      const [, ms] = await timeAsync(() => bench.call('clients.list', { query, limit: 100 }));
      app.push(ms);
      if (ms > slowest.ms) Object.assign(slowest, { query, ms });
      floor.push(timeSync(() => plainKeystroke(cache, query, since))[1]);
    }
    bench.log(`search: slowest keystroke «${slowest.query}» ${slowest.ms.toFixed(0)} ms`);
    return spread('search while typing', app, floor, `${queries.length} keystrokes`);
  },
};
