/**
 * Writing the sales of an import, chunk after chunk inside the import's one transaction and
 * under its one batch: new sales through one cached statement, updates of existing sales field
 * by field with the old value kept. The new sales are recorded at the end, one history line
 * per client listing the ids of its new sales (`recordCreatedSales`): the undo takes exactly
 * those away, the card's history says how many the import added, and the analytics see the
 * client changed, without a history line per sale. The stages that follow sales are moved once
 * at the end, for every client the import touched.
 */
import type { Statement } from 'better-sqlite3';
import type { Workbook } from '../workbook';
import {
  countingIds,
  idSequence,
  idSequenceStart,
  recordChanges,
  type ChangeInput,
  type WriteContext,
} from './history';
import { SALES_CLIENT_INDEX } from './import-reads';
import { withPageCache } from './import-seen';
import { fold } from './search';
import {
  LatestDays,
  peopleInLadderOrder,
  readStageRules,
  type KnownPerson,
  type LadderPerson,
} from './stage-ladder';
import type { StageRules } from '../../electron/api/contract';

export interface SaleImportValues {
  date: string;
  amount: number;
  margin?: number | null;
  category?: string | null;
  product?: string | null;
  quantity?: number | null;
  docNo?: string | null;
}

export interface SaleImportOp {
  row: number;
  action: 'create' | 'update';
  clientId: string;
  /** The existing sale, for an update. */
  saleId: string | null;
  values: SaleImportValues;
  managerName: string | null;
  /** The client's place in the order of client ids, when the planner knows it (for sorting). */
  clientOrder?: number;
  /** The client as the stage ladder reads it, when the planner knows it (null in the trash). */
  known?: KnownPerson | null;
}

interface Statements {
  /** The greatest sale rowid. */
  last: Statement;
  read: Statement;
  update: Map<string, Statement>;
}

const cache = new WeakMap<Workbook, Statements>();

function statements(wb: Workbook): Statements {
  let s = cache.get(wb);
  if (!s) {
    s = {
      last: wb.sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM sales').pluck(),
      read: wb.sqlite.prepare(
        'SELECT margin, category, product, quantity, manager_id FROM sales WHERE id = ?',
      ),
      update: new Map(
        SALE_FIELDS.map(([, column]) => [
          column,
          wb.sqlite.prepare(`UPDATE sales SET ${column} = ?, updated_at = ? WHERE id = ?`),
        ]),
      ),
    };
    cache.set(wb, s);
  }
  return s;
}

const SALE_FIELDS = [
  ['margin', 'margin'],
  ['category', 'category'],
  ['product', 'product'],
  ['quantity', 'quantity'],
  ['managerId', 'manager_id'],
] as const;

/**
 * The clients an import's sales go to, for the stage ladder that follows: each with the latest
 * days of its new sales (`LatestDays`, found by the client's place in the order of ids when the
 * planner gave it), and each as the planner read it in the import's snapshot.
 */
export class FollowedClients {
  readonly days: LatestDays;
  /** The clients as the planner knew them; null once one came without. */
  private known: Map<string, KnownPerson | null> | null = new Map();

  constructor(rules: StageRules) {
    this.days = new LatestDays(rules);
  }

  /**
   * A sale written (created, or an existing one updated) for `op.clientId`. The client is noted
   * as the planner knew it at its first sale only (`days` counts the clients): a look-up in a
   * map of 100,000 clients for each of a million sales took half a second.
   */
  note(op: SaleImportOp): void {
    const { days } = this;
    const clients = days.size;
    if (op.action === 'create' && op.values.amount > 0) {
      days.add(op.clientId, op.values.date, op.clientOrder);
    } else days.touch(op.clientId, op.clientOrder);
    if (days.size === clients) return;
    const known = this.known;
    if (known && op.known === undefined) this.known = null;
    else known?.set(op.clientId, op.known ?? null);
  }

  /**
   * The live clients noted, as the planner read them, in the order the stage ladder reads many
   * (`moveStagesFromSales`); null when one came without.
   */
  people(): LadderPerson[] | null {
    return this.known ? peopleInLadderOrder(this.known.values()) : null;
  }
}

export class SaleWriter {
  inserted = 0;
  updated = 0;
  /** Updates whose values the workbook already held: nothing written, no history. */
  unchanged = 0;
  /** The clients written to and the latest days of their new sales (see `FollowedClients`). */
  private readonly followed: FollowedClients;
  private readonly s: Statements;
  private readonly at: string;
  /** A new sale with every field. */
  private readonly insert: Statement;
  /** A new sale with its client, date and amount only, as most rows of a 1C file come. */
  private readonly insertBare: Statement;
  private changes: ChangeInput[] = [];
  private readonly newId: () => string;
  /** How the new sales' ids follow from their rowids, when they are written so. */
  private readonly sequence: SaleIdsByRowid | null = null;

