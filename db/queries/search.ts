/**
 * The full-text index of clients (FTS5 trigram): what text a client is found by, and keeping
 * the index current. Called by the write paths inside their transactions. Two tables, both
 * keyed by the client's `seq`: `client_search` holds a client's text, custom text values and
 * comment bodies; `client_tag_search` its tags (`tags_fold`), so that a tag edit over many
 * clients rewrites short rows only. A word is found in either.
 */
import { sql, type SQL } from 'drizzle-orm';
import { phoneNeedles } from '../../kernel/phones';
import type { Workbook } from '../workbook';
import { clients } from '../schema';
import { prepared } from './prepared';

/**
 * Bump when the indexed text changes shape: the derived columns and the index are rebuilt on
 * the next open. 2: phones are indexed in their normalised form too. 3: tags are indexed apart.
 * 4: a phone's typed digits only where its normalised form does not hold them.
 */
export const SEARCH_INDEX_VERSION = 4;

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

const folding = new WeakSet<Workbook>();

/** Lets this connection's SQL fold text as `fold` does (`kartoteka_fold(text)`). */
function registerFold(wb: Workbook): void {
  if (folding.has(wb)) return;
  wb.sqlite.function('kartoteka_fold', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? fold(s) : s,
  );
  folding.add(wb);
}

/**
 * Writes the index rows of the live clients (those among `clientIds`, or all) with the text
 * the index should hold: standard text fields and phone digits (`search_text`), custom text
 * and choice values, and comment bodies. One statement, in rowid order (FTS5 flushes its
 * pending terms whenever a rowid comes out of order): 100,000 clients' text never passes
 * through JavaScript. The unary plus keeps SQLite off the (deleted_at, name) index.
 */
function insertIndexRows(wb: Workbook, clientIds: string[] | null): void {
  registerFold(wb);
  wb.sqlite
    .prepare(
      `INSERT INTO client_search (rowid, body)
       SELECT c.seq, c.search_text
         || coalesce(' ' || (SELECT group_concat(kartoteka_fold(v.value), ' ') FROM field_values v
              JOIN field_defs d ON d.id = v.field_id
              WHERE v.client_id = c.id AND d.type IN ('text', 'choice', 'multichoice')), '')
         || coalesce(' ' || (SELECT group_concat(kartoteka_fold(m.body), ' ') FROM comments m
              WHERE m.client_id = c.id AND m.deleted_at IS NULL), '')
       FROM clients c WHERE +c.deleted_at IS NULL AND c.seq IS NOT NULL
         ${clientIds ? 'AND c.id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY c.seq`,
    )
    .run(...(clientIds ? [JSON.stringify(clientIds)] : []));
}

/** Writes the tag index rows of the live clients with tags (those among `clientIds`, or all). */
function insertTagRows(wb: Workbook, clientIds: string[] | null): void {
  wb.sqlite
    .prepare(
      `INSERT INTO client_tag_search (rowid, tags)
       SELECT seq, tags_fold FROM clients
       WHERE +deleted_at IS NULL AND seq IS NOT NULL AND tags_fold <> ''
         ${clientIds ? 'AND id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY seq`,
    )
    .run(...(clientIds ? [JSON.stringify(clientIds)] : []));
}

/** The index rows of the clients whose ids `idsJson` (a JSON array) lists, from `table`. */
function deleteRows(wb: Workbook, table: 'client_search' | 'client_tag_search', idsJson: string) {
  // One statement: deleting 100,000 index rows one by one takes seconds more.
  wb.sqlite
    .prepare(
      `DELETE FROM ${table} WHERE rowid IN (SELECT seq FROM clients WHERE id IN (SELECT value FROM json_each(?)))`,
    )
    .run(idsJson);
}

/** Takes the given clients out of the index (they went to the trash or away). */
export function unindexClients(wb: Workbook, clientIds: string[]): void {
  const idsJson = JSON.stringify(clientIds);
  deleteRows(wb, 'client_search', idsJson);
  deleteRows(wb, 'client_tag_search', idsJson);
}

/** Rewrites the index rows, text and tags, of the given clients (all clients when omitted). */
export function reindexClients(wb: Workbook, clientIds?: string[]): void {
  wb.transaction(() => {
    if (clientIds) {
      reindexText(wb, clientIds);
      deleteRows(wb, 'client_tag_search', JSON.stringify(clientIds));
      insertTagRows(wb, clientIds);
      return;
    }
    // The whole index emptied at once, not row by row (a DELETE of every row of a contentless
    // index leaves a deletion behind for each, which the writes after it merge away), and
    // written again under a large buffer of pending terms: on the bench's 100,000 clients
    // (25 MB of text with their comments) 5.3 s instead of 9.9 s plus the DELETE.
    wb.sqlite.exec(
      `INSERT INTO client_search (client_search) VALUES ('delete-all');
       INSERT INTO client_tag_search (client_tag_search) VALUES ('delete-all')`,
    );
    withSearchBuffer(wb, true, () => insertIndexRows(wb, null));
    insertTagRows(wb, null);
  });
}

/**
 * Rewrites the text index rows of the given clients, not their tag rows: only their text
 * changed (a phone, a note, a comment, a custom text value). A tag row written again for
 * nothing is a segment more for FTS5 to merge.
 */
export function reindexText(wb: Workbook, clientIds: string[]): void {
  wb.transaction(() => {
    deleteRows(wb, 'client_search', JSON.stringify(clientIds));
    insertIndexRows(wb, clientIds);
  });
}

