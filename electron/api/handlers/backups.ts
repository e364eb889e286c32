/**
 * Backups of the open workbook. A backup's path must be one the list gave: anything else is
 * refused (`backup_not_found`) before a file is touched.
 */
import type { HandlerSlice } from './types';

export const backupHandlers: HandlerSlice<
  'workbook.backup' | 'workbook.backups' | 'workbook.restore' | 'workbook.deleteBackup'
> = {
  'workbook.backup': (_input, ctx) => ctx.backups.backup('manual'),
  'workbook.backups': (input, ctx) =>
    input?.findGood ? ctx.backups.listFindingGood() : ctx.backups.list(),
  'workbook.restore': (input, ctx) => ctx.backups.restore(input.path),
  'workbook.deleteBackup': (input, ctx) => ctx.backups.delete(input.path),
};
