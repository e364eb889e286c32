/** Program settings kept in the workbook. */
import { z } from 'zod';
import { CURRENCIES, LOCALES, type Currency, type Locale } from './enums';
import { id, optionalText } from './validators';

export interface Settings {
  /** Interface language; null until the user or the first start picks one. */
  language: Locale | null;
  /** The name written as the author of changes and comments, when no manager is chosen. */
  userName: string | null;
  /** The manager working at this computer: the author of changes and comments. */
  currentManagerId: string | null;
  /** The currency the workbook's money is in (roubles unless chosen otherwise). */
  currency: Currency;
}

export const settingsSetInput = z
  .object({
    language: z.enum(LOCALES).optional(),
    userName: optionalText(100),
    currentManagerId: id.nullable().optional(),
    currency: z.enum(CURRENCIES).optional(),
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
