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
import { listQueryShape, type ListQuery } from './list';
import { id, requiredText } from './validators';

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
};

const oneAudience = (v: { filter?: unknown; ids?: unknown }) =>
  (v.ids === undefined) !== (v.filter === undefined);

export const campaignCreateInput = z
  .object({ ...campaignShape, ...audienceShape })
  .strict()
  .refine(oneAudience, { params: { key: 'bulk_target' } });
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

/** `lists.act`: one action on a selection or a filter result; `campaign` starts a campaign. */
export const listActInput = z
  .object({
    ...audienceShape,
    action: z.discriminatedUnion('type', [
      ...bulkActionSchema.options,
      z.object({ type: z.literal('campaign'), ...campaignShape }).strict(),
    ]),
  })
  .strict()
  .refine(oneAudience, { params: { key: 'bulk_target' } });

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
  margin: number;
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
  /** The history batch of a bulk action (undo with `history.undoBatch`); null for a campaign. */
  batchId: string | null;
  /** Clients changed, or put in the campaign. */
  affected: number;
  /** The campaign started, for `campaign`. */
  campaignId: string | null;
}
