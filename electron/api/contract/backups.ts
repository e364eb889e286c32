/** Backups of the open workbook: taking one, the list, restoring and deleting one. */
import { z } from 'zod';
import { workbookPathInput } from './workbook';

export const workbookBackupsInput = z
  .object({
    /**
     * Check the backups, newest first, until one passes its integrity check, and mark it `ok`
     * (what a damaged workbook offers). Large backups take seconds each.
     */
    findGood: z.boolean().optional(),
  })
  .strict()
  .optional();

/** A backup, by the path `workbook.backups` gave. */
export const workbookBackupPathInput = workbookPathInput;
