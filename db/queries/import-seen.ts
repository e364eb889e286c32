/**
 * What a sales import keeps outside the JavaScript heap: the keys of the rows a check would
 * write, in a temporary table of its connection (SQLite keeps it on disk beyond its page
 * cache), and the page cache a large import (or its undo) works with.
 */
import type { Workbook } from '../workbook';

export interface SeenKeys {
  add(key: string, row: number): void;
  /** The rows recorded for these keys. */
  find(keys: string[]): Map<string, number>;
  drop(): void;
}

export function seenKeysTable(wb: Workbook): SeenKeys {
  // The keys arrive in no order: a 64 MB cache for the temporary database (2 MB by default)
  // keeps their tree's pages in memory rather than in the temporary file.
  wb.sqlite.pragma('temp.cache_size = -65536');
  wb.sqlite.exec(
    'CREATE TEMP TABLE IF NOT EXISTS import_seen_sales (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID',
  );
  wb.sqlite.exec('DELETE FROM temp.import_seen_sales');
  // The keys go in a batch per statement, in order (a later row of a key replaces the earlier
  // one, as row by row): a million statements cost more than the tree's inserts themselves.
  const insert = wb.sqlite.prepare(
    `INSERT OR REPLACE INTO temp.import_seen_sales (key, row)
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
  );
  const find = wb.sqlite.prepare(
    'SELECT key, row FROM temp.import_seen_sales WHERE key IN (SELECT value FROM json_each(?))',
  );
  let pending: [string, number][] = [];
  const flush = () => {
    if (pending.length === 0) return;
    insert.run(JSON.stringify(pending));
    pending = [];
  };
  return {
    add(key, row) {
      pending.push([key, row]);
      if (pending.length >= PENDING_KEYS) flush();
    },
    find(keys) {
      flush();
      return new Map(find.raw().all(JSON.stringify(keys)) as [string, number][]);
    },
    drop() {
      pending = [];
      wb.sqlite.exec('DROP TABLE IF EXISTS temp.import_seen_sales');
    },
  };
}

/** Keys held before they are written to the temporary table: a bounded batch. */
const PENDING_KEYS = 5_000;

/**
 * A large import touches index pages all over the sales and history tables: a page cache of
 * `mb` megabytes (SQLite's default is 2) keeps them in memory instead of spilling and re-reading
 * them for every row, and bounds the connection's memory whatever the size of the file.
 */
export function usePageCache(wb: Workbook, mb: number): void {
  wb.sqlite.pragma(`cache_size = -${mb * 1024}`);
}

/**
 * Runs `fn` with a page cache of `mb` megabytes on this connection, then gives the memory back:
 * for one large write (undoing an import of a million rows) on the main connection, whose
 * everyday cache stays small.
 */
export function withPageCache<T>(wb: Workbook, mb: number, fn: () => T): T {
  const before = wb.sqlite.pragma('cache_size', { simple: true }) as number;
  usePageCache(wb, mb);
  try {
    return fn();
  } finally {
    wb.sqlite.pragma(`cache_size = ${before}`);
  }
}
