/**
 * One page of the client list and how many clients the list holds, read the fast way for what
 * is asked. A search with the full-text index finds anything from a handful to tens of
 * thousands of clients per keystroke; the rows and the total are the same either way, only
 * SQLite's path to them changes:
 * - a search that finds few clients sorts them by name; one that finds many walks the name
 *   index and keeps the matching rows (on 100,000 clients, «про» finds 37,498: sorting them
 *   takes 30 ms, the walk 4 ms; «прох» finds 255: 1 ms sorted, 130 ms walked), as far as a
 *   walk costs less than the sort;
 * - the total of a plain search is the index's count of hits, without reading their rows.
 */
import type { Statement } from 'better-sqlite3';
import { and, count, sql, type SQL } from 'drizzle-orm';
import type { ClientListInput } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { clients } from '../schema';
import { FilterCompiler } from './client-filters';
import { prepared as preparedOnce } from './prepared';
import { fold, isPhoneQuery, searchWords, tagsMatch, TERM_HITS, TEXT_HITS } from './search';

type ClientRecord = typeof clients.$inferSelect;

/**
 * Walking the name index costs about four times a sorted hit per row it passes (it reads the
 * row to see its `seq`, in name order rather than in the file's order), and passes
 * `clients / hits` rows per row it keeps when the hits are spread over the alphabet.
 */
const WALK_COST = 4;

const bigCache = new WeakSet<Workbook>();

/** A statement prepared once per workbook: typing runs the same few again and again. */
function prepared(wb: Workbook, text: string): Statement {
  if (!bigCache.has(wb)) {
    bigCache.add(wb);
    // 64 MB of pages instead of SQLite's 2 MB: a search reads rows all over a large workbook,
    // and typing reads the same ones again keystroke after keystroke. (Set here, at the first
    // list, not at the open: a damaged workbook's schema must not stop its opening.)
    wb.sqlite.pragma('cache_size = -65536');
  }
  return preparedOnce(wb, text);
}

/**
 * Reads the indexes typing in the search box walks into the connection's page cache, for the
 * app to call once the first screen is up: the one a search sorts its hits in, and the live
 * list in name order (a prefix's count, a walk). The first searches of a session otherwise pay
 * for them: their rows are spread over the whole index, and each page SQLite meets for the
 * first time costs several times a cached one (on 100,000 clients, the first «мор», 4,911 hits:
 * 90–190 ms against 10 ms for the next one; the index read in order beforehand: 13–35 ms, once).
 */
export function warmSearch(wb: Workbook): void {
  for (const index of ['clients_seq_live_name_idx', 'clients_live_name_idx']) {
    prepared(wb, `SELECT count(*) FROM clients INDEXED BY ${index} WHERE deleted_at IS NULL`).get();
  }
}

/**
 * How many live clients the full-text match finds, counted in the index alone. The index holds
 * exactly the live clients: every write path rewrites a client's index row in the transaction
 * that changes it, and takes it out when the client goes to the trash (db/queries/search.ts).
 * Counting through the clients' rows instead costs 30 ms for «про» on 100,000 clients.
 */
function indexHits(wb: Workbook, terms: string[], withTags: boolean): number {
  const { sql: hits, params } = termHits(terms, withTags);
  return prepared(wb, `SELECT count(*) FROM (${hits})`)
    .pluck()
    .get(...params) as number;
}

/** The `seq` of the clients every term finds (in their text, or text or tags), and its params. */
function termHits(terms: string[], withTags: boolean): { sql: string; params: string[] } {
  const one = withTags ? TERM_HITS : TEXT_HITS;
  return {
    sql: terms.map(() => `SELECT rowid FROM (${one})`).join(' INTERSECT '),
    params: terms.flatMap((t) => (withTags ? [t, t] : [t])),
  };
}

export interface ListPage {
  records: ClientRecord[];
  total: number;
}

