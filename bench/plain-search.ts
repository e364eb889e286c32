/**
 * What the client list returns for a search box text, written as plain SQL statements with no
 * plan choices: the reference the search test compares the app with, and the bench's floor.
 * The matching rules are the app's (db/queries/search.ts), spelled out again on purpose.
 */
import type { Database, Statement } from 'better-sqlite3';
import { phoneNeedles } from '../kernel/phones';

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const digitsOf = (s: string) => s.replace(/\D/g, '');
const isPhone = (q: string) => /^[+\d\s()\-.]+$/.test(q) && digitsOf(q).length > 0;
const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;
/** The clients whose text or tags match one term (bound twice). */
const TERM_HITS = `SELECT rowid FROM client_search WHERE client_search MATCH ?
  UNION SELECT rowid FROM client_tag_search WHERE client_tag_search MATCH ?`;
/** The clients whose text matches one term (when no client's tags do). */
const TEXT_HITS = `SELECT rowid FROM client_search WHERE client_search MATCH ?`;

export interface PlainWhere {
  sql: string;
  params: string[];
  /**
   * The full-text match of each word of three characters or more (one for a phone), when the
   * query has any: each must match a client's text (`client_search`) or tags (`client_tag_search`).
   */
  terms: string[];
  /** The query is matched by the full-text index alone (no short word beside the long ones). */
  indexOnly: boolean;
}

/** The WHERE clause of a search: live clients (or the trash) matching the search box text. */
export function plainWhere(query: string, trash = false): PlainWhere {
  const q = query.trim();
  const conditions = [trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: string[] = [];
  const words = isPhone(q) ? [digitsOf(q)] : fold(q).split(/\s+/).filter(Boolean);
  let terms: string[] = [];
  let short = 0;
  if (words.length === 1 && words[0]!.length < 3) {
    const prefix = isPhone(q) ? q : words[0]!;
    conditions.push('name_fold >= ? AND name_fold < ?');
    params.push(prefix, `${prefix}\uffff`);
  } else if (words.length > 0) {
    const long = words.filter((w) => w.length >= 3);
    if (long.length > 0) {
      terms = isPhone(q)
        ? [
            phoneNeedles(q)
              .filter((n) => n.length >= 3)
              .map(quoted)
              .join(' OR '),
          ]
        : long.map(quoted);
      for (const term of terms) {
        conditions.push(`seq IN (${TERM_HITS})`);
        params.push(term, term);
      }
    }
    for (const w of words.filter((x) => x.length < 3)) {
      short += 1;
      conditions.push(`(search_text LIKE ? ESCAPE '\\' OR tags_fold LIKE ? ESCAPE '\\')`);
      const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(pattern, pattern);
    }
  }
  return {
    sql: conditions.join(' AND '),
    params,
    terms,
    indexOnly: terms.length > 0 && short === 0,
  };
}

export interface PlainPage {
  ids: string[];
  names: string[];
  total: number;
}

/** A page of the search's clients in name order, and how many there are in all. */
export function plainSearch(
  db: Database,
  query: string,
  options: { limit?: number; offset?: number; desc?: boolean; trash?: boolean } = {},
): PlainPage {
  const where = plainWhere(query, options.trash);
  const dir = options.desc ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `SELECT id, name FROM clients WHERE ${where.sql} ORDER BY name_fold ${dir}, id ${dir} LIMIT ? OFFSET ?`,
    )
    .raw()
    .all(...where.params, options.limit ?? 100, options.offset ?? 0) as [string, string][];
  const total = db
    .prepare(`SELECT count(*) FROM clients WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  return { ids: rows.map((r) => r[0]), names: rows.map((r) => r[1]), total };
}

/**
 * The bench's floor for one keystroke: the same work as `clients.list({ query, limit: 100 })`
 * in bare SQL through prepared statements: the total (the index's count for a search by
 * words, as the app counts it; else a count of the matching rows), the first page in name
 * order (starting from the matching rows for a word search, else walking the name index),
 * and the figures beside each row: custom values, purchases with the purchase days the
 * suggested stage is worked out from, last contact, and the stage changes.
 */
export function plainKeystroke(cache: StatementCache, query: string, yearStart: string): number {
  const where = plainWhere(query);
  // Words that match no client's tags are counted in the text index alone, as the app does.
  const tagged = where.terms.some(
    (t) =>
      cache
        .get('SELECT 1 FROM client_tag_search WHERE client_tag_search MATCH ? LIMIT 1')
        .get(t) !== undefined,
  );
  const hits = tagged ? TERM_HITS : TEXT_HITS;
  const total = (
    where.indexOnly
      ? cache
          .get(
            `SELECT count(*) FROM (${where.terms.map(() => `SELECT rowid FROM (${hits})`).join(' INTERSECT ')})`,
          )
          .pluck()
          .get(...where.terms.flatMap((t) => (tagged ? [t, t] : [t])))
      : cache
          .get(`SELECT count(*) FROM clients WHERE ${where.sql}`)
          .pluck()
          .get(...where.params)
  ) as number;
  // From the matching rows for a word search (the unary plus keeps SQLite off the name index).
  const hint = where.terms.length > 0 ? '+' : '';
  const rows = cache
    .get(`SELECT * FROM clients WHERE ${hint}${where.sql} ORDER BY ${hint}name_fold, id LIMIT 100`)
    .all(...where.params) as { id: string }[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const inPage = 'client_id IN (SELECT value FROM json_each(?))';
  cache
    .get(
      `SELECT v.client_id, d.key, v.value FROM field_values v JOIN field_defs d ON d.id = v.field_id WHERE v.${inPage}`,
    )
    .all(ids);
  cache
    .get(
      `SELECT client_id, max(date), sum(CASE WHEN date >= ? THEN amount ELSE 0 END),
         group_concat(DISTINCT CASE WHEN amount > 0 THEN date END) FROM sales
       WHERE deleted_at IS NULL AND ${inPage} GROUP BY client_id`,
    )
    .all(yearStart, ids);
  cache
    .get(
      `SELECT client_id, klocalday(max(at)) FROM comments WHERE deleted_at IS NULL
       AND kind IN ('call', 'meeting', 'email', 'visit', 'offer') AND ${inPage} GROUP BY client_id`,
    )
    .all(ids);
  cache
    .get(
      `SELECT ch.client_id, ch.at, ch.id, b.kind, b.label, ch.new_value FROM changes ch
       JOIN batches b ON b.id = ch.batch_id WHERE ch.entity = 'client' AND ch.field = 'stage' AND ch.${inPage}`,
    )
    .all(ids);
  return total;
}

/** Prepared statements by their text, so a floor does not time SQLite's parser. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly db: Database) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
