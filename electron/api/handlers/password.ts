/**
 * The workbook's password: setting, changing or removing it, and the encrypted workbook the
 * program started with, waiting for its password. Passwords are never logged or echoed.
 */
import { setPassword } from '../../services/workbook/password';
import type { HandlerSlice } from './types';

export const passwordHandlers: HandlerSlice<'workbook.setPassword' | 'workbook.awaitingPassword'> =
  {
    // After a backup running in the background (the daily one), not refused because of it.
    'workbook.setPassword': async (input, ctx) => {
      await ctx.backups.idle();
      return setPassword(
        ctx.session,
        { old: input.old, new: input.new },
        {
          nativeBinding: ctx.session.nativeBinding,
        },
      );
    },
    'workbook.awaitingPassword': (_input, ctx) => ctx.session.awaitingPassword(),
  };
