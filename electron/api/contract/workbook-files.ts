/** Choosing a workbook file in the desktop app's native dialog (the browser shell types a path). */
import { z } from 'zod';

/** Open an existing workbook, or name a new file: a new workbook, or a copy of the open one. */
export const WORKBOOK_PICK_MODES = ['open', 'create', 'saveCopy'] as const;
export type WorkbookPickMode = (typeof WORKBOOK_PICK_MODES)[number];

export const workbookPickFileInput = z.object({ mode: z.enum(WORKBOOK_PICK_MODES) }).strict();
