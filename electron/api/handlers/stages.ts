/** The stage ladder's rules (Settings). */
import { readStageRules, writeStageRules } from '../../../db/queries/stage-ladder';
import type { HandlerSlice } from './types';

export const stageHandlers: HandlerSlice<'stageRules.get' | 'stageRules.set'> = {
  'stageRules.get': (_input, ctx) => readStageRules(ctx.wb),
  'stageRules.set': (input, ctx) =>
    writeStageRules(
      ctx.wb,
      Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      ctx.now(),
    ),
};
