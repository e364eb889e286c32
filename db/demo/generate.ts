/**
 * Builds a realistic workbook of any size for the benchmark: clients (mostly Russian people, some
 * companies), custom portrait fields, comments, three years of seasonal sales with churn, and a
 * `create` batch in history for every client. Deterministic from a seed; written straight into
 * a migrated workbook with prepared statements in large transactions, then the search index is
 * built once.
 */
import fs from 'node:fs';
import type { ClientRow } from '../../electron/api/contract';
import { CLIENT_FIELDS } from '../../kernel/client-fields';
import { derived } from '../queries/client-derived';
import { reindexClients, SEARCH_INDEX_VERSION } from '../queries/search';
import { writeSetting } from '../queries/settings';
import { openWorkbook, type Workbook } from '../workbook';
import { makeBuyer, makeComments, makeSales, stageOf } from './behaviour';
import { BENCH_FIELDS, makeCustomValues } from './custom-fields';
import { makeIdentity } from './people';
import { Rng } from './prng';
import { IdSource, prepareWriter, writeCreateBatch, writeDeleteBatch, type Writer } from './writer';
import { BRANDS, CHANNEL_WEIGHTS, CHANNELS, LOST_REASONS, MANAGER_NAMES, TAGS } from './vocabulary';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const CHUNK = 5000;

export interface GenerateOptions {
  /** The workbook file to create; it must not exist yet. */
  file: string;
  migrationsDir: string;
  /** Number of clients (default 100,000). */
  clients?: number;
  seed?: number;
  /** The moment the data ends at (default: now); fixed in tests for identical output. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  file: string;
  clients: number;
  sales: number;
  comments: number;
  changes: number;
  fieldValues: number;
  /** Time to write the rows, and to build the search index, ms. */
  writeMs: number;
  indexMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A seed per client, so that client `i` is the same whatever the workbook size. */
function clientSeed(seed: number, i: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca6b)) >>> 0;
}

export function generateWorkbook(options: GenerateOptions): GenerateResult {
  if (fs.existsSync(options.file)) throw new Error(`${options.file} exists already`);
  const total = options.clients ?? 100_000;
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const started = performance.now();
  const wb = openWorkbook(options.file, { migrationsDir: options.migrationsDir });
  try {
    // A fresh file that is thrown away on failure: no journal, no fsync, no per-row key checks.
    wb.sqlite.pragma('journal_mode = OFF');
    wb.sqlite.pragma('synchronous = OFF');
    wb.sqlite.pragma('foreign_keys = OFF');
    wb.sqlite.pragma('cache_size = -1048576');
    const indexes = dropIndexes(wb);
    const ids = new IdSource(new Rng(seed ^ 0x2545f491));
    const w = prepareWriter(wb);
    const setup = wb.transaction(() => writeSetup(w, ids, now));
    const counts = { sales: 0, comments: 0, changes: 0, fieldValues: 0 };
    for (let from = 0; from < total; from += CHUNK) {
      wb.transaction(() => {
        for (let i = from; i < Math.min(total, from + CHUNK); i++) {
          const c = writeClient(w, ids, setup, { seed, i, total, now });
          counts.sales += c.sales;
          counts.comments += c.comments;
          counts.changes += c.changes;
          counts.fieldValues += c.fieldValues;
        }
      });
      options.onProgress?.(Math.min(total, from + CHUNK), total);
    }
    wb.transaction(() => indexes.forEach((ddl) => wb.sqlite.exec(ddl)));
    const written = performance.now();
    reindexClients(wb);
    writeSetting(wb, 'searchIndexVersion', SEARCH_INDEX_VERSION, new Date(now));
    writeSetting(wb, 'language', 'ru', new Date(now));
    const indexed = performance.now();
    finish(wb);
    return {
      file: options.file,
      clients: total,
      ...counts,
      writeMs: written - started,
      indexMs: indexed - written,
    };
  } catch (error) {
    wb.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(options.file + suffix, { force: true });
    throw error;
  }
}

/**
 * Drops the secondary indexes of the bulk-filled tables (building them once, sorted, after the
 * load is several times faster than keeping them current row by row); returns their DDL.
 */
