/**
 * Portable mode's save: the working copy of a workbook on a stick written back to it, or to
 * another place the user picks (a full path, `.kartoteka` added to a name without one).
 */
import path from 'node:path';
import { AppError } from '../errors';
import { withWorkbookExtension } from '../../services/workbook/names';
import type { HandlerSlice } from './types';

export const portableHandlers: HandlerSlice<'workbook.save'> = {
  'workbook.save': async (input, ctx) => {
    if (input.path !== undefined && !path.isAbsolute(input.path))
      throw new AppError('invalid_input', 'workbook_path_absolute', {}, 'path');
    // After a backup running in the background (the daily one), not refused because of it.
    await ctx.backups.idle();
    if (input.path === undefined) return ctx.session.save();
    return ctx.session.save({
      file: withWorkbookExtension(path.normalize(input.path)),
      overwrite: input.overwrite === true,
    });
  },
};
