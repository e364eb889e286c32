/**
 * The workbook as a document: which one is open, opening another, making a new one, saving a
 * copy, the recent list. Paths come from the local user (a dialog, or the browser shell's
 * screen behind its token); they must be full paths, and the import's allow-list of uploaded
 * files has nothing to do with them.
 */
import path from 'node:path';
import { AppError } from '../errors';
import { openDemo } from '../../services/demo/demo';
import { withWorkbookExtension } from '../../services/workbook/names';
import type { HandlerSlice } from './types';

function fullPath(file: string): string {
  if (!path.isAbsolute(file))
    throw new AppError('invalid_input', 'workbook_path_absolute', {}, 'path');
  return path.normalize(file);
}

export const workbookHandlers: HandlerSlice<
  | 'workbook.info'
  | 'workbook.open'
  | 'workbook.create'
  | 'workbook.openDemo'
  | 'workbook.saveCopy'
  | 'workbook.recent'
> = {
  'workbook.info': (_input, ctx) => ctx.session.info(),
  // A backup running in the background (the daily one, taken as a workbook opens) and a bulk
  // edit's worker folding its WAL back after answering are the program's own work: switching
  // waits for them instead of refusing the user.
  'workbook.open': async (input, ctx) => {
    const file = fullPath(input.path);
    await ctx.backups.idle();
    await ctx.bulk.settled();
    return ctx.session.open(file, {
      readOnly: input.readOnly === true,
      ...(input.portable !== undefined ? { portable: input.portable } : {}),
      ...(input.password === undefined ? {} : { password: input.password }),
    });
  },
  'workbook.create': async (input, ctx) => {
    const file = withWorkbookExtension(fullPath(input.path));
    await ctx.backups.idle();
    await ctx.bulk.settled();
    return ctx.session.create(
      file,
      input.password === undefined ? {} : { password: input.password },
    );
  },
  'workbook.openDemo': async (_input, ctx) => {
    await ctx.backups.idle();
    await ctx.bulk.settled();
    return openDemo(ctx);
  },
  'workbook.saveCopy': (input, ctx) =>
    ctx.session.saveCopy(withWorkbookExtension(fullPath(input.path)), {
      overwrite: input.overwrite === true,
    }),
  'workbook.recent': (_input, ctx) => ctx.session.recent(),
};