  constructor(
    private readonly ctx: WriteContext,
    private readonly batchId: string,
    /** Managers by folded name (the file's new ones created already). */
    private managers: Map<string, string>,
    /**
     * The greatest sale rowid before the import, when no other sale is written in its
     * transaction: the n-th new sale then takes the n-th id of one sequence and, from SQLite
     * (the greatest rowid plus one), the rowid `before + n` (`idsByRowid`), as the kept
     * check's run writes them.
     */
    before: number | null = null,
  ) {
    this.s = statements(ctx.wb);
    const start = before === null ? null : idSequenceStart(ctx);
    if (start) {
      this.sequence = { ...start, before: before! };
      this.newId = countingIds(start.prefix, start.counter);
    } else this.newId = idSequence(ctx);
    this.at = ctx.now().toISOString();
    // The run's one time stands in the statements (an ISO string: digits, '-', ':', '.', 'T'
    // and 'Z'), and a row without the optional fields binds only what it has: each value bound
    // is converted and copied per row, and a million rows of 12 took a third of a second more
    // than of 4.
    const at = `'${this.at}', '${this.at}'`;
    this.insert = ctx.wb.sqlite.prepare(
      `INSERT INTO sales (id, client_id, date, amount, margin, category, product, quantity, doc_no, manager_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${at})`,
    );
    this.insertBare = ctx.wb.sqlite.prepare(
      `INSERT INTO sales (id, client_id, date, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ${at})`,
    );
    this.followed = new FollowedClients(readStageRules(ctx.wb));
  }

  /**
   * Every client a written sale belongs to, with the latest days of its new sales (for the
   * stage ladder, which adds the days of the sales that were there before).
   */
  get days(): LatestDays {
    return this.followed.days;
  }

  /**
   * How the ids of the sales written follow from their rowids (for `recordCreatedSales`), or
   * null when they do not: SQLite gave the new sales the rowids after `before` unless the
   * greatest one was taken (2^63 − 1), which the count of rowids then shows.
   */
  idsByRowid(): SaleIdsByRowid | null {
    const sequence = this.sequence;
    if (!sequence || this.s.last.get() !== sequence.before + this.inserted) return null;
    return sequence;
  }

  /**
   * The live clients written to, as the planner read them in this transaction, in the order
   * the stage ladder reads many (`moveStagesFromSales`); null when one came without.
   */
  people(): LadderPerson[] | null {
    return this.followed.people();
  }

  /** The managers again, after the file named new ones and they were created. */
  useManagers(managers: Map<string, string>): void {
    this.managers = managers;
  }

  write(op: SaleImportOp): void {
    const managerId = op.managerName ? (this.managers.get(fold(op.managerName)) ?? null) : null;
    if (op.action === 'create') {
      const id = this.newId();
      const v = op.values;
      this.followed.note(op);
      if (
        managerId === null &&
        v.margin == null &&
        v.category == null &&
        v.product == null &&
        v.quantity == null &&
        v.docNo == null
      ) {
        this.insertBare.run(id, op.clientId, v.date, v.amount);
      } else {
        this.insert.run(
          id,
          op.clientId,
          v.date,
          v.amount,
          v.margin ?? null,
          v.category ?? null,
          v.product ?? null,
          v.quantity ?? null,
          v.docNo ?? null,
          managerId,
        );
      }
      this.inserted += 1;
    } else if (op.saleId) {
      this.followed.note(op);
      const changed = this.update(op, managerId);
      if (changed.length > 0) {
        this.changes.push(...changed);
        this.updated += 1;
      } else {
        this.unchanged += 1;
      }
    }
  }

  /** Records the history of the sales updated since the last flush. */
  flush(): void {
    recordChanges(this.ctx, this.batchId, this.changes);
    this.changes = [];
  }

  /** Fills in the fields of an existing sale that the file gives differently. */
  private update(op: SaleImportOp, managerId: string | null): ChangeInput[] {
    const before = this.s.read.get(op.saleId) as Record<string, unknown>;
    const next: Record<string, unknown> = { ...op.values, managerId };
    const changes: ChangeInput[] = [];
    for (const [field, column] of SALE_FIELDS) {
      const value = next[field];
      if (value === undefined || value === null || value === before[column]) continue;
      this.s.update.get(column)!.run(value, this.at, op.saleId);
      changes.push({
        entity: 'sale',
        entityId: op.saleId!,
        clientId: op.clientId,
        field,
        oldValue: before[column] ?? null,
        newValue: value,
      });
    }
    return changes;
  }
}

