/**
 * Stages follow sales: the ladder prospect → first purchase → repeat → regular, computed from
 * each client's purchase days in SQL (set-based: one statement for any number of clients,
 * never a query per client). Written sales move the stage of clients whose stage no person
 * set, as a batch of its own (kind `bulk`, label `stageLadder`) that the journal shows and
 * can undo; for everyone else the ladder's stage is a suggestion the card and the list show
 * and "apply suggested stage" applies.
 *
 * "Set by hand" reads the history: the latest change of the client's stage came from a person
 * (a card edit, a bulk "set stage", an import with a stage column, an undo or a restore), not
 * from the ladder or "apply suggested stage". A card made with the default "prospect" is not.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Stage, StageRules } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { clients } from '../schema';
import { recordChanges, startBatch, type ChangeInput, type WriteContext } from './history';
import { readSetting, writeSetting } from './settings';

export const DEFAULT_STAGE_RULES: StageRules = { auto: true, regularDays: 4, regularMonths: 12 };

/** Batch labels whose stage changes are the ladder's, not a person's. */
export const LADDER_LABELS = ['stageLadder', 'applySuggestedStage'] as const;

const LADDER_STAGES: readonly Stage[] = ['prospect', 'first_purchase', 'repeat', 'regular'];

export function readStageRules(wb: Workbook): StageRules {
  return { ...DEFAULT_STAGE_RULES, ...(readSetting<Partial<StageRules>>(wb, 'stageRules') ?? {}) };
}

export function writeStageRules(wb: Workbook, patch: Partial<StageRules>, now: Date): StageRules {
  const next = { ...readStageRules(wb), ...patch };
  writeSetting(wb, 'stageRules', next, now);
  return next;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Purchase days of the client: how many, the latest, and how many in the regular window. */
function purchaseStats(rules: StageRules): SQL {
  const live = sql`s.client_id = ${clients.id} AND s.deleted_at IS NULL AND s.amount > 0`;
  return sql`(SELECT p.days, p.last,
      (SELECT count(DISTINCT s.date) FROM sales s
       WHERE ${live} AND s.date > date(p.last, ${`-${rules.regularMonths} months`})) AS recent
    FROM (SELECT count(DISTINCT s.date) AS days, max(s.date) AS last FROM sales s WHERE ${live}) p)`;
}

function ladderCase(rules: StageRules): SQL {
  return sql`CASE WHEN st.days = 0 THEN 'prospect' WHEN st.days = 1 THEN 'first_purchase'
    WHEN st.recent >= ${rules.regularDays} THEN 'regular' ELSE 'repeat' END`;
}

/** The latest change of the client's stage: its batch kind, label and new value. */
function lastStageChange(column: SQL): SQL {
  return sql`(SELECT ${column} FROM changes ch JOIN batches b ON b.id = ch.batch_id
    WHERE ch.client_id = ${clients.id} AND ch.entity = 'client' AND ch.field = 'stage'
    ORDER BY ch.at DESC, ch.id DESC LIMIT 1)`;
}

/** 1 when a person set the client's stage (see the file's comment), else 0. */
export function handSetSql(): SQL {
  const origin = sql`CASE WHEN b.kind = 'bulk' AND b.label IN (${list(LADDER_LABELS)}) THEN 0
    WHEN b.kind = 'create' AND ch.new_value = '"prospect"' THEN 0 ELSE 1 END`;
  return sql`coalesce(${lastStageChange(origin)}, ${clients.stage} <> 'prospect')`;
}

/**
 * The stage the sales point to when it differs from the client's, else NULL: the ladder's
 * step for a client on the ladder with at least one purchase; "won back" for a lost client
 * with a purchase after the day they were marked lost.
 */
export function suggestedStageSql(rules: StageRules): SQL {
  const ladder = ladderCase(rules);
  const lostOn = sql`coalesce(${lastStageChange(sql`date(ch.at, 'localtime')`)}, date(${clients.createdAt}, 'localtime'))`;
  return sql`(SELECT CASE
      WHEN ${clients.stage} IN (${list(LADDER_STAGES)}) THEN
        CASE WHEN st.days = 0 THEN NULL WHEN ${ladder} <> ${clients.stage} THEN ${ladder} END
      WHEN ${clients.stage} = 'lost' AND st.last > ${lostOn} THEN 'won_back'
    END FROM ${purchaseStats(rules)} st)`;
}

const idsIn = (ids: string[]) =>
  sql`${clients.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** Suggested stages of the given clients (those with one), in one query. */
export function suggestedStages(wb: Workbook, ids: string[]): Map<string, Stage> {
  if (ids.length === 0) return new Map();
  const rows = wb.db.all<{ id: string; suggested: Stage | null }>(
    sql`SELECT ${clients.id} AS id, ${suggestedStageSql(readStageRules(wb))} AS suggested
        FROM ${clients} WHERE ${idsIn(ids)}`,
  );
  return new Map(rows.filter((r) => r.suggested).map((r) => [r.id, r.suggested!]));
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
  const ids = [...new Set(clientIds)];
  const rules = readStageRules(ctx.wb);
  if (!rules.auto || ids.length === 0) return 0;
  const moves = ctx.wb.db.all<Move>(
    sql`SELECT id, "from", "to" FROM (
          SELECT ${clients.id} AS id, ${clients.stage} AS "from",
                 (SELECT ${ladderCase(rules)} FROM ${purchaseStats(rules)} st) AS "to"
          FROM ${clients}
          WHERE ${idsIn(ids)} AND ${clients.deletedAt} IS NULL
            AND ${clients.stage} IN (${list(LADDER_STAGES)}) AND ${handSetSql()} = 0
        ) WHERE "to" <> "from"`,
  );
  if (moves.length === 0) return 0;
  return writeMoves(ctx, startBatch(ctx, 'bulk', 'stageLadder'), moves);
}

/** "Apply suggested stage" to a selection, hand-set stages included, under `batchId`. */
export function applySuggestedStages(ctx: WriteContext, batchId: string, ids: string[]): number {
  const suggested = suggestedStages(ctx.wb, ids);
  if (suggested.size === 0) return 0;
  const current = new Map(
    ctx.wb.db
      .all<{
        id: string;
        stage: Stage;
      }>(
        sql`SELECT ${clients.id} AS id, ${clients.stage} AS stage FROM ${clients} WHERE ${idsIn([...suggested.keys()])} AND ${clients.deletedAt} IS NULL`,
      )
      .map((r) => [r.id, r.stage]),
  );
  const moves = [...suggested]
    .filter(([id]) => current.has(id))
    .map(([id, to]) => ({ id, from: current.get(id)!, to }));
  return writeMoves(ctx, batchId, moves);
}
