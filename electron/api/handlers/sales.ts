/** Sales and plans versus potential. */
import { assertClient } from '../../../db/queries/clients';
import {
  copyPlans,
  listPlans,
  planReport,
  potentialFromField,
  setPlan,
} from '../../../db/queries/plans';
import {
  addSale,
  deleteSale,
  listSales,
  salesSummary,
  updateSale,
} from '../../../db/queries/sales';
import type { HandlerSlice } from './types';

export const salesHandlers: HandlerSlice<
  | 'sales.add'
  | 'sales.update'
  | 'sales.delete'
  | 'sales.list'
  | 'sales.summary'
  | 'plans.set'
  | 'plans.list'
  | 'plans.report'
  | 'plans.copy'
  | 'plans.potentialFromField'
> = {
  'sales.add': (input, ctx) => {
    assertClient(ctx.wb, input.clientId);
    return addSale(ctx, input);
  },
  'sales.update': ({ id, patch }, ctx) => updateSale(ctx, id, patch),
  'sales.delete': ({ id }, ctx) => deleteSale(ctx, id),
  'sales.list': ({ clientId }, ctx) => {
    assertClient(ctx.wb, clientId);
    return listSales(ctx.wb, clientId);
  },
  'sales.summary': ({ clientId }, ctx) => {
    assertClient(ctx.wb, clientId);
    return salesSummary(ctx.wb, clientId, ctx.now());
  },
  'plans.set': (input, ctx) => {
    assertClient(ctx.wb, input.clientId);
    return setPlan(ctx, input);
  },
  'plans.list': ({ clientId }, ctx) => {
    assertClient(ctx.wb, clientId);
    return listPlans(ctx.wb, clientId);
  },
  'plans.report': (input, ctx) => planReport(ctx.wb, input),
  'plans.copy': ({ from, to, growthPct, clientIds }, ctx) =>
    copyPlans(ctx, from, to, growthPct, clientIds),
  'plans.potentialFromField': (input, ctx) => potentialFromField(ctx, input),
};
