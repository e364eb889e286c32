import { listCampaigns, listMembers, requireCampaign } from '../../../db/queries/campaigns';
import { matchingIds } from '../../../db/queries/clients';
import {
  createCampaign,
  deleteCampaign,
  markMember,
  refreshCampaigns,
  restoreCampaign,
} from '../../services/campaigns/campaigns';
import { campaignCurve } from '../../services/campaigns/curve';
import { campaignReport, compareCampaigns } from '../../services/campaigns/report';
import type { HandlerSlice } from './types';

export const campaignHandlers: HandlerSlice<
  | 'campaigns.create'
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.mark'
  | 'campaigns.report'
  | 'campaigns.curve'
  | 'campaigns.compare'
  | 'campaigns.refresh'
  | 'campaigns.delete'
  | 'campaigns.restore'
  | 'lists.act'
> = {
  'campaigns.create': (input, ctx) => createCampaign(ctx, input),
  'campaigns.list': (_input, ctx) => listCampaigns(ctx.wb),
  'campaigns.get': ({ id }, ctx) =>
    ctx.wb.read(() => ({ ...requireCampaign(ctx.wb, id), members: listMembers(ctx.wb, id) })),
  'campaigns.mark': (input, ctx) => markMember(ctx, input),
  'campaigns.report': ({ id, windowDays }, ctx) => campaignReport(ctx.wb, id, windowDays),
  'campaigns.curve': ({ id, days }, ctx) => campaignCurve(ctx.wb, id, days),
  'campaigns.compare': ({ windowDays }, ctx) => compareCampaigns(ctx.wb, windowDays),
  'campaigns.refresh': ({ id }, ctx) => refreshCampaigns(ctx, id),
  'campaigns.delete': ({ id }, ctx) => deleteCampaign(ctx, id),
  'campaigns.restore': ({ id }, ctx) => restoreCampaign(ctx, id),
  // The list's actions: a campaign is started as campaigns.create; the rest are the bulk edits
  // of clients.bulk, run by the same runner (and worker) and undone the same way.
  'lists.act': async ({ ids, filter, action }, ctx) => {
    if (action.type === 'campaign') {
      const { name, goal, holdoutPct, dueDays, template, seed } = action;
      const campaign = createCampaign(ctx, {
        name,
        goal,
        action: action.action,
        holdoutPct,
        dueDays,
        ...(template !== undefined ? { template } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(ids ? { ids } : { filter: filter ?? {} }),
      });
      return {
        batchId: null,
        affected: campaign.contactCount + campaign.controlCount,
        campaignId: campaign.id,
      };
    }
    const result = await ctx.bulk.run({
      kind: 'bulk',
      ids: ids ?? matchingIds(ctx.wb, filter ?? {}, ctx.now()),
      action,
    });
    return { batchId: result.batchId, affected: result.affected, campaignId: null };
  },
};
