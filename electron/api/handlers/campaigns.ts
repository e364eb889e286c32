import { listCampaigns, listMembers, requireCampaign } from '../../../db/queries/campaigns';
import { createCampaign, markMember } from '../../services/campaigns/campaigns';
import { campaignReport } from '../../services/campaigns/report';
import { listAct } from '../../services/lists/act';
import type { HandlerSlice } from './types';

export const campaignHandlers: HandlerSlice<
  | 'campaigns.create'
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.mark'
  | 'campaigns.report'
  | 'lists.act'
> = {
  'campaigns.create': (input, ctx) => createCampaign(ctx, input),
  'campaigns.list': (_input, ctx) => listCampaigns(ctx.wb),
  'campaigns.get': ({ id }, ctx) =>
    ctx.wb.read(() => ({ ...requireCampaign(ctx.wb, id), members: listMembers(ctx.wb, id) })),
  'campaigns.mark': (input, ctx) => markMember(ctx, input),
  'campaigns.report': ({ id, windowDays }, ctx) => campaignReport(ctx.wb, id, windowDays),
  // The list's actions: the bulk edits of clients.bulk (the same runner and worker, undone the
  // same way), a reminder or a touch for each, an export, or a campaign.
  'lists.act': (input, ctx) => listAct(ctx, input),
};
