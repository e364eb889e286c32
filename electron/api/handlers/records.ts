/** Comments, custom field definitions, managers, lost reasons and saved views. */
import { assertClient } from '../../../db/queries/clients';
import {
  addComment,
  deleteComment,
  listComments,
  updateComment,
} from '../../../db/queries/comments';
import {
  defineField,
  listFields,
  reorderFields,
  setFieldRetired,
} from '../../../db/queries/fields';
import {
  addLostReason,
  addManager,
  deleteView,
  listLostReasons,
  listManagerNames,
  listManagers,
  listViews,
  reassignClients,
  saveView,
  updateLostReason,
  updateManager,
} from '../../../db/queries/managers';
import type { HandlerSlice } from './types';

export const recordHandlers: HandlerSlice<
  | 'comments.add'
  | 'comments.list'
  | 'comments.update'
  | 'comments.delete'
  | 'fields.define'
  | 'fields.update'
  | 'fields.retire'
  | 'fields.unretire'
  | 'fields.reorder'
  | 'fields.list'
  | 'managers.list'
  | 'managers.names'
  | 'managers.add'
  | 'managers.update'
  | 'managers.reassign'
  | 'lostReasons.list'
  | 'lostReasons.add'
  | 'lostReasons.update'
  | 'views.list'
  | 'views.save'
  | 'views.delete'
> = {
  'comments.add': (input, ctx) => {
    assertClient(ctx.wb, input.clientId);
    return addComment(ctx, input);
  },
  'comments.list': ({ clientId, kind }, ctx) => {
    assertClient(ctx.wb, clientId);
    return listComments(ctx.wb, clientId, kind);
  },
  'comments.update': ({ id, ...patch }, ctx) => updateComment(ctx, id, patch),
  'comments.delete': ({ id }, ctx) => deleteComment(ctx, id),
  'fields.define': (input, ctx) => defineField(ctx, input),
  'fields.update': (input, ctx) => defineField(ctx, { ...input, type: undefined }),
  'fields.retire': ({ key }, ctx) => setFieldRetired(ctx, key, true),
  'fields.unretire': ({ key }, ctx) => setFieldRetired(ctx, key, false),
  'fields.reorder': ({ keys }, ctx) => reorderFields(ctx, keys),
  'fields.list': (input, ctx) => listFields(ctx.wb, input?.includeRetired ?? false),
  'managers.list': (_input, ctx) => listManagers(ctx.wb),
  'managers.names': (_input, ctx) => listManagerNames(ctx.wb),
  'managers.add': (input, ctx) => addManager(ctx, input),
  'managers.update': (input, ctx) => updateManager(ctx, input),
  'managers.reassign': ({ fromId, toId }, ctx) => reassignClients(ctx, fromId, toId),
  'lostReasons.list': (_input, ctx) => listLostReasons(ctx),
  'lostReasons.add': ({ label }, ctx) => addLostReason(ctx, label),
  'lostReasons.update': (input, ctx) => updateLostReason(ctx, input),
  'views.list': (_input, ctx) => listViews(ctx.wb),
  'views.save': (input, ctx) => saveView(ctx, input),
  'views.delete': ({ id }, ctx) => deleteView(ctx, id),
};
