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
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
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

/** The ladder, the suggestion and "set by hand" of every live client in the scope. */
export function ladderRows(wb: Workbook, rules: StageRules, scope: Scope): LadderRow[] {
  if (scope !== 'all' && scope.length === 0) return [];
  const c = within('id', scope);
  // For a few ids, the unary plus keeps SQLite on the id index: the live-name index would
  // walk every live client instead (20 ms for a page of the list on 100,000 clients).
  const live = scope === 'all' ? 'deleted_at IS NULL' : '+deleted_at IS NULL';
  const people = wb.sqlite
    .prepare(`SELECT id, stage, created_at FROM clients WHERE ${live} AND ${c.where}`)
    .raw()
    .all(...c.params) as [string, Stage, string][];
  // For many clients (after a large import) their sales and stage changes are read whole: a
  // look-up of every row's client in a list of tens of thousands costs more than the rows of
  // the few clients outside it, which the map below simply never asks for.
  const rest: Scope = scope !== 'all' && scope.length > WHOLE_TABLE ? 'all' : scope;
  const wanted = rest === 'all' && scope !== 'all' ? new Set(scope) : null;
  const s = within('client_id', rest);
  // Each client's distinct purchase days in one string, grouped by SQLite's sorter (a pass over
  // the table, not a walk of the client index that looks every sale up): a third less work
  // than a million dates handed to JavaScript one by one. Days are ISO dates, never a comma.
  const bought = new Map<string, string[]>();
  for (const [id, days] of wb.sqlite
    .prepare(
      `SELECT client_id, group_concat(DISTINCT date) FROM sales${rest === 'all' ? ' NOT INDEXED' : ''}
       WHERE deleted_at IS NULL AND amount > 0 AND ${s.where} GROUP BY client_id`,
    )
    .raw()
    .iterate(...s.params) as IterableIterator<[string, string]>) {
    if (wanted && !wanted.has(id)) continue;
    bought.set(id, days.split(',').sort());
  }
  const h = within('ch.client_id', rest);
  const latest = new Map<string, StageChange>();
  for (const [id, at, changeId, kind, label, newValue] of wb.sqlite
    .prepare(
      `SELECT ch.client_id, ch.at, ch.id, b.kind, b.label, ch.new_value
       FROM changes ch JOIN batches b ON b.id = ch.batch_id
       WHERE ch.entity = 'client' AND ch.field = 'stage' AND ${h.where}`,
    )
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
    const days = bought.get(id) ?? [];
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

/** Suggested stages of the given clients (those with one). */
export function suggestedStages(wb: Workbook, ids: readonly string[]): Map<string, Stage> {
  const rows = ladderRows(wb, readStageRules(wb), ids);
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

/**
 * After sales of these clients were written: moves the stage of each live client on the
 * ladder whose stage no person set to the ladder's step (up or down), as one `stageLadder`
 * batch. Runs inside the caller's transaction; returns the number of clients moved.
 */
export function moveStagesFromSales(ctx: WriteContext, clientIds: Iterable<string>): number {
  const rules = readStageRules(ctx.wb);
  if (!rules.auto) return 0;
  const moves = ladderRows(ctx.wb, rules, [...new Set(clientIds)])
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
