/**
 * What the desktop shell must redo after a channel call succeeded, whoever made it (the
 * renderer over IPC or a menu action): reminders may have moved, another workbook may be open,
 * the language or the recent list of the menus may have changed.
 */
export interface CallEffects {
  /** Reminders changed: the next notification may have moved. */
  reminders: boolean;
  /** Another workbook may be open: notifications, menus and the window follow it. */
  workbook: boolean;
  /** The menus' words or recent list may have changed. */
  menu: boolean;
}

/** Channels after which the open workbook may be another file (or the same one reopened). */
const SWITCHES = new Set([
  'workbook.open',
  'workbook.create',
  'workbook.restore',
  'workbook.setPassword',
]);
/** Channels after which only the menus change: the language, the recent list. */
const MENU = new Set(['settings.set', 'workbook.saveCopy']);

export function effectsOf(channel: string, ok: boolean): CallEffects {
  const workbook = ok && SWITCHES.has(channel);
  return {
    reminders: ok && channel.startsWith('reminders.'),
    workbook,
    menu: workbook || (ok && MENU.has(channel)),
  };
}
