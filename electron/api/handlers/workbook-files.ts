/** The desktop app's native dialog for workbook files; the browser shell has none. */
import { AppError } from '../errors';
import type { HandlerSlice } from './types';

export const workbookFileHandlers: HandlerSlice<'workbook.pickFile'> = {
  'workbook.pickFile': async (input, ctx) => {
    const platform = ctx.platform;
    if (!platform?.pickWorkbookFile) throw new AppError('unavailable', 'workbook_pick_unavailable');
    const path = await platform.pickWorkbookFile({
      mode: input.mode,
      locale: ctx.locale(),
      currentPath: ctx.wb.file,
    });
    return { path };
  },
};
