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

/**
 * A 52-bit hash of a key (two FNV-1a lanes): the table's index holds these numbers, a tenth
 * of the keys' size, and the keys themselves are compared after, so a collision costs a
 * look, never a wrong answer.
 */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}

export function seenKeysTable(wb: Workbook, hash: (key: string) => number = keyHash): SeenKeys {
  // A 64 MB cache for the temporary database (2 MB by default). The keys arrive in no order:
  // a tree of the keys themselves (60 bytes each) outgrew it at a million rows and went to the
  // temporary file; the rows are appended in order and only the index of their hashes is
  // written at random places, and it stays in memory.
  wb.sqlite.pragma('temp.cache_size = -65536');
  wb.sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS import_seen_keys (hash INTEGER NOT NULL, key TEXT NOT NULL, row INTEGER NOT NULL);
     CREATE INDEX IF NOT EXISTS temp.import_seen_keys_hash ON import_seen_keys (hash);
     DELETE FROM temp.import_seen_keys;`,
  );
  const insert = wb.sqlite.prepare(
    'INSERT INTO temp.import_seen_keys (hash, key, row) VALUES (?, ?, ?)',
  );
  // In the order they were added: a key added again names its later row, as before.
  const find = wb.sqlite.prepare(
    `SELECT key, row FROM temp.import_seen_keys
     WHERE hash IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  );
  return {
    add: (key, row) => void insert.run(hash(key), key, row),
    find(keys) {
      const wanted = new Set(keys);
      const out = new Map<string, number>();
      const rows = find.raw().all(JSON.stringify(keys.map(hash))) as [string, number][];
      for (const [key, row] of rows) if (wanted.has(key)) out.set(key, row);
      return out;
    },
    drop: () => wb.sqlite.exec('DROP TABLE IF EXISTS temp.import_seen_keys'),
  };
}

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