function dropIndexes(wb: Workbook): string[] {
  const rows = wb.sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('changes', 'sales', 'comments', 'field_values', 'batches')`,
    )
    .all() as { name: string; sql: string }[];
  for (const r of rows) wb.sqlite.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

/** Back to the durable settings the program expects, then close (checkpointing the WAL). */
function finish(wb: Workbook) {
  wb.sqlite.pragma('foreign_keys = ON');
  wb.sqlite.pragma('journal_mode = WAL');
  wb.sqlite.pragma('synchronous = FULL');
  wb.close();
}

interface Setup {
  managers: { id: string; name: string }[];
  fieldIds: Map<string, string>;
}

function writeSetup(w: Writer, ids: IdSource, now: number): Setup {
  const at = now - 5 * YEAR;
  const managers = MANAGER_NAMES.map((name, i) => {
    const id = ids.at(at + i);
    w.manager.run(id, name, null, i === MANAGER_NAMES.length - 1 ? 0 : 1, iso(at), iso(at));
    return { id, name };
  });
  LOST_REASONS.forEach((label, i) =>
    w.lostReason.run(ids.at(at + i), label, i, 1, iso(at), iso(at)),
  );
  const fieldIds = new Map<string, string>();
  BENCH_FIELDS.forEach((f, i) => {
    const id = ids.at(at + i);
    fieldIds.set(f.key, id);
    w.fieldDef.run(
      id,
      f.key,
      f.label,
      f.type,
      JSON.stringify(f.options),
      f.group,
      i,
      iso(at),
      iso(at),
    );
  });
  return { managers, fieldIds };
}

interface Place {
  seed: number;
  i: number;
  total: number;
  now: number;
}

const MANAGER_WEIGHTS = [18, 15, 13, 12, 10, 9, 8, 7, 5, 3];

function writeClient(w: Writer, ids: IdSource, setup: Setup, place: Place) {
  const { i, total, now } = place;
  const rng = new Rng(clientSeed(place.seed, i));
  // Created over the last four years, oldest first; sales only in the last three.
  const span = 4 * YEAR - 7 * DAY;
  const createdDay = now - 4 * YEAR + Math.floor((span * (i + rng.next())) / total / DAY) * DAY;
  const createdAt = createdDay + rng.int(9 * 3600, 19 * 3600) * 1000;
  const who = makeIdentity(rng, new Date(now).getUTCFullYear());
  const manager = rng.chance(0.9) ? rng.weighted(setup.managers, MANAGER_WEIGHTS) : null;
  const author = manager?.name ?? rng.pick(setup.managers).name;
  const salesFrom = Math.max(createdAt, now - 3 * YEAR);
  const buyer = makeBuyer(rng, who.kind === 'company', salesFrom, now);
  const sales = makeSales(rng, buyer, createdAt, salesFrom, now);
  const stage = stageOf(rng, sales, now);
  const row: ClientRow = {
    id: ids.at(createdAt),
    ...who,
    channel: rng.chance(0.8) ? rng.weighted(CHANNELS, CHANNEL_WEIGHTS) : null,
    managerId: manager?.id ?? null,
    stage,
    lostReason: stage === 'lost' ? rng.pick(LOST_REASONS) : null,
    tags: rng.chance(0.4) ? rng.some(TAGS, rng.int(1, 2)) : [],
    note: rng.chance(0.1) ? `Работает с ${rng.pick(BRANDS)}, предпочитает самовывоз` : null,
    externalId: rng.chance(0.3) ? `1С-${String(i + 1).padStart(6, '0')}` : null,
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt),
    deletedAt: rng.chance(0.01) ? iso(Math.min(now, createdAt + rng.int(1, 400) * DAY)) : null,
  };
  if (row.deletedAt) row.updatedAt = row.deletedAt;
  const d = derived(row);
  w.client.run(
    ...CLIENT_FIELDS.map((f) => (f === 'tags' ? JSON.stringify(row.tags) : row[f])),
    row.id,
    d.nameFold,
    d.searchText,
    d.tagsFold,
    d.phoneKey,
    d.phone2Key,
    i + 1,
    row.createdAt,
    row.updatedAt,
    row.deletedAt,
  );
  const custom = makeCustomValues(rng, who, now);
  let changes = writeCreateBatch(w, ids, row, author, custom, createdAt);
  for (const [field, value] of custom) {
    w.fieldValue.run(
      ids.at(createdAt),
      row.id,
      setup.fieldIds.get(field.key),
      JSON.stringify(value),
      row.createdAt,
    );
  }
  if (row.deletedAt) changes += writeDeleteBatch(w, ids, row.id, author, Date.parse(row.deletedAt));
  const comments = makeComments(rng, buyer, createdAt, now);
  for (const c of comments) {
    const at = iso(c.at);
    w.comment.run(ids.at(c.at), row.id, c.kind, c.touch, author, c.body, at, at, at, null);
  }
  for (const s of sales) {
    const at = iso(s.at);
    const docNo = `РН-${String(w.nextDoc()).padStart(7, '0')}`;
    w.sale.run(
      ids.at(s.at),
      row.id,
      s.date,
      s.amount,
      s.margin,
      s.category,
      s.product,
      s.quantity,
      docNo,
      row.managerId,
      at,
      at,
      null,
    );
  }
  return { sales: sales.length, comments: comments.length, changes, fieldValues: custom.length };
}
