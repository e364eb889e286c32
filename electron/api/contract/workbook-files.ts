/** Choosing a workbook file in the desktop app's native dialog (the browser shell types a path). */
import { z } from 'zod';
import { requiredText } from './validators';

/** Open an existing workbook, or name a new file: a new workbook, or a copy of the open one. */
export const WORKBOOK_PICK_MODES = ['open', 'create', 'saveCopy'] as const;
export type WorkbookPickMode = (typeof WORKBOOK_PICK_MODES)[number];

export const workbookPickFileInput = z.object({ mode: z.enum(WORKBOOK_PICK_MODES) }).strict();

/**
 * The page the window shows, printed to a PDF the user names in a save dialog (the meeting
 * brief). `fileName` is the suggested name, without a folder; `.pdf` is added when missing.
 */
export const printToPdfInput = z.object({ fileName: requiredText(120) }).strict();
