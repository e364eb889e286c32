import { listCampaigns, listMembers, requireCampaign } from '../../../db/queries/campaigns';
import {
  createCampaign,
  deleteCampaign,
  markMember,
  refreshCampaigns,
  restoreCampaign,
} from '../../services/campaigns/campaigns';
import { campaignCurve } from '../../services/campaigns/curve';
import { campaignReport, compareCampaigns } from '../../services/campaigns/report';
import { listAct } from '../../services/lists/act';
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
  // The list's actions: the bulk edits of clients.bulk (the same runner and worker, undone the
  // same way), a reminder or a touch for each, an export, or a campaign.
  'lists.act': (input, ctx) => listAct(ctx, input),
};