/** FTS5's own default for `hashsize`: its pending terms are written out every megabyte. */
const FTS_HASHSIZE_DEFAULT = 1_048_576;

/**
 * Runs `fn` with a 64 MB buffer of pending terms for the text index when `large` (many clients
 * written at once). By default FTS5 writes a segment every megabyte and merges them as it goes:
 * for 100,000 new clients that is a third of the index's cost. The setting lives in the index's
 * config table; it is put back (inside the same transaction, so a rollback puts it back too).
 */
export function withSearchBuffer<T>(wb: Workbook, large: boolean, fn: () => T): T {
  if (!large) return fn();
  // FTS5 takes the size as an integer only, and a bound JavaScript number arrives as a real.
  const set = (bytes: number) =>
    wb.sqlite.exec(
      `INSERT INTO client_search (client_search, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`,
    );
  const before = wb.sqlite
    .prepare("SELECT v FROM client_search_config WHERE k = 'hashsize'")
    .pluck()
    .get() as number | undefined;
  set(64 * 1_048_576);
  const result = fn();
  set(before ?? FTS_HASHSIZE_DEFAULT);
  return result;
}

/** From this many clients, and at least half of the live ones, `reindexTags` rewrites it all. */
export const REWRITE_TAGS_FROM = 1000;

/**
 * Rewrites the tag index rows of the given clients: only their tags changed. `indexed`: those
 * of them that may have a row now (had tags); taking out a row that is not there costs as much.
 * For most of the base (a bulk tag edit or its undo over every client) the whole tag index is
 * emptied at once and written again from the clients: taking out 100,000 rows one by one cost
 * 0.8 s more than writing the live clients' rows afresh.
 */
export function reindexTags(wb: Workbook, clientIds: string[], indexed = clientIds): void {
  wb.transaction(() => {
    if (clientIds.length >= REWRITE_TAGS_FROM && clientIds.length * 2 >= liveClients(wb)) {
      wb.sqlite.exec("INSERT INTO client_tag_search (client_tag_search) VALUES ('delete-all')");
      insertTagRows(wb, null);
      return;
    }
    if (indexed.length > 0) deleteRows(wb, 'client_tag_search', JSON.stringify(indexed));
    insertTagRows(wb, clientIds);
  });
}

/** The clients not in the trash (counted on the live-name index, not the table). */
function liveClients(wb: Workbook): number {
  return wb.sqlite
    .prepare('SELECT count(*) FROM clients WHERE deleted_at IS NULL')
    .pluck()
    .get() as number;
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
  /**
   * The index's MATCH expressions, one per word of three or more characters (one for a phone,
   * its forms ORed): a client is found when each matches its text or its tags.
   */
  terms: string[];
  /** Words shorter than three characters beside longer ones, matched as substrings. */
  short: string[];
}

/** How the search box text is matched: a name prefix, or index words and short words. */
export function searchWords(query: string): SearchWords {
  const q = query.trim();
  const none: SearchWords = { prefix: null, terms: [], short: [] };
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
  const terms = isPhoneQuery(q)
    ? [
        phoneNeedles(q)
          .filter((n) => n.length >= 3)
          .map(quoted)
          .join(' OR '),
      ]
    : long.map(quoted);
  return {
    prefix: null,
    terms: long.length > 0 ? terms : [],
    short: words.filter((w) => w.length < 3),
  };
}

/** The `seq` of the clients whose text or tags match one term; takes the term twice. */
export const TERM_HITS = `SELECT rowid FROM client_search WHERE client_search MATCH ?
  UNION SELECT rowid FROM client_tag_search WHERE client_tag_search MATCH ?`;

/** The same when no client's tags match the term: no union to deduplicate; takes it once. */
export const TEXT_HITS = `SELECT rowid FROM client_search WHERE client_search MATCH ?`;

/**
 * Whether any client's tags match each of these terms. Tags are a few short words, so most
 * words typed match none, and their hits are then the text index's alone: counting or
 * listing those skips the union (for «ова», 38,944 hits on 100,000 clients: 3.7 → 1.1 ms).
 */
export function tagsMatch(wb: Workbook, terms: readonly string[]): boolean {
  const any = prepared(
    wb,
    'SELECT 1 FROM client_tag_search WHERE client_tag_search MATCH ? LIMIT 1',
  );
  return terms.some((term) => any.get(term) !== undefined);
}

/** A client is found by one index term: in its text, or in its text or tags. */
export function termCondition(term: string, withTags: boolean): SQL {
  return withTags
    ? sql`${clients.seq} IN (SELECT rowid FROM client_search WHERE client_search MATCH ${term}
        UNION SELECT rowid FROM client_tag_search WHERE client_tag_search MATCH ${term})`
    : sql`${clients.seq} IN (SELECT rowid FROM client_search WHERE client_search MATCH ${term})`;
}

/**
 * Conditions that make a client match the search box. Words of three or more characters go
 * through the trigram indexes (`withTags: false` when `tagsMatch` found no tag for any);
 * shorter words fall back to a substring test on the folded text and tags.
 */
export function searchConditions(query: string, withTags = true): SQL[] {
  const { prefix, terms, short } = searchWords(query);
  if (prefix !== null) {
    return [sql`${clients.nameFold} >= ${prefix} AND ${clients.nameFold} < ${`${prefix}\uffff`}`];
  }
  const conditions: SQL[] = terms.map((term) => termCondition(term, withTags));
  for (const w of short) {
    const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${clients.searchText} LIKE ${pattern} ESCAPE '\\' OR ${clients.tagsFold} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return conditions;
}
