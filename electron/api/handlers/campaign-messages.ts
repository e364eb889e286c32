import { campaignTodos } from '../../../db/queries/campaign-messages';
import { encodeCsv } from '../../services/export/csv';
import { exportFileName } from '../../services/export/file';
import { localDate } from '../../services/export/table';
import {
  campaignOutbox,
  logSent,
  messagesCsv,
  previewMessages,
} from '../../services/campaigns/messages';
import { drillIds } from '../../services/lists/act';
import type { HandlerSlice } from './types';

export const campaignMessageHandlers: HandlerSlice<
  | 'campaigns.preview'
  | 'campaigns.outbox'
  | 'campaigns.sent'
  | 'campaigns.exportCsv'
  | 'campaigns.todo'
> = {
  'campaigns.preview': async ({ drill, ...input }, ctx) => {
    // A drill-down's first clients, in its order, as the campaign would draw them.
    const ids = drill ? (await drillIds(ctx, drill)).slice(0, input.limit) : undefined;
    return previewMessages(ctx.wb, ids ? { ...input, ids } : input, ctx.now(), ctx.locale());
  },
  'campaigns.outbox': ({ id }, ctx) => campaignOutbox(ctx.wb, id, ctx.locale()),
  'campaigns.sent': (input, ctx) => ({ marked: logSent(ctx, input) }),
  'campaigns.exportCsv': ({ id, format }, ctx) => {
    const { csv, clientIds, campaignName } = messagesCsv(ctx.wb, id, format, ctx.locale());
    const name = exportFileName(`${campaignName} ${format}`, localDate(ctx.now()), 'csv', format);
    return {
      fileName: name,
      mime: 'text/csv;charset=utf-8',
      base64: encodeCsv(csv, 'utf-8').toString('base64'),
      rows: clientIds.length,
      clientIds,
    };
  },
  'campaigns.todo': (_input, ctx) => campaignTodos(ctx.wb),
};
