import path from 'node:path';
import { relabelDefaultReasons, requireManager } from '../../../db/queries/managers';
import { readSetting, writeSetting } from '../../../db/queries/settings';
import type { Settings } from '../contract';
import type { AppContext } from '../context';
import type { HandlerSlice } from './types';

export function readSettings(ctx: Pick<AppContext, 'wb'>): Settings {
  return {
    language: readSetting<Settings['language']>(ctx.wb, 'language') ?? null,
    userName: readSetting<string | null>(ctx.wb, 'userName') ?? null,
    currentManagerId: readSetting<string | null>(ctx.wb, 'currentManagerId') ?? null,
    currency: readSetting<Settings['currency']>(ctx.wb, 'currency') ?? 'RUB',
  };
}

export const settingsHandlers: HandlerSlice<'settings.get' | 'settings.set' | 'app.info'> = {
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.set': (input, ctx) => {
    ctx.wb.transaction(() => {
      if (input.language !== undefined) {
        writeSetting(ctx.wb, 'language', input.language, ctx.now());
        relabelDefaultReasons(ctx, input.language);
      }
      if (input.userName !== undefined) writeSetting(ctx.wb, 'userName', input.userName, ctx.now());
      if (input.currency !== undefined) writeSetting(ctx.wb, 'currency', input.currency, ctx.now());
      if (input.currentManagerId !== undefined) {
        if (input.currentManagerId)
          requireManager(ctx.wb, input.currentManagerId, 'currentManagerId');
        writeSetting(ctx.wb, 'currentManagerId', input.currentManagerId, ctx.now());
      }
    });
    return readSettings(ctx);
  },
  'app.info': (_input, ctx) => ({
    version: ctx.version,
    workbookName: path.basename(ctx.wb.file),
    workbookPath: ctx.wb.file,
    shell: ctx.shell,
    actor: ctx.actor(),
  }),
};
