/** Program settings kept in the workbook. */
import { z } from 'zod';
import { LOCALES, type Locale } from './enums';
import { optionalText } from './validators';

export interface Settings {
  /** Interface language; null until the user or the first start picks one. */
  language: Locale | null;
  /** The name written as the author of changes and comments. */
  userName: string | null;
}

export const settingsSetInput = z
  .object({
    language: z.enum(LOCALES).optional(),
    userName: optionalText(100),
  })
  .strict();

export interface AppInfo {
  version: string;
  /** The workbook file's name without its folder. */
  workbookName: string;
  workbookPath: string;
  /** The shell the renderer runs in. */
  shell: 'electron' | 'web';
  /** The name written as the author of changes now: the user's name, or the OS user. */
  actor: string;
}