/** The id generator the `kartoteka_change_id()` SQL function calls, by connection. */
const changeIds = new WeakMap<Workbook, { next: () => string }>();

/** A fresh history id from SQL, for history lines written by one INSERT … SELECT. */
export function changeIdFunction(ctx: WriteContext): { next: () => string } {
  let slot = changeIds.get(ctx.wb);
  if (!slot) {
    const made = { next: ctx.newId };
    ctx.wb.sqlite.function('kartoteka_change_id', { deterministic: false }, () => made.next());
    changeIds.set(ctx.wb, made);
    slot = made;
  }
  return slot;
}

/** How the ids of sales written by one statement follow from their rowids (`idSequenceStart`). */
export interface SaleIdsByRowid {
  prefix: string;
  /** The sale at rowid `before + n` (n = 1, 2, …) has the id `prefix` + hex(counter + n − 1). */
  counter: number;
  before: number;
}

/**
 * The history of the sales an import created (every sale after rowid `before`: the import's
 * transaction wrote them all): one `sales`/`created` line per client whose new value is the
 * list of its new sales' ids, by date. One INSERT … SELECT: the new sales are read in the
 * order they were written and grouped by SQLite's sorter (which spills to disk beyond its
 * cache), so memory never holds the import's million ids and no id crosses into JavaScript.
 * When the ids follow from the rowids (`ids`, the kept check's run) and the import is a large
 * share of the table, the client index alone is walked instead: it holds each sale's client,
 * date and rowid, in the order of the lines, so neither the table is read nor a million rows
 * sorted (a second less on a million rows).
 */
export function recordCreatedSales(
  ctx: WriteContext,
  batchId: string,
  before: number,
  ids: SaleIdsByRowid | null = null,
  walk = false,
): void {
  const changeIds = changeIdFunction(ctx);
  changeIds.next = idSequence(ctx);
  const at = ctx.now().toISOString();
  const insert = `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)`;
  if (ids && walk) {
    ctx.wb.sqlite
      .prepare(
        `${insert}
         SELECT kartoteka_change_id(), 'sales', client_id, client_id, 'created', NULL,
                json_group_array(? || printf('%012x', (? + rowid) % 281474976710656) ORDER BY date, rowid),
                ?, ?, ?, ?
         FROM sales INDEXED BY ${SALES_CLIENT_INDEX} WHERE rowid > ? GROUP BY client_id ORDER BY client_id`,
      )
      .run(ids.prefix, BigInt(ids.counter - 1 - ids.before), ctx.actor(), at, batchId, at, before);
    return;
  }
  // NOT INDEXED: a pass over the new rows in rowid order, not a walk of the client index
  // that looks every sale up at a random place of the table.
  ctx.wb.sqlite
    .prepare(
      `${insert}
       SELECT kartoteka_change_id(), 'sales', client_id, client_id, 'created', NULL,
              json_group_array(id ORDER BY date, rowid), ?, ?, ?, ?
       FROM sales NOT INDEXED WHERE rowid > ? GROUP BY client_id ORDER BY client_id`,
    )
    .run(ctx.actor(), at, batchId, at, before);
}

/**
 * Whether the sales written after rowid `before` (`inserted` of them) are read faster by a
 * walk of the whole client index (sales by client, date and rowid: no sort, no table read)
 * than by their rowids and a sort: for a large import (`bulkRows`, as `suspendIndexes`) that
 * is a third of the table or more.
 */
export function walkClientIndex(before: number, inserted: number, bulkRows = BULK_ROWS): boolean {
  return inserted >= bulkRows && inserted * 2 >= before;
}

/** Secondary indexes a large sales import rebuilds once rather than updating row by row. */
export const BULK_INDEXES = [
  ['sales_date_idx', 'sales'],
  ['changes_client_idx', 'changes'],
] as const;

/**
 * The indexes a large sales run rebuilds: only the sales' date index. The run writes one
 * history line per client, in client order (`recordCreatedSales`), so the history's client
 * index takes them cheaply as they come; building it again would read the whole history.
 */
export const RUN_INDEXES = BULK_INDEXES.filter(([, table]) => table === 'sales');

/** Below this many rows an import updates every index as it goes. */
const BULK_ROWS = 100_000;

/**
 * An index `suspendIndexes` may drop, by name and table, with the page cache (in megabytes) its
 * build sorts in when that is not the caller's `sortRunsMb`.
 */
export type SuspendedIndex = readonly [name: string, table: string, sortRunsMb?: number];