export function readListPage(
  wb: Workbook,
  input: NonNullable<ClientListInput>,
  today: string,
): ListPage {
  const compiler = new FilterCompiler(wb, today);
  const limit = input.limit ?? 100;
  const offset = input.offset ?? 0;
  const words = searchWords(input.query ?? '');
  const page = (where: SQL | undefined, byName: boolean) =>
    wb.db
      .select()
      .from(clients)
      .where(where)
      .orderBy(...compiler.orderBy(input.sort, input.query, byName))
      .limit(limit)
      .offset(offset)
      .all();
  // Only a search over the whole live list by name: filters and the trash keep the plan that
  // starts from the matching rows.
  const plain =
    words.terms.length > 0 &&
    !input.trash &&
    (input.filters ?? []).length === 0 &&
    (!input.sort || input.sort.field === 'name');
  if (!plain) {
    const where = compiler.where(input);
    const everyone =
      !input.trash && (input.filters ?? []).length === 0 && !(input.query ?? '').trim();
    return { records: page(where, false), total: everyone ? liveCount(wb) : countWhere(wb, where) };
  }
  const withTags = tagsMatch(wb, words.terms);
  const hits = indexHits(wb, words.terms, withTags);
  const total = words.short.length === 0 ? hits : null;
  const clientsCount = prepared(wb, 'SELECT coalesce(max(seq), 0) FROM clients')
    .pluck()
    .get() as number;
  if (
    hits * hits > WALK_COST * (offset + limit) * clientsCount &&
    !crowded(wb, input.query, hits)
  ) {
    // The hits may crowd at one end of the alphabet (a surname being typed): the walk stops
    // at the name a quarter of the hits further on, and the sort takes over if it falls short.
    const desc = input.sort?.dir === 'desc';
    const stop = prepared(
      wb,
      `SELECT name_fold FROM clients WHERE deleted_at IS NULL
       ORDER BY name_fold ${desc ? 'DESC' : 'ASC'}, id ${desc ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ?`,
    )
      .pluck()
      .get(Math.floor(hits / WALK_COST)) as string | undefined;
    const within =
      stop === undefined
        ? undefined
        : desc
          ? sql`${clients.nameFold} >= ${stop}`
          : sql`${clients.nameFold} <= ${stop}`;
    const where = and(compiler.where(input, 'filters', true, withTags), within);
    const records = page(where, true);
    if (stop === undefined || records.length === limit) {
      return {
        records,
        total: total ?? countWhere(wb, compiler.where(input, 'filters', false, withTags)),
      };
    }
  }
  if (words.short.length === 0) {
    const desc = input.sort?.dir === 'desc';
    return { records: sortedHits(wb, words.terms, withTags, desc, limit, offset), total: hits };
  }
  const where = compiler.where(input, 'filters', false, withTags);
  return { records: page(where, false), total: total ?? countWhere(wb, where) };
}

/**
 * A page of the live clients the full-text match finds, sorted by name: the hits are sorted
 * in the index of (seq, deleted_at, name_fold, id), which holds all the sort needs, and only
 * the page's rows are read. Sorting the rows themselves read every hit's whole row (its notes,
 * its search text) from all over the file: «ова» (38,931 hits on 100,000 clients) 91 → 19 ms,
 * «михайл» 10 → 5 ms.
 */
function sortedHits(
  wb: Workbook,
  terms: string[],
  withTags: boolean,
  desc: boolean,
  limit: number,
  offset: number,
): ClientRecord[] {
  const dir = desc ? 'DESC' : 'ASC';
  // Those every term finds, as `indexHits` counts them.
  const { sql: hits, params } = termHits(terms, withTags);
  const ids = prepared(
    wb,
    `SELECT id FROM clients INDEXED BY clients_seq_live_name_idx
     WHERE seq IN (${hits}) AND deleted_at IS NULL
     ORDER BY name_fold ${dir}, id ${dir} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...params, limit, offset) as string[];
  if (ids.length === 0) return [];
  const rows = rowsById(wb).all({ ids: JSON.stringify(ids) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** Whole client rows by id (a JSON array): the query built and prepared once per workbook. */
function rowsById(wb: Workbook) {
  let query = byIdQueries.get(wb);
  if (!query) {
    query = prepareRowsById(wb);
    byIdQueries.set(wb, query);
  }
  return query;
}

function prepareRowsById(wb: Workbook) {
  return wb.db
    .select()
    .from(clients)
    .where(sql`${clients.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
    .prepare();
}

const byIdQueries = new WeakMap<Workbook, ReturnType<typeof prepareRowsById>>();

/**
 * A surname being typed finds mostly the clients whose name starts with it: its hits crowd at
 * one place of the alphabet and a walk from «A» would pass most of the list to reach them.
 */
function crowded(wb: Workbook, query: string | undefined, hits: number): boolean {
  const word = fold(query?.trim() ?? '');
  if (/\s/.test(word) || isPhoneQuery(word)) return false;
  const starting = prepared(
    wb,
    'SELECT count(*) FROM clients WHERE deleted_at IS NULL AND name_fold >= ? AND name_fold < ?',
  )
    .pluck()
    .get(word, `${word}\uffff`) as number;
  return starting * 2 > hits;
}

/**
 * How many live clients there are: every row, counted by SQLite in the smallest index (it
 * counts each page's entries, decoding none), less the trash, a short range of the live-name
 * index. Counting the live ones in that index decoded all 100,000 entries: 4.7 ms, and 80–140 ms
 * as the first call after the open (the list's first page at every start); now 0.1 / 12–22 ms.
 */
function liveCount(wb: Workbook): number {
  return prepared(
    wb,
    `SELECT (SELECT count(*) FROM clients)
       - (SELECT count(*) FROM clients WHERE deleted_at IS NOT NULL)`,
  )
    .pluck()
    .get() as number;
}

function countWhere(wb: Workbook, where: SQL | undefined): number {
  return wb.db.select({ n: count() }).from(clients).where(where).get()?.n ?? 0;
}
