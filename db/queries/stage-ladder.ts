/**
 * Stages follow sales: the ladder prospect → first purchase → repeat → regular, from each
 * client's purchase days. Written sales move the stage of clients whose stage no person set,
 * as a batch of its own (kind `bulk`, label `stageLadder`) that the journal shows and can
 * undo; for everyone else the ladder's stage is a suggestion the card and the list show and
 * "apply suggested stage" applies.
 *
 * "Set by hand" reads the history: the latest change of the client's stage came from a person
 * (a card edit, a bulk "set stage", an import with a stage column, an undo or a restore), not
 * from the ladder or "apply suggested stage". A card made with the default "prospect" is not.
 *
 * Set-based: three reads for any number of clients (their rows, their purchase days, their
 * latest stage change), never a query per client; the rule itself is plain code over them,
 * which is faster than making SQLite sort a million sales.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Stage, StageRules } from '../../electron/api/contract';
import { addMonths, localDayOf } from '../../kernel/local-date';
import type { Workbook } from '../workbook';
import { clients } from '../schema';
import { changeMark } from './change-mark';
import { prepared } from './prepared';
import {
  encode,
  idSequenceStart,
  recordChanges,
  startBatch,
  type ChangeInput,
  type WriteContext,
} from './history';
import { readSetting, writeSetting } from './settings';

export const DEFAULT_STAGE_RULES: StageRules = { auto: true, regularDays: 4, regularMonths: 12 };

/** Batch labels whose stage changes are the ladder's, not a person's. */
export const LADDER_LABELS: readonly string[] = ['stageLadder', 'applySuggestedStage'];

const LADDER_STAGES: ReadonlySet<Stage> = new Set([
  'prospect',
  'first_purchase',
  'repeat',
  'regular',
]);

export function readStageRules(wb: Workbook): StageRules {
  return { ...DEFAULT_STAGE_RULES, ...(readSetting<Partial<StageRules>>(wb, 'stageRules') ?? {}) };
}

export function writeStageRules(wb: Workbook, patch: Partial<StageRules>, now: Date): StageRules {
  const next = { ...readStageRules(wb), ...patch };
  writeSetting(wb, 'stageRules', next, now);
  return next;
}

/** The ladder's step for a client's distinct purchase days, oldest first. */
export function ladderStage(days: readonly string[], rules: StageRules): Stage {
  if (days.length === 0) return 'prospect';
  if (days.length === 1) return 'first_purchase';
  const since = addMonths(days[days.length - 1]!, -rules.regularMonths);
  let recent = 0;
  for (let i = days.length - 1; i >= 0 && days[i]! > since; i--) recent += 1;
  return recent >= rules.regularDays ? 'regular' : 'repeat';
}

export interface LadderRow {
  id: string;
  stage: Stage;
  /** The ladder's step from the purchase days. */
  ladder: Stage;
  /** The stage the sales point to when it differs from the client's, else null. */
  suggested: Stage | null;
  /** A person set the stage (see the file's comment): the ladder leaves it alone. */
  handSet: boolean;
}

/** Which clients to read: some by id, or every live client. */
type Scope = readonly string[] | 'all';

/** Above this many clients, one pass over a whole table beats an index look-up per client. */
const WHOLE_TABLE = 2_000;

function within(column: string, scope: Scope): { where: string; params: string[] } {
  if (scope === 'all') return { where: '1', params: [] };
  // A unary plus keeps SQLite off the client index: the table is read once, in order.
  const plus = scope.length > WHOLE_TABLE ? '+' : '';
  return {
    where: `${plus}${column} IN (SELECT value FROM json_each(?))`,
    params: [JSON.stringify(scope)],
  };
}

interface StageChange {
  at: string;
  id: string;
  kind: string;
  label: string | null;
  newValue: string | null;
}

/**
 * Each client's latest distinct purchase days, oldest first, at most `keep` of them: all that
 * `ladderStage` and the suggestion read (the last day, and whether `regularDays` days fall in
 * the window before it), so a sales import can follow its clients' days as it writes them, in
 * memory of a few numbers per client however long the file: a slot per client in typed arrays,
 * a day kept as the number YYYYMMDD (which sorts as its text does).
 */
export class LatestDays {
  /** False once a day was not `YYYY-MM-DD` (never from the app): the ladder then reads. */
  exact = true;
  private readonly slots = new Map<string, number>();
  private days = new Int32Array(0);
  private counts = new Uint8Array(0);
  private readonly keep: number;

