/**
 * Campaigns and their members (issue 17): the rows, read and written set-based. The draw of
 * the control group and the figures live in electron/services/campaigns.
 */
import type {
  Campaign,
  CampaignGroup,
  CampaignMember,
  ListDrill,
  ListQuery,
  MemberOutcome,
  MemberStatus,
} from '../../electron/api/contract';
import type { CampaignAction, CampaignGoal } from '../../electron/api/contract/campaign-enums';
import { AppError } from '../../electron/api/errors';
import type { Workbook } from '../workbook';
import type { WriteContext } from './history';
import { prepared } from './prepared';

export interface CampaignRowInput {
  id: string;
  name: string;
  goal: CampaignGoal;
  action: CampaignAction;
  template: string | null;
  holdoutPct: number;
  seed: string;
  dueDays: number;
  filter: ListQuery;
  recurring: boolean;
  startedAt: string;
  /** The analytics drill-down the audience came from, when it came from one. */
  drill?: ListDrill;
}

/**
 * The `filter` column's JSON: the list query, and beside it (no migration needed) whether the
 * campaign is recurring and the drill-down it was drawn from.
 */
interface StoredAudience extends ListQuery {
  recurring?: boolean;
  drill?: ListDrill;
}

interface CampaignRecord {
  id: string;
  name: string;
  goal: CampaignGoal;
  action: CampaignAction;
  template: string | null;
  holdout_pct: number;
  seed: string;
  due_days: number;
  filter: string;
  started_at: string;
  created_at: string;
  updated_at: string;
  contact_count: number;
  control_count: number;
  done_count: number;
}

const SELECT_CAMPAIGNS = `
  SELECT c.*,
    (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.group_name = 'contact') AS contact_count,
    (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.group_name = 'control') AS control_count,
    (SELECT count(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.status = 'done') AS done_count
  FROM campaigns c`;
const SELECT_LIVE = `${SELECT_CAMPAIGNS} WHERE c.deleted_at IS NULL`;
const SELECT_TRASHED = `${SELECT_CAMPAIGNS} WHERE c.deleted_at IS NOT NULL`;

/**
 * The stored filter JSON: the list query, and `recurring` and the drill-down beside it (kept
 * there rather than in columns of their own, so no migration); other keys a later version adds
 * are left out.
 */
function storedFilter(json: string): { filter: ListQuery; recurring: boolean; drill?: ListDrill } {
  const { recurring, drill, query, filters, sort, trash } = JSON.parse(json) as StoredAudience;
  return {
    ...(drill ? { drill } : {}),
    filter: {
      ...(query !== undefined ? { query } : {}),
      ...(filters !== undefined ? { filters } : {}),
      ...(sort !== undefined ? { sort } : {}),
      ...(trash !== undefined ? { trash } : {}),
    },
    recurring: recurring === true,
  };
}

function toCampaign(r: CampaignRecord): Campaign {
  return {
    id: r.id,
    name: r.name,
    goal: r.goal,
    action: r.action,
    template: r.template,
    holdoutPct: r.holdout_pct,
    seed: r.seed,
    dueDays: r.due_days,
    ...storedFilter(r.filter),
    startedAt: r.started_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    contactCount: r.contact_count,
    controlCount: r.control_count,
    doneCount: r.done_count,
  };
}

/** Every campaign, newest first. */
export function listCampaigns(wb: Workbook): Campaign[] {
  const rows = prepared(wb, `${SELECT_LIVE} ORDER BY c.started_at DESC, c.id DESC`).all();
  return (rows as CampaignRecord[]).map(toCampaign);
}

export function requireCampaign(wb: Workbook, id: string): Campaign {
  const row = prepared(wb, `${SELECT_LIVE} AND c.id = ?`).get(id) as CampaignRecord | undefined;
  if (!row) throw new AppError('not_found', 'campaign_not_found', {}, 'id');
  return toCampaign(row);
}

/** The live recurring campaigns. */
export function listRecurringCampaigns(wb: Workbook): Campaign[] {
  const rows = prepared(
    wb,
    `${SELECT_LIVE} AND json_extract(c.filter, '$.recurring') = 1 ORDER BY c.started_at, c.id`,
  ).all();
  return (rows as CampaignRecord[]).map(toCampaign);
}

export function requireTrashedCampaign(wb: Workbook, id: string): Campaign {
  const row = prepared(wb, `${SELECT_TRASHED} AND c.id = ?`).get(id) as CampaignRecord | undefined;
  if (!row) throw new AppError('not_found', 'campaign_not_found', {}, 'id');
  return toCampaign(row);
}

/** Moves a campaign to the trash, or (`null`) brings it back; members and marks stay. */
export function trashCampaign(ctx: WriteContext, id: string, deletedAt: string | null): void {
  const at = ctx.now().toISOString();
  prepared(ctx.wb, 'UPDATE campaigns SET deleted_at = ?, updated_at = ? WHERE id = ?').run(
    deletedAt,
    at,
    id,
  );
}