/**
 * Before an import writes about `rows` sales (and as many history rows): drops each index above
 * whose table holds fewer rows than that, since building it once at the end, sorted, costs far
 * less than a million inserts at random places. Returns what builds them again, from their own
 * definitions, in the same transaction (a rollback brings them back by itself); each under a
 * page cache of its own sort runs, or else of `sortRunsMb` when given (see
 * `suspendSalesIndexes`), and its statistics taken again (`analyzeSampled`). The
 * indexes the import reads while it writes (sales by client and date, history by batch) are
 * kept.
 */
export function suspendIndexes(
  wb: Workbook,
  rows: number,
  bulkRows = BULK_ROWS,
  indexes: readonly SuspendedIndex[] = RUN_INDEXES,
  sortRunsMb: number | null = null,
): () => void {
  const dropped: { definition: string; name: string; sortRunsMb: number | null }[] = [];
  if (rows >= bulkRows) {
    // Each table counted once, however many of its indexes are asked about.
    const counts = new Map<string, number>();
    for (const [name, table, own] of indexes) {
      let count = counts.get(table);
      if (count === undefined) {
        count = wb.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        counts.set(table, count);
      }
      const definition = wb.sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
        .pluck()
        .get(name) as string | undefined;
      if (count >= rows || !definition) continue;
      wb.sqlite.exec(`DROP INDEX ${name}`);
      dropped.push({ definition, name, sortRunsMb: own ?? sortRunsMb });
    }
  }
  return () => {
    const built = dropped.splice(0);
    for (const { definition, sortRunsMb: mb } of built) {
      if (mb === null) wb.sqlite.exec(definition);
      else withPageCache(wb, mb, () => wb.sqlite.exec(definition));
    }
    analyzeSampled(
      wb,
      built.map((d) => d.name),
    );
  };
}

/**
 * Takes the statistics of these indexes for the query planner again, from a sample of each
 * (1,000 rows; 2 ms for either sales index of the bench, whose pages the build has just read):
 * dropping an index drops its statistics, and without those for both of the sales' indexes
 * SQLite looked for a chunk's repeats of a sale through the date index, reading every sale of
 * each day: 66–69 s instead of 0.3–0.4 s for 32,768 rows against 655,558 sales. The next open
 * would take them again (`PRAGMA optimize`); an import in between must not wait for it. Only
 * the indexes built again: a whole table's (`ANALYZE changes`) read pages of indexes nobody
 * touched, 80–650 ms on the bench's history.
 */
function analyzeSampled(wb: Workbook, indexes: string[]): void {
  if (indexes.length === 0) return;
  const before = wb.sqlite.pragma('analysis_limit', { simple: true }) as number;
  wb.sqlite.pragma('analysis_limit = 1000');
  try {
    for (const index of indexes) wb.sqlite.exec(`ANALYZE ${index}`);
  } finally {
    wb.sqlite.pragma(`analysis_limit = ${before}`);
  }
}

/**
 * `suspendIndexes` for a sales run: the sales' date index, built again in sort runs of 2 MB.
 * SQLite's sorter sorts runs of up to the connection's cache size in memory and merges them from
 * a temporary file: a run of 2 MB stays in the CPU's cache, one of 128 MB (the import's cache)
 * does not. The dates of 1,700,000 sales, after an import of a million into the bench's
 * workbook, took 2.1–2.2 s in runs of 128 MB and 1.3–1.4 s in runs of 2 MB, merges included.
 * Shrinking the cache drops the pages nobody changed, so this is for an index whose sort costs
 * more than reading its table again: a client import's indexes, built over wide rows the cache
 * still holds, took twice as long so (0.5 → 1.0 s for 100,000 clients), and keep the cache.
 */
export function suspendSalesIndexes(wb: Workbook, rows: number, bulkRows = BULK_ROWS): () => void {
  return suspendIndexes(wb, rows, bulkRows, RUN_INDEXES, 2);
}

/**
 * The indexes the run after a kept check rebuilds: the sales' client index too, which a
 * planning run reads while it writes (repeats of earlier rows) and the kept run never does.
 * Built once under the import's own cache, its million inserts at scattered places go: the
 * write and the builds of a million sales took 6.9–7.1 s instead of 7.9–8.3 s in a bare test of
 * both ways, alternated (2 MB sort runs built the wide client keys slower).
 */
const KEPT_RUN_INDEXES: readonly SuspendedIndex[] = [
  ['sales_date_idx', 'sales', 2],
  [SALES_CLIENT_INDEX, 'sales'],
];

/** `suspendSalesIndexes` for the run after a kept check (`KEPT_RUN_INDEXES`). */
export function suspendKeptSalesIndexes(
  wb: Workbook,
  rows: number,
  bulkRows = BULK_ROWS,
): () => void {
  return suspendIndexes(wb, rows, bulkRows, KEPT_RUN_INDEXES);
}