  constructor(rules: StageRules) {
    this.keep = Math.max(2, rules.regularDays);
  }

  /**
   * The slots of clients an import names by their place in the order of ids (its planner's
   * `clientOrder`), plus one (0: none yet): a read of a typed array, where the map of slots by
   * id, a hundred thousand strings far apart in memory, took half a microsecond a sale.
   */
  private byOrder = new Int32Array(0);

  /**
   * A purchase day of a client (a sale with a positive amount). `order`: the client's place in
   * the order of ids, when the caller knows it (every call for this object must then give it
   * from the same numbering).
   */
  add(clientId: string, day: string, order?: number): void {
    this.addAt(order === undefined ? this.slot(clientId) : this.slotAt(clientId, order), day);
  }

  private addAt(slot: number, day: string): void {
    const n = dayNumber(day);
    if (n < 0) {
      this.exact = false;
      return;
    }
    const { days, keep } = this;
    const base = slot * keep;
    const count = this.counts[slot]!;
    if (count === keep && n <= days[base]!) return;
    let at = count;
    while (at > 0 && days[base + at - 1]! > n) at -= 1;
    if (at > 0 && days[base + at - 1] === n) return;
    if (count === keep) {
      // Full: the oldest day goes, the days up to the new one move down a place.
      days.copyWithin(base, base + 1, base + at);
      days[base + at - 1] = n;
    } else {
      days.copyWithin(base + at + 1, base + at, base + count);
      days[base + at] = n;
      this.counts[slot] = count + 1;
    }
  }

  /** How many clients were added or touched: a caller sees a new one by the count growing. */
  get size(): number {
    return this.slots.size;
  }

  /** A client with no purchase day yet, to be read with the others (`order` as for `add`). */
  touch(clientId: string, order?: number): void {
    if (order === undefined) this.slot(clientId);
    else this.slotAt(clientId, order);
  }

