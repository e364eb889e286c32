import { createClient, getClient, listClients, updateClient } from '../../../db/queries/clients';
import { listClientHistory } from '../../../db/queries/history';
import type { HandlerSlice } from './types';

export const clientHandlers: HandlerSlice<
  'clients.create' | 'clients.get' | 'clients.update' | 'clients.list' | 'history.list'
> = {
  'clients.create': (input, ctx) => createClient(ctx, input),
  'clients.get': ({ id }, ctx) => getClient(ctx.wb, id),
  'clients.update': ({ id, patch }, ctx) => updateClient(ctx, id, patch),
  'clients.list': (input, ctx) => listClients(ctx.wb, input),
  'history.list': ({ clientId }, ctx) => {
    getClient(ctx.wb, clientId);
    return listClientHistory(ctx.wb, clientId);
  },
};
