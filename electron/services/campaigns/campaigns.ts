/**
 * Starting a campaign (its audience frozen, the control group drawn), adding clients to it
 * later, and marking its members; every write one transaction.
 */
import {
  insertCampaign,
  insertMembers,
  listRecurringCampaigns,
  liveClientIds,
  memberClientIds,
  memberCounts,
  requireCampaign,
  requireMember,
  requireTrashedCampaign,
  toMember,
  trashCampaign,
  writeMark,
} from '../../../db/queries/campaigns';
import { matchingIds } from '../../../db/queries/clients';
import { addComment } from '../../../db/queries/comments';
import type { WriteContext } from '../../../db/queries/history';
import type {
  Campaign,
  CampaignCreateInput,
  CampaignMember,
  CommentKind,
  ListDrill,
  Locale,
  MemberOutcome,
  MemberStatus,
  TouchKind,
} from '../../api/contract';
import type { CampaignAction } from '../../api/contract/campaign-enums';
import { AppError } from '../../api/errors';
import { translate } from '../../api/messages';
import { checkTemplate } from './template-check';
import { drawGroups } from './split';

export interface CampaignContext extends WriteContext {
  locale: () => Locale;
}

/** The audience's client ids: the query's matches, or the selection (all of it live). */
function audience(ctx: WriteContext, input: Pick<CampaignCreateInput, 'filter' | 'ids'>): string[] {
  if (input.filter) return matchingIds(ctx.wb, input.filter, ctx.now());
  const ids = [...new Set(input.ids ?? [])];
  const live = liveClientIds(ctx.wb, ids);
  if (live.length < ids.length) {
    throw new AppError(
      'invalid_input',
      'campaign_clients_missing',
      {
        count: ids.length - live.length,
      },
      'ids',
    );
  }
  return live;
}

/**
 * Starts a campaign. `drill`: the analytics drill-down the audience (`ids`, resolved from it by
 * the caller) came from, kept on the campaign.
 */
export function createCampaign(
  ctx: WriteContext,
  input: CampaignCreateInput & { drill?: ListDrill | undefined },
): Campaign {
  return ctx.wb.transaction(() => {
    checkTemplate(ctx.wb, input.template);
    const ids = audience(ctx, input);
    if (ids.length === 0) {
      throw new AppError(
        'invalid_input',
        'campaign_audience_empty',
        {},
        input.filter ? 'filter' : 'ids',
      );
    }
    const id = ctx.newId();
    const seed = input.seed ?? ctx.newId();
    insertCampaign(ctx, {
      id,
      name: input.name,
      goal: input.goal,
      action: input.action,
      template: input.template?.trim() ? input.template : null,
      holdoutPct: input.holdoutPct,
      seed,
      dueDays: input.dueDays,
      filter: input.filter ?? {},
      recurring: input.recurring === true,
      ...(input.drill ? { drill: input.drill } : {}),
      startedAt: ctx.now().toISOString(),
    });
    insertMembers(ctx, id, drawGroups(seed, input.holdoutPct, ids));
    return requireCampaign(ctx.wb, id);
  });
}

/**
 * Clients who qualify after the start (a recurring campaign): the members already there keep
 * their groups, the newcomers are drawn so the control share stays exact within one client.
 * Clients already in the campaign are left as they are. Returns how many joined.
 */
export function addCampaignClients(ctx: WriteContext, id: string, clientIds: string[]): number {
  return ctx.wb.transaction(() => {
    const campaign = requireCampaign(ctx.wb, id);
    const members = new Set(memberClientIds(ctx.wb, id));
    const newcomers = liveClientIds(ctx.wb, clientIds).filter((c) => !members.has(c));
    const groups = drawGroups(
      campaign.seed,
      campaign.holdoutPct,
      newcomers,
      memberCounts(ctx.wb, id),
    );
    insertMembers(ctx, id, groups);
    return groups.size;
  });
}

/**
 * Re-runs a recurring campaign's filter (or, without `id`, every live recurring campaign's):
 * the clients who match now and are not members yet join, each drawn with the stored seed.
 * One matchingIds per campaign; a second refresh with nothing changed adds nobody.
 */
export function refreshCampaigns(
  ctx: WriteContext,
  id: string | undefined,
): { campaigns: number; added: number } {
  return ctx.wb.transaction(() => {
    const campaigns =
      id === undefined ? listRecurringCampaigns(ctx.wb) : [requireCampaign(ctx.wb, id)];
    let added = 0;
    for (const campaign of campaigns) {
      if (!campaign.recurring) {
        throw new AppError('conflict', 'campaign_not_recurring', {}, 'id');
      }
      added += addCampaignClients(
        ctx,
        campaign.id,
        matchingIds(ctx.wb, campaign.filter, ctx.now()),
      );
    }
    return { campaigns: campaigns.length, added };
  });
}

/** Moves a campaign to the trash; its members and their marks are kept for a restore. */
export function deleteCampaign(ctx: WriteContext, id: string): Campaign {
  return ctx.wb.transaction(() => {
    const campaign = requireCampaign(ctx.wb, id);
    trashCampaign(ctx, id, ctx.now().toISOString());
    return campaign;
  });
}

export function restoreCampaign(ctx: WriteContext, id: string): Campaign {
  return ctx.wb.transaction(() => {
    requireTrashedCampaign(ctx.wb, id);
    trashCampaign(ctx, id, null);
    return requireCampaign(ctx.wb, id);
  });
}

/** The feed entry a contact leaves on the card: the kind and touch tag of the action. */
export const TOUCH: Record<CampaignAction, { kind: CommentKind; touch: TouchKind | null }> = {
  call: { kind: 'call', touch: null },
  message: { kind: 'email', touch: null },
  offer: { kind: 'offer', touch: 'offer' },
  visit: { kind: 'visit', touch: null },
};

export function markMember(
  ctx: CampaignContext,
  input: { id: string; clientId: string; status: MemberStatus; outcome?: MemberOutcome | null },
): CampaignMember {
  return ctx.wb.transaction(() => {
    const campaign = requireCampaign(ctx.wb, input.id);
    const member = requireMember(ctx.wb, input.id, input.clientId);
    if (member.group_name === 'control' && input.status !== 'pending') {
      throw new AppError('conflict', 'campaign_control_untouched', {}, 'clientId');
    }
    const outcome = input.outcome === undefined ? member.outcome : input.outcome;
    if (outcome && input.status !== 'done') {
      throw new AppError('invalid_input', 'campaign_outcome_needs_done', {}, 'outcome');
    }
    // The first contact starts the window; marking it again keeps that moment.
    const contactedAt =
      input.status === 'done' ? (member.contacted_at ?? ctx.now().toISOString()) : null;
    writeMark(ctx, input.id, input.clientId, { status: input.status, outcome, contactedAt });
    if (input.status === 'done' && outcome && outcome !== member.outcome) {
      const touch = TOUCH[campaign.action];
      addComment(ctx, {
        clientId: input.clientId,
        kind: touch.kind,
        touch: touch.touch,
        body: translate(ctx.locale(), 'campaign_touch_body', {
          name: campaign.name,
          outcome: translate(ctx.locale(), `campaign_outcome_${outcome}`),
        }),
      });
    }
    return toMember(requireMember(ctx.wb, input.id, input.clientId));
  });
}
