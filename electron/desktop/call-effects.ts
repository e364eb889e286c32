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
/** Workbook channels that only read: the menus stay as they are. */
const WORKBOOK_READS = new Set([
  'workbook.info',
  'workbook.recent',
  'workbook.backups',
  'workbook.pickFile',
]);

/** After the language (`settings.set`) or any workbook call that writes: the recent list may differ. */
function changesMenu(channel: string): boolean {
  if (channel === 'settings.set') return true;
  return channel.startsWith('workbook.') && !WORKBOOK_READS.has(channel);
}

export function effectsOf(channel: string, ok: boolean): CallEffects {
  const workbook = ok && SWITCHES.has(channel);
  return {
    reminders: ok && channel.startsWith('reminders.'),
    workbook,
    menu: workbook || (ok && changesMenu(channel)),
  };
}
