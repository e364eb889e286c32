/** Campaigns with a control group (issue 17): schemas and the shapes the channels return. */
import { z } from 'zod';
import { templateText } from './campaign-messages';
import { bulkActionSchema } from './clients';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_GOALS,
  DEFAULT_HOLDOUT_PCT,
  MEMBER_OUTCOMES,
  MEMBER_STATUSES,
  type CampaignAction,
  type CampaignGoal,
  type CampaignGroup,
  type MemberOutcome,
  type MemberStatus,
} from './campaign-enums';
import { listDrillSchema, type ListDrill } from './analytics';
export { listDrillSchema, type ListDrill } from './analytics';
import { COMMENT_KINDS, TOUCH_KINDS } from './enums';
import { exportClientsInput, type ExportFile } from './exports';
import { listQueryShape, type ListQuery } from './list';
import { id, isCalendarDate, requiredText } from './validators';

const calendarDay = z
  .string()
  .refine((s) => isCalendarDate(s), { params: { key: 'date_invalid' } });

/** Who the audience is: a selection (`ids`) or a whole client-list query (`filter`). */
const audienceShape = {
  filter: z.object(listQueryShape).strict().optional(),
  ids: z.array(id).min(1).max(200_000).optional(),
};

/** A campaign's settings, without its audience. */
const campaignShape = {
  name: requiredText(200),
  goal: z.enum(CAMPAIGN_GOALS),
  action: z.enum(CAMPAIGN_ACTIONS),
  template: templateText.nullable().optional(),
  /** Percent of the audience left alone as the control group; 0 allowed. */
  holdoutPct: z.number().int().min(0).max(50).default(DEFAULT_HOLDOUT_PCT),
  /** Days the contacts are due in. */
  dueDays: z.number().int().min(1).max(365),
  /** The draw's seed; a new one is made when none is given. */
  seed: z.string().min(1).max(100).optional(),
  /** Clients who come to match the filter later join (birthdays, regular touches); a filter only. */
  recurring: z.boolean().optional(),
};

const oneAudience = (v: { filter?: unknown; ids?: unknown }) =>
  (v.ids === undefined) !== (v.filter === undefined);

export const campaignCreateInput = z
  .object({
    ...campaignShape,
    ...audienceShape,
  })
  .strict()
  .refine(oneAudience, { params: { key: 'bulk_target' } })
  .refine((v) => !v.recurring || v.filter !== undefined, {
    params: { key: 'campaign_recurring_needs_filter' },
    path: ['recurring'],
  });
export type CampaignCreateInput = z.output<typeof campaignCreateInput>;

export const campaignIdInput = z.object({ id }).strict();

export const campaignMarkInput = z
  .object({
    id,
    clientId: id,
    status: z.enum(MEMBER_STATUSES),
    outcome: z.enum(MEMBER_OUTCOMES).nullable().optional(),
  })
  .strict();

export const campaignReportInput = z
  .object({ id, windowDays: z.number().int().min(1).max(730) })
  .strict();

export const campaignCurveInput = z
  .object({ id, days: z.number().int().min(1).max(730).default(90) })
  .strict();

export const campaignCompareInput = z
  .object({ windowDays: z.number().int().min(1).max(730) })
  .strict();

/** One campaign, or (no id) every recurring one. */
export const campaignRefreshInput = z.object({ id: id.optional() }).strict();

/** A reminder for each client: spread over `days` from `from`, named to `managerIds` in turn. */
const remindAction = z
  .object({
    type: z.literal('remind'),
    title: requiredText(500),
    /** The first day; today when omitted. */
    from: calendarDay.optional(),
    days: z.number().int().min(1).max(90),
    managerIds: z.array(id).max(50).optional(),
  })
  .strict();

/** A touch logged on each client's feed: a comment of a kind with its touch tag. */
const touchAction = z
  .object({
    type: z.literal('touch'),
    kind: z.enum(COMMENT_KINDS),
    touch: z.enum(TOUCH_KINDS).nullable().optional(),
    body: requiredText(5000),
  })
  .strict();

/** The list as a file, in its order, with the columns asked for. */
const exportAction = exportClientsInput.omit({ query: true }).extend({ type: z.literal('export') });

/**
 * `lists.act`: one action on a selection, a filter result or a drill-down (exactly one of
 * them): the bulk edits of `clients.bulk`, a reminder or a touch for each, an export, or
 * `campaign` to start a campaign with the list as its audience.
 */
