/** What every handler is given: the open workbook and the injected clock, ids and user. */
import type { Workbook } from '../../db/workbook';
import type { Locale } from './contract';

export interface AppContext {
  wb: Workbook;
  /** The current time; tests inject a fixed clock. */
  now: () => Date;
  /** A fresh UUIDv7; tests may inject a deterministic source. */
  newId: () => string;
  /** The language of messages returned to the user. */
  locale: () => Locale;
  /** The name recorded as the author of changes. */
  actor: () => string;
  version: string;
  shell: 'electron' | 'web';
}
