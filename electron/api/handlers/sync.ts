/** Sync through a PostgreSQL hub and exchange files: the service does the work. */
import type { HandlerSlice } from './types';

export const syncHandlers: HandlerSlice<
  | 'sync.configure'
  | 'sync.status'
  | 'sync.now'
  | 'sync.test'
  | 'sync.conflicts'
  | 'sync.resolve'
  | 'sync.disconnect'
  | 'exchange.export'
  | 'exchange.import'
> = {
  'sync.configure': (input, ctx) => ctx.sync.configure(input),
  'sync.status': (_input, ctx) => ctx.sync.status(),
  'sync.now': (_input, ctx) => ctx.sync.now(),
  'sync.test': (input, ctx) => ctx.sync.test(input.url),
  'sync.conflicts': (input, ctx) => ctx.sync.conflicts(input ?? {}),
  'sync.resolve': (input, ctx) => ctx.sync.resolve(input.id, input.keep),
  'sync.disconnect': (_input, ctx) => ctx.sync.disconnect(),
  'exchange.export': (input, ctx) => ctx.sync.exportChanges(input.path, input.peer),
  'exchange.import': (input, ctx) => ctx.sync.importChanges(input.path),
};
