/**
 * The full-text index of clients (`client_search`, FTS5 trigram): what text a client is found
 * by, and keeping the index current. Called by the write paths inside their transactions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { phoneNeedles } from '../../kernel/phones';
import type { Workbook } from '../workbook';
import { clients } from '../schema';

/**
 * Bump when the indexed text changes shape: the derived columns and the index are rebuilt on
 * the next open. 2: phones are indexed in their normalised form too.
 */
export const SEARCH_INDEX_VERSION = 2;

export function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** True for queries made of phone characters only: they are matched on digits. */
export function isPhoneQuery(q: string): boolean {
  return /^[+\d\s()\-.]+$/.test(q) && digitsOf(q).length > 0;
}

interface Indexed {
  seq: number;
  text: string;
}

/**
 * The text of every live client that the index should hold: standard text fields, phone
 * digits, custom text and choice values, and comment bodies; read in three set-based queries.
 */
function collect(wb: Workbook, clientIds: string[] | null): Indexed[] {
  const filter = clientIds ? `AND c.id IN (SELECT value FROM json_each(?))` : '';
  const args = clientIds ? [JSON.stringify(clientIds)] : [];
  const rows = wb.sqlite
    .prepare(
      // In rowid order: FTS5 flushes its pending terms whenever a rowid comes out of order. The
      // unary plus keeps SQLite off the (deleted_at, name) index, which reads every live client.
      `SELECT c.id, c.seq, c.search_text AS text FROM clients c WHERE +c.deleted_at IS NULL AND c.seq IS NOT NULL ${filter} ORDER BY c.seq`,
    )
    .all(...args) as { id: string; seq: number; text: string }[];
  const byId = new Map(rows.map((r) => [r.id, { seq: r.seq, parts: [r.text] }]));
  const extra = wb.sqlite
    .prepare(
      `SELECT v.client_id AS id, v.value AS text FROM field_values v JOIN field_defs d ON d.id = v.field_id
         WHERE d.type IN ('text', 'choice', 'multichoice') ${filter.replace('c.id', 'v.client_id')}
       UNION ALL
       SELECT m.client_id AS id, m.body AS text FROM comments m WHERE m.deleted_at IS NULL ${filter.replace('c.id', 'm.client_id')}`,
    )
    .all(...args, ...args) as { id: string; text: string }[];
  for (const e of extra) byId.get(e.id)?.parts.push(fold(e.text));
  return [...byId.values()].map((v) => ({ seq: v.seq, text: v.parts.join(' ') }));
}

/** Rewrites the index rows of the given clients (all clients when omitted). */
export function reindexClients(wb: Workbook, clientIds?: string[]): void {
  const insert = wb.sqlite.prepare('INSERT INTO client_search (rowid, body) VALUES (?, ?)');
  wb.transaction(() => {
    if (clientIds) {
      // One statement: deleting 100,000 index rows one by one takes seconds more.
      wb.sqlite
        .prepare(
          'DELETE FROM client_search WHERE rowid IN (SELECT seq FROM clients WHERE id IN (SELECT value FROM json_each(?)))',
        )
        .run(JSON.stringify(clientIds));
    } else {
      wb.sqlite.exec('DELETE FROM client_search');
    }
    for (const row of collect(wb, clientIds ?? null)) insert.run(row.seq, row.text);
  });
}

/** The next free `seq` for a new client. */
export function nextSeq(wb: Workbook): number {
  const row = wb.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM clients').get() as {
    next: number;
  };
  return row.next;
}

/** True when the search box text is matched through the full-text index (a word of 3+ characters). */
export function usesFullText(query: string | undefined): boolean {
  const q = query?.trim() ?? '';
  if (!q) return false;
  const words = isPhoneQuery(q) ? [digitsOf(q)] : fold(q).split(/\s+/);
  return words.some((w) => w.length >= 3);
}

interface SearchWords {
  /** One or two characters typed so far: matched against the start of the name. */
  prefix: string | null;
  /** The full-text index's MATCH expression for the words of three or more characters. */
  match: string | null;
  /** Words shorter than three characters beside longer ones, matched as substrings. */
  short: string[];
}

/** How the search box text is matched: a name prefix, or index words and short words. */
export function searchWords(query: string): SearchWords {
  const q = query.trim();
  const none: SearchWords = { prefix: null, match: null, short: [] };
  if (!q) return none;
  const words = isPhoneQuery(q) ? [digitsOf(q)] : fold(q).split(/\s+/).filter(Boolean);
  // One or two characters typed so far (letters or digits): match the start of the name
  // through the name index; a digit run is matched in phones from the third digit on.
  if (words.length === 1 && words[0]!.length < 3) {
    return { ...none, prefix: isPhoneQuery(q) ? q : words[0]! };
  }
  const long = words.filter((w) => w.length >= 3);
  const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;
  // A phone is also looked for in its normalised form (`8 912 3` as `7912 3…`), as indexed.
  const match = isPhoneQuery(q)
    ? phoneNeedles(q)
        .filter((n) => n.length >= 3)
        .map(quoted)
        .join(' OR ')
    : long.map(quoted).join(' AND ');
  return {
    prefix: null,
    match: long.length > 0 ? match : null,
    short: words.filter((w) => w.length < 3),
  };
}

/**
 * Conditions that make a client match the search box. Words of three or more characters go
 * through the trigram index; shorter words fall back to a substring test on the folded text.
 */
export function searchConditions(query: string): SQL[] {
  const { prefix, match, short } = searchWords(query);
  if (prefix !== null) {
    return [sql`${clients.nameFold} >= ${prefix} AND ${clients.nameFold} < ${`${prefix}\uffff`}`];
  }
  const conditions: SQL[] = [];
  if (match !== null) {
    conditions.push(
      sql`${clients.seq} IN (SELECT rowid FROM client_search WHERE client_search MATCH ${match})`,
    );
  }
  for (const w of short) {
    const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${clients.searchText} LIKE ${pattern} ESCAPE '\\'`);
  }
  return conditions;
}