  /** Every client added or touched. */
  clients(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Each client's days as `ladderRows` takes them. */
  purchaseDays(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, slot] of this.slots) {
      const days: string[] = [];
      for (let i = 0; i < this.counts[slot]!; i += 1) {
        days.push(dayText(this.days[slot * this.keep + i]!));
      }
      out.set(id, days);
    }
    return out;
  }

  /**
   * Adds the purchase days of these clients' live sales up to rowid `upTo` (those that were
   * there before an import): one pass over those rows for many clients, the client index for
   * a few.
   */
  addWritten(wb: Workbook, upTo: number): void {
    const ids = [...this.slots.keys()];
    if (ids.length === 0) return;
    const many = ids.length > WHOLE_TABLE;
    const rows = wb.sqlite
      .prepare(
        many
          ? 'SELECT client_id, date FROM sales NOT INDEXED WHERE rowid <= ? AND deleted_at IS NULL AND amount > 0'
          : `SELECT client_id, date FROM sales WHERE rowid <= ? AND deleted_at IS NULL AND amount > 0
             AND client_id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .iterate(...(many ? [upTo] : [upTo, JSON.stringify(ids)])) as IterableIterator<
      [string, string]
    >;
    for (const [id, day] of rows) if (this.slots.has(id)) this.add(id, day);
  }

  private slotAt(clientId: string, order: number): number {
    const known = order < this.byOrder.length ? this.byOrder[order]! : 0;
    if (known > 0) return known - 1;
    const slot = this.slot(clientId);
    if (order >= this.byOrder.length) {
      const byOrder = new Int32Array(Math.max(1024, order + 1, this.byOrder.length * 2));
      byOrder.set(this.byOrder);
      this.byOrder = byOrder;
    }
    this.byOrder[order] = slot + 1;
    return slot;
  }

  private slot(clientId: string): number {
    let slot = this.slots.get(clientId);
    if (slot !== undefined) return slot;
    slot = this.slots.size;
    this.slots.set(clientId, slot);
    if (slot >= this.counts.length) {
      const size = Math.max(1024, this.counts.length * 2);
      const days = new Int32Array(size * this.keep);
      days.set(this.days);
      this.days = days;
      const counts = new Uint8Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    return slot;
  }
}

/** `YYYY-MM-DD` as the number YYYYMMDD, or -1 for any other text. */
function dayNumber(day: string): number {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const digit = day.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function dayText(n: number): string {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
}

/**
 * The stage changes of the clients `where` picks (on `ch.client_id`), with their batches: read
 * from `changes_client_stage_idx` alone, which holds all of it for the stage changes only.
 * CROSS JOIN keeps the changes the outer loop: for every client (after a large import) the
 * planner would otherwise start from the few batches and read each batch's every change from
 * the table (the history's sales lines too), three times the time for 80,000 stage changes.
 */
export function stageChangesSql(where: string): string {
  return `SELECT ch.client_id, ch.at, ch.id, b.kind, b.label, ch.new_value
    FROM changes ch CROSS JOIN batches b ON b.id = ch.batch_id
    WHERE ch.entity = 'client' AND ch.field = 'stage' AND ${where}`;
}

/** A live client as the ladder needs it: id, stage and when it was created. */
export type LadderPerson = readonly [id: string, stage: Stage, createdAt: string];

/** A live client as an import's check read it, with its rowid (the order the ladder reads in). */
export interface KnownPerson {
  person: LadderPerson;
  rowid: number;
}

/**
 * The clients an import's check knew, in the order the ladder reads many clients (a scan of the
 * table: rowid order), or null when that is not the order it would read them in (a few
 * clients, looked up by id) or a client was not known.
 */
export function peopleInLadderOrder(known: Iterable<KnownPerson | null>): LadderPerson[] {
  return [...known]
    .filter((k): k is KnownPerson => k !== null)
    .sort((a, b) => a.rowid - b.rowid)
    .map((k) => k.person);
}

/** What the caller already holds, so the ladder does not read it again. */
export interface LadderKnown {
  /** The latest purchase days of each client (see `LatestDays`). */
  bought?: ReadonlyMap<string, readonly string[]>;
  /** The scope's live clients themselves (a page of the list has just read them). */
  people?: readonly LadderPerson[];
}

/** The ladder, the suggestion and "set by hand" of every live client in the scope. */
export function ladderRows(
  wb: Workbook,
  rules: StageRules,
  scope: Scope,
  known: LadderKnown = {},
): LadderRow[] {
  if (scope !== 'all' && scope.length === 0) return [];
  const c = within('id', scope);
  // For a few ids, the unary plus keeps SQLite on the id index: the live-name index would
  // walk every live client instead (20 ms for a page of the list on 100,000 clients).
  const live = scope === 'all' ? 'deleted_at IS NULL' : '+deleted_at IS NULL';
  const people =
    known.people ??
    (wb.sqlite
      .prepare(`SELECT id, stage, created_at FROM clients WHERE ${live} AND ${c.where}`)
      .raw()
      .all(...c.params) as [string, Stage, string][]);
  const bought = known.bought;
  // For many clients (after a large import) their sales and stage changes are read whole: a
  // look-up of every row's client in a list of tens of thousands costs more than the rows of
  // the few clients outside it, which the map below simply never asks for.
  const rest: Scope = scope !== 'all' && scope.length > WHOLE_TABLE ? 'all' : scope;
  const wanted = rest === 'all' && scope !== 'all' ? new Set(scope) : null;
  const purchases = bought ?? purchaseDays(wb, rest, wanted);
  const h = within('ch.client_id', rest);
  const latest = new Map<string, StageChange>();
  for (const [id, at, changeId, kind, label, newValue] of prepared(wb, stageChangesSql(h.where))
    .raw()
    .iterate(...h.params) as IterableIterator<
    [string, string, string, string, string | null, string | null]
  >) {
    if (wanted && !wanted.has(id)) continue;
    const seen = latest.get(id);
    if (!seen || at > seen.at || (at === seen.at && changeId > seen.id))
      latest.set(id, { at, id: changeId, kind, label, newValue });
  }
  return people.map(([id, stage, createdAt]) => {
    const days = purchases.get(id) ?? [];
    const ladder = ladderStage(days, rules);
    const change = latest.get(id);
    const last = days[days.length - 1];
    let suggested: Stage | null = null;
    if (LADDER_STAGES.has(stage)) {
      if (days.length > 0 && ladder !== stage) suggested = ladder;
    } else if (stage === 'lost' && last && last > localDayOf(change?.at ?? createdAt)) {
      suggested = 'won_back';
    }
    const handSet = change
      ? !(
          (change.kind === 'bulk' && LADDER_LABELS.includes(change.label ?? '')) ||
          (change.kind === 'create' && change.newValue === '"prospect"')
        )
      : stage !== 'prospect';
    return { id, stage, ladder, suggested, handSet };
  });
}

/**
 * Each client's distinct purchase days in one string, grouped by SQLite's sorter (a pass over
 * the table, not a walk of the client index that looks every sale up): a third less work than
 * a million dates handed to JavaScript one by one. Days are ISO dates, never a comma.
 */
function purchaseDays(
  wb: Workbook,
  scope: Scope,
  wanted: ReadonlySet<string> | null,
): Map<string, string[]> {
  const s = within('client_id', scope);
  const bought = new Map<string, string[]>();
  for (const [id, days] of wb.sqlite
    .prepare(
      `SELECT client_id, group_concat(DISTINCT date) FROM sales${scope === 'all' ? ' NOT INDEXED' : ''}
       WHERE deleted_at IS NULL AND amount > 0 AND ${s.where} GROUP BY client_id`,
    )
    .raw()
    .iterate(...s.params) as IterableIterator<[string, string]>) {
    if (wanted && !wanted.has(id)) continue;
    bought.set(id, days.split(',').sort());
  }
  return bought;
}

/** Suggested stages of the given clients (those with one). */
export function suggestedStages(wb: Workbook, ids: readonly string[]): Map<string, Stage> {
  return suggestions(ladderRows(wb, readStageRules(wb), ids));
}

/**
 * Suggested stages of clients whose rows were just read (one in the trash has none), with the
 * purchase days of each that has any (sorted, distinct, of live sales with a positive amount).
 */
export function suggestedStagesOfRows(
  wb: Workbook,
  rows: readonly { id: string; stage: Stage; createdAt: string; deletedAt: string | null }[],
  bought: ReadonlyMap<string, readonly string[]>,
): Map<string, Stage> {
  const people = rows.flatMap((r) =>
    r.deletedAt === null ? [[r.id, r.stage, r.createdAt] as const] : [],
  );
  const ids = people.map(([id]) => id);
  return suggestions(ladderRows(wb, readStageRules(wb), ids, { people, bought }));
}

function suggestions(rows: readonly LadderRow[]): Map<string, Stage> {
  return new Map(rows.flatMap((r) => (r.suggested ? [[r.id, r.suggested] as const] : [])));
}

const wholeWorkbook = new WeakMap<Workbook, { version: string; rows: LadderRow[] }>();

/**
 * The ladder of every live client, kept until the workbook changes: scrolling a filtered list
 * asks for page after page. Any write of this connection moves `total_changes()`, a commit of
 * another one (the import worker) moves `data_version`, and the rules are part of the key.
 */
function allLadderRows(wb: Workbook): LadderRow[] {
  const rules = readStageRules(wb);
  const version = `${changeMark(wb)} ${JSON.stringify(rules)}`;
  const cached = wholeWorkbook.get(wb);
  if (cached?.version === version) return cached.rows;
  const rows = ladderRows(wb, rules, 'all');
  wholeWorkbook.set(wb, { version, rows });
  return rows;
}

/**
 * Every client's suggested stage as an SQL expression on the list's `clients` row, for
 * filters and sorting: computed once for the whole workbook, then matched by id.
 */
export function suggestedStageExpr(wb: Workbook): SQL {
  const byStage = new Map<Stage, string[]>();
  for (const row of allLadderRows(wb)) {
    if (!row.suggested) continue;
    const ids = byStage.get(row.suggested);
    if (ids) ids.push(row.id);
    else byStage.set(row.suggested, [row.id]);
  }
  if (byStage.size === 0) return sql`NULL`;
  const branches = [...byStage].map(
    ([stage, ids]) =>
      sql`WHEN ${clients.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)})) THEN ${stage}`,
  );
  return sql`(CASE ${sql.join(branches, sql` `)} END)`;
}

interface Move {
  id: string;
  from: Stage;
  to: Stage;
}

/** Writes stage moves set-based (one UPDATE per target stage) and records them. */
function writeMoves(ctx: WriteContext, batchId: string, moves: Move[]): number {
  const at = ctx.now().toISOString();
  const update = ctx.wb.sqlite.prepare(
    'UPDATE clients SET stage = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
  );
  for (const stage of new Set(moves.map((m) => m.to))) {
    const ids = moves.filter((m) => m.to === stage).map((m) => m.id);
    update.run(stage, at, JSON.stringify(ids));
  }
  if (moves.length >= MANY_MOVES && recordMoves(ctx, batchId, moves, at)) return moves.length;
  const changes: ChangeInput[] = moves.map((m) => ({
    entity: 'client',
    entityId: m.id,
    clientId: m.id,
    field: 'stage',
    oldValue: m.from,
    newValue: m.to,
  }));
  recordChanges(ctx, batchId, changes);
  return moves.length;
}

/** From this many moves on, `recordMoves` writes their history. */
const MANY_MOVES = 1_000;

/**
 * The history of many stage moves (90,000 after a large sales import): one INSERT … SELECT
 * per pair of stages (from → to, at most a dozen) over the plain list of its clients' ids, with
 * the ids `idSequence` would give counted up by SQLite: a third of what the rows cost as a
 * list of six values each (`recordChanges`). The same rows as it writes, the moves grouped by
 * pair in the order each pair first comes. False for ids of another shape (tests), unwritten.
 */
function recordMoves(ctx: WriteContext, batchId: string, moves: Move[], at: string): boolean {
  const start = idSequenceStart(ctx);
  if (!start) return false;
  const pairs = new Map<string, { from: Stage; to: Stage; ids: string[] }>();
  for (const m of moves) {
    const key = `${m.from} ${m.to}`;
    const pair = pairs.get(key);
    if (pair) pair.ids.push(m.id);
    else pairs.set(key, { from: m.from, to: m.to, ids: [m.id] });
  }
  const insert = ctx.wb.sqlite.prepare(
    `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
     SELECT ? || printf('%012x', (? + j.key) % 281474976710656), 'client', j.value, j.value, 'stage',
            ?, ?, ?, ?, ?, ?
     FROM json_each(?) j ORDER BY j.key`,
  );
  const actor = ctx.actor();
  let counter = start.counter;
  for (const { from, to, ids } of pairs.values()) {
    insert.run(
      start.prefix,
      BigInt(counter),
      encode(from),
      encode(to),
      actor,
      at,
      batchId,
      at,
      JSON.stringify(ids),
    );
    counter += ids.length;
  }
  return true;
}

/**
 * After sales of these clients were written: moves the stage of each live client on the
 * ladder whose stage no person set to the ladder's step (up or down), as one `stageLadder`
 * batch. Runs inside the caller's transaction; returns the number of clients moved. A sales
 * import passes the clients as the `LatestDays` it followed (their days all counted), so the
 * sales are not read again.
 */
export function moveStagesFromSales(
  ctx: WriteContext,
  clientIds: Iterable<string> | LatestDays,
  /**
   * The live ones among these clients, as the caller read them in this transaction's snapshot
   * (an import's check, the workbook unchanged since), in rowid order: for many clients the
   * ladder then does not read the whole table again. Ignored for a few (read by id, in the
   * order given).
   */
  people?: readonly LadderPerson[] | null,
): number {
  const rules = readStageRules(ctx.wb);
  if (!rules.auto) return 0;
  const followed = clientIds instanceof LatestDays ? clientIds : null;
  const known = followed?.exact ? followed.purchaseDays() : undefined;
  const ids = followed ? [...followed.clients()] : [...new Set(clientIds as Iterable<string>)];
  const scanned = people && ids.length > WHOLE_TABLE ? { people } : {};
  const moves = ladderRows(ctx.wb, rules, ids, { bought: known, ...scanned })
    .filter((r) => !r.handSet && LADDER_STAGES.has(r.stage) && r.ladder !== r.stage)
    .map((r) => ({ id: r.id, from: r.stage, to: r.ladder }));
  if (moves.length === 0) return 0;
  return writeMoves(ctx, startBatch(ctx, 'bulk', 'stageLadder'), moves);
}

/** "Apply suggested stage" to a selection, hand-set stages included, under `batchId`. */
export function applySuggestedStages(
  ctx: WriteContext,
  batchId: string,
  ids: readonly string[],
): number {
  const moves = ladderRows(ctx.wb, readStageRules(ctx.wb), ids).flatMap((r) =>
    r.suggested ? [{ id: r.id, from: r.stage, to: r.suggested }] : [],
  );
  return writeMoves(ctx, batchId, moves);
}
