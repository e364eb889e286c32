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

export interface PlainWhere {
  sql: string;
  params: string[];
  /** The full-text match of the query, when it has one (words of three characters or more). */
  match: string | null;
}

/** The WHERE clause of a search: live clients (or the trash) matching the search box text. */
export function plainWhere(query: string, trash = false): PlainWhere {
  const q = query.trim();
  const conditions = [trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: string[] = [];
  const words = isPhone(q) ? [digitsOf(q)] : fold(q).split(/\s+/).filter(Boolean);
  let match: string | null = null;
  if (words.length === 1 && words[0]!.length < 3) {
    const prefix = isPhone(q) ? q : words[0]!;
    conditions.push('name_fold >= ? AND name_fold < ?');
    params.push(prefix, `${prefix}\uffff`);
  } else if (words.length > 0) {
    const long = words.filter((w) => w.length >= 3);
    if (long.length > 0) {
      match = isPhone(q)
        ? phoneNeedles(q)
            .filter((n) => n.length >= 3)
            .map(quoted)
            .join(' OR ')
        : long.map(quoted).join(' AND ');
      conditions.push('seq IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)');
      params.push(match);
    }
    for (const w of words.filter((x) => x.length < 3)) {
      conditions.push(`search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  return { sql: conditions.join(' AND '), params, match };
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