export function insertCampaign(ctx: WriteContext, row: CampaignRowInput): void {
  const at = ctx.now().toISOString();
  prepared(
    ctx.wb,
    `INSERT INTO campaigns (id, name, goal, action, template, holdout_pct, seed, due_days, filter,
       started_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.name,
    row.goal,
    row.action,
    row.template,
    row.holdoutPct,
    row.seed,
    row.dueDays,
    JSON.stringify({
      ...row.filter,
      ...(row.recurring ? { recurring: true } : {}),
      ...(row.drill ? { drill: row.drill } : {}),
    } satisfies StoredAudience),
    row.startedAt,
    at,
    at,
  );
}

/** Adds members with their groups in one statement (the caller's transaction). */
export function insertMembers(
  ctx: WriteContext,
  campaignId: string,
  groups: ReadonlyMap<string, CampaignGroup>,
): void {
  const at = ctx.now().toISOString();
  const rows = [...groups].map(([clientId, group]) => [ctx.newId(), clientId, group]);
  prepared(
    ctx.wb,
    `INSERT INTO campaign_members (id, campaign_id, client_id, group_name, status, created_at, updated_at)
     SELECT value ->> 0, ?, value ->> 1, value ->> 2, 'pending', ?, ? FROM json_each(?)`,
  ).run(campaignId, at, at, JSON.stringify(rows));
}

/** Of `ids`, those that are live clients; and the campaign's members so far. */
export function liveClientIds(wb: Workbook, ids: readonly string[]): string[] {
  return prepared(
    wb,
    `SELECT id FROM clients WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(JSON.stringify(ids)) as string[];
}

export function memberClientIds(wb: Workbook, campaignId: string): string[] {
  return prepared(wb, 'SELECT client_id FROM campaign_members WHERE campaign_id = ?')
    .pluck()
    .all(campaignId) as string[];
}

export function memberCounts(
  wb: Workbook,
  campaignId: string,
): { members: number; control: number } {
  return prepared(
    wb,
    `SELECT count(*) AS members, coalesce(sum(group_name = 'control'), 0) AS control
     FROM campaign_members WHERE campaign_id = ?`,
  ).get(campaignId) as { members: number; control: number };
}

export interface MemberRecord {
  client_id: string;
  name: string;
  group_name: CampaignGroup;
  status: MemberStatus;
  outcome: MemberOutcome | null;
  contacted_at: string | null;
}

/** A campaign's members, by client name. */
export function listMembers(wb: Workbook, campaignId: string): CampaignMember[] {
  const rows = prepared(
    wb,
    `SELECT m.client_id, c.name, m.group_name, m.status, m.outcome, m.contacted_at
     FROM campaign_members m JOIN clients c ON c.id = m.client_id
     WHERE m.campaign_id = ? ORDER BY c.name_fold, c.id`,
  ).all(campaignId) as MemberRecord[];
  return rows.map(toMember);
}

export function toMember(r: MemberRecord): CampaignMember {
  return {
    clientId: r.client_id,
    name: r.name,
    group: r.group_name,
    status: r.status,
    ...(r.outcome ? { outcome: r.outcome } : {}),
    contactedAt: r.contacted_at,
  };
}

export function requireMember(wb: Workbook, campaignId: string, clientId: string): MemberRecord {
  const row = prepared(
    wb,
    `SELECT m.client_id, c.name, m.group_name, m.status, m.outcome, m.contacted_at
     FROM campaign_members m JOIN clients c ON c.id = m.client_id
     WHERE m.campaign_id = ? AND m.client_id = ?`,
  ).get(campaignId, clientId) as MemberRecord | undefined;
  if (!row) throw new AppError('not_found', 'campaign_member_not_found', {}, 'clientId');
  return row;
}

export function writeMark(
  ctx: WriteContext,
  campaignId: string,
  clientId: string,
  mark: { status: MemberStatus; outcome: MemberOutcome | null; contactedAt: string | null },
): void {
  const at = ctx.now().toISOString();
  prepared(
    ctx.wb,
    `UPDATE campaign_members SET status = ?, outcome = ?, contacted_at = ?, marked_at = ?, updated_at = ?
     WHERE campaign_id = ? AND client_id = ?`,
  ).run(mark.status, mark.outcome, mark.contactedAt, at, at, campaignId, clientId);
}

export interface MemberMoment {
  clientId: string;
  group: CampaignGroup;
  /**
   * When its window starts: its contact, else the campaign's start (for a newcomer to a
   * recurring campaign, when it joined).
   */
  at: string;
}

const MOMENTS = `SELECT m.campaign_id AS campaignId, m.client_id AS clientId, m.group_name AS "group",
       CASE WHEN m.status = 'done' AND m.contacted_at IS NOT NULL THEN m.contacted_at
         WHEN json_extract(c.filter, '$.recurring') = 1 THEN max(c.started_at, m.created_at)
         ELSE c.started_at END AS at
     FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id`;

export function memberMoments(wb: Workbook, campaignId: string): MemberMoment[] {
  return prepared(wb, `${MOMENTS} WHERE m.campaign_id = ?`).all(campaignId) as MemberMoment[];
}

/** The moments of the members of every live campaign, each with its campaign. */
export function allMemberMoments(wb: Workbook): (MemberMoment & { campaignId: string })[] {
  return prepared(wb, `${MOMENTS} WHERE c.deleted_at IS NULL`).all() as (MemberMoment & {
    campaignId: string;
  })[];
}

export interface MemberSale {
  clientId: string;
  date: string;
  amount: number;
  margin: number | null;
}

/** The live sales of a campaign's members dated `from` or later. */
export function memberSales(wb: Workbook, campaignId: string, from: string): MemberSale[] {
  return prepared(
    wb,
    `SELECT s.client_id AS clientId, s.date, s.amount, s.margin FROM sales s
     JOIN campaign_members m ON m.client_id = s.client_id AND m.campaign_id = ?
     WHERE s.deleted_at IS NULL AND s.date >= ?`,
  ).all(campaignId, from) as MemberSale[];
}

/** The live sales dated `from` or later of the clients in any live campaign. */
export function allMemberSales(wb: Workbook, from: string): MemberSale[] {
  return prepared(
    wb,
    `SELECT s.client_id AS clientId, s.date, s.amount, s.margin FROM sales s
     WHERE s.deleted_at IS NULL AND s.date >= ? AND s.client_id IN (
       SELECT m.client_id FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
       WHERE c.deleted_at IS NULL)`,
  ).all(from) as MemberSale[];
}
