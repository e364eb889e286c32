/** Importing files: preview, check and run through the import worker; progress and cancel. */
import { AppError } from '../errors';
import type { HandlerSlice } from './types';

export const importHandlers: HandlerSlice<
  | 'import.preview'
  | 'import.check'
  | 'import.run'
  | 'import.status'
  | 'import.cancel'
  | 'import.pickFile'
> = {
  'import.preview': (input, ctx) => ctx.importer.run({ kind: 'preview', request: input }),
  'import.check': (input, ctx) => ctx.importer.run({ kind: 'check', request: input }),
  // The run remembers its mapping itself (`runImport`).
  'import.run': (input, ctx) => ctx.importer.run({ kind: 'run', request: input }),
  'import.status': (_input, ctx) => ctx.importer.status(),
  'import.cancel': (_input, ctx) => {
    if (!ctx.importer.cancel()) throw new AppError('conflict', 'import_nothing_running');
    return ctx.importer.status();
  },
  'import.pickFile': async (_input, ctx) => {
    if (!ctx.platform) throw new AppError('unavailable', 'import_pick_unavailable');
    const picked = await ctx.platform.pickImportFile();
    // The user chose this file: from now on the import may read it.
    if (picked !== null) ctx.importer.allowFile(picked);
    return { path: picked };
  },
};