export const listActInput = z
  .object({
    ...audienceShape,
    drill: listDrillSchema.optional(),
    action: z.discriminatedUnion('type', [
      ...bulkActionSchema.options,
      remindAction,
      touchAction,
      exportAction,
      z.object({ type: z.literal('campaign'), ...campaignShape }).strict(),
    ]),
  })
  .strict()
  .refine((v) => [v.ids, v.filter, v.drill].filter((x) => x !== undefined).length === 1, {
    params: { key: 'bulk_target' },
  })
  .refine((v) => v.action.type !== 'campaign' || !v.action.recurring || v.filter !== undefined, {
    params: { key: 'campaign_recurring_needs_filter' },
    path: ['action', 'recurring'],
  });
export type ListActInput = z.output<typeof listActInput>;
export type ListAction = ListActInput['action'];

export interface Campaign {
  id: string;
  name: string;
  goal: CampaignGoal;
  action: CampaignAction;
  template: string | null;
  holdoutPct: number;
  seed: string;
  dueDays: number;
  /** The list query the audience was drawn from (`{}` for a selection). */
  filter: ListQuery;
  /** Clients who come to match `filter` later join it (with their draw) at each refresh. */
  recurring: boolean;
  /** The analytics drill-down the audience was drawn from, when it came from one. */
  drill?: ListDrill;
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  /** Members in the contact group, in the control group, and contacted so far. */
  contactCount: number;
  controlCount: number;
  doneCount: number;
}

export interface CampaignMember {
  clientId: string;
  /** The client's name, for the list (kept even when the client is in the trash). */
  name: string;
  group: CampaignGroup;
  status: MemberStatus;
  outcome?: MemberOutcome;
  contactedAt: string | null;
}

export interface CampaignDetail extends Campaign {
  members: CampaignMember[];
}

export interface CampaignGroupFigures {
  clients: number;
  /** Clients with a purchase (a positive sale) in their window. */
  buyers: number;
  /** Sales in the windows, minor units (returns subtract). */
  revenue: number;
  /** Margin of those sales, minor units; null when none of them has a margin entered. */
  margin: number | null;
  /** buyers / clients; null for an empty group. */
  buyRate: number | null;
  /** revenue / clients, minor units; null for an empty group. */
  revenuePerClient: number | null;
}

/**
 * Contact vs control over a window of `windowDays` days from each member's contact moment (a
 * contacted member: when it was marked done; everyone else: the campaign's start). Null where
 * the data cannot tell: no control group, an empty group, no spread at all.
 */
export interface CampaignReport {
  windowDays: number;
  contact: CampaignGroupFigures;
  control: CampaignGroupFigures;
  buyRateDiff: number | null;
  /** Two-proportion (Wald) 95 % interval of the buy-rate difference. */
  buyRateCi95: [number, number] | null;
  /** Minor units per client. */
  revenuePerClientDiff: number | null;
  /** Welch t 95 % interval of the revenue-per-client difference, minor units. */
  revenueCi95: [number, number] | null;
  /** revenuePerClientDiff × contact clients, minor units. */
  moneyUplift: number | null;
  /** Whether the buy-rate interval excludes zero (the difference is reliable); null without one. */
  significant: boolean | null;
}

export interface ListActResult {
  /** The history batch of a bulk action, reminders or touches (undo with `history.undoBatch`); null for a campaign or an export. */
  batchId: string | null;
  /** Clients changed, or put in the campaign. */
  affected: number;
  /** The campaign started, for `campaign`. */
  campaignId: string | null;
  /** The file, for `export`. */
  file?: ExportFile;
}

/** One group's line: index d is the first d days of each member's window (0 … days). */
export interface CampaignCurveSeries {
  clients: number;
  /** Share who bought; null for an empty group. */
  buyRate: (number | null)[];
  /** Revenue per client, minor units (unrounded); null for an empty group. */
  revenuePerClient: (number | null)[];
}

/** The result day by day since contact; the point at `days` is the report over `days`. */
export interface CampaignCurve {
  days: number;
  contact: CampaignCurveSeries;
  control: CampaignCurveSeries;
}

export interface CampaignComparisonRow {
  campaign: Campaign;
  report: CampaignReport;
}

export interface CampaignRefreshResult {
  /** Campaigns refreshed, and clients who joined them. */
  campaigns: number;
  added: number;
}
