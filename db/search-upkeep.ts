/**
 * Keeping the search indexes (FTS5) quick to write on a large workbook: the query planner's
 * statistics of their data tables.
 */
import type Database from 'better-sqlite3';

/** The search indexes, each an FTS5 table. */
export const SEARCH_INDEXES = ['client_search', 'client_tag_search'] as const;

/**
 * The least row count the statistics may give an index's data table (`…_data`). FTS5 drops a
 * merged segment's pages with `DELETE … WHERE id >= ? AND id <= ?`; with statistics taken when
 * the index was nearly empty (2 rows: what a new workbook's first open records, kept until an
 * open sees the table ten times larger) SQLite scans the whole table for it instead. The bench's
 * workbook (100,000 clients and their comments: a 78 MB index) carrying that count took
 * 0.35–0.9 s for every sixteenth edit (FTS5's merge of 16 small segments) instead of under a
 * millisecond. The index's own statements only ever look rows up by key, so a large count can
 * never mislead them.
 */
export const DATA_ROWS_FLOOR = 10_000;

/**
 * Raises the statistics of the indexes' data tables to `DATA_ROWS_FLOOR` where they say less,
 * after `PRAGMA optimize` took them, and has the planner read them again. An index that really
 * is that small is analysed again at the next open (its size is ten times off), and raised
 * again: that costs nothing on a table of a few rows.
 */
export function floorSearchStatistics(sqlite: Database.Database): void {
  const stat = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'")
    .get();
  if (!stat) return;
  const raised = sqlite
    .prepare(
      `UPDATE sqlite_stat1 SET stat = ?
       WHERE idx IS NULL AND tbl IN (SELECT value FROM json_each(?))
         AND CAST(stat AS INTEGER) < ?`,
    )
    .run(
      String(DATA_ROWS_FLOOR),
      JSON.stringify(SEARCH_INDEXES.map((name) => `${name}_data`)),
      DATA_ROWS_FLOOR,
    ).changes;
  if (raised > 0) sqlite.exec('ANALYZE sqlite_schema');
}
