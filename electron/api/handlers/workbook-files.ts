/**
 * The desktop app's native dialogs: a workbook file, and saving the page as a PDF. The browser
 * shell has neither (it types a path, and prints with the browser's own dialog).
 */
import { AppError } from '../errors';
import type { HandlerSlice } from './types';

export const workbookFileHandlers: HandlerSlice<'workbook.pickFile' | 'print.toPdf'> = {
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
  'print.toPdf': async (input, ctx) => {
    const platform = ctx.platform;
    if (!platform?.printToPdf) throw new AppError('unavailable', 'print_pdf_unavailable');
    return { path: await platform.printToPdf({ fileName: input.fileName, locale: ctx.locale() }) };
  },
};
