import {
  assertClient,
  createClient,
  deleteClient,
  emptyTrash,
  getClient,
  listClients,
  matchingIds,
  updateClient,
} from '../../../db/queries/clients';
import { listClientHistory } from '../../../db/queries/history';
import { listBatches } from '../../../db/queries/journal';
import { clientAsOf, revertChange } from '../../../db/queries/revert';
import type { HandlerSlice } from './types';

export const clientHandlers: HandlerSlice<
  | 'clients.create'
  | 'clients.get'
  | 'clients.update'
  | 'clients.list'
  | 'clients.delete'
  | 'clients.restore'
  | 'clients.bulk'
  | 'trash.empty'
  | 'history.list'
  | 'history.revert'
  | 'history.undoBatch'
  | 'history.asOf'
  | 'history.batches'
> = {
  'clients.create': (input, ctx) => createClient(ctx, input),
  'clients.get': ({ id }, ctx) => getClient(ctx.wb, id, ctx.now()),
  'clients.update': ({ id, patch }, ctx) => updateClient(ctx, id, patch),
  'clients.list': (input, ctx) => listClients(ctx.wb, input, ctx.now()),
  'clients.delete': ({ id }, ctx) => deleteClient(ctx, id, true),
  'clients.restore': ({ id }, ctx) => deleteClient(ctx, id, false),
  // Big ones run in the bulk worker while this thread answers reads (services/bulk/jobs.ts).
  'clients.bulk': ({ ids, filter, action }, ctx) =>
    ctx.bulk.run({
      kind: 'bulk',
      ids: ids ?? matchingIds(ctx.wb, filter ?? {}, ctx.now()),
      action,
    }),
  'trash.empty': (_input, ctx) => {
    const purged = emptyTrash(ctx);
    // Purging deletes history rows, the analytics store's watermark: let it read afresh.
    ctx.analytics.runner.reset();
    return { purged };
  },
  'history.list': ({ clientId }, ctx) => {
    assertClient(ctx.wb, clientId);
    return listClientHistory(ctx.wb, clientId);
  },
  'history.revert': ({ changeId }, ctx) => revertChange(ctx, changeId),
  'history.undoBatch': ({ batchId }, ctx) => ctx.bulk.run({ kind: 'undo', batchId }),
  'history.asOf': ({ clientId, at }, ctx) => clientAsOf(ctx.wb, clientId, at, ctx.now()),
  'history.batches': (input, ctx) => listBatches(ctx.wb, input?.limit ?? 50),
};
