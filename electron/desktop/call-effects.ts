/**
 * What the desktop shell must redo after a channel call succeeded, whoever made it (the
 * renderer over IPC or a menu action): reminders may have moved, another workbook may be open,
 * the language or the recent list of the menus may have changed.
 */
import { isChannelName } from '../api/contract';
import { CHANNEL_META } from '../api/contract/channel-meta';

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

/**
 * Reminders may have moved when a call changes records that `reminders.list` answers from (by
 * the contract's channel metadata, which the renderer's cache follows too). Another workbook
 * open is the `workbook` effect.
 */
function movesReminders(channel: string): boolean {
  if (!isChannelName(channel)) return false;
  const { writes, invalidates } = CHANNEL_META[channel];
  if (writes !== 'records') return false;
  return invalidates === 'all' || invalidates.includes('reminders.list');
}

export function effectsOf(channel: string, ok: boolean): CallEffects {
  const workbook = ok && SWITCHES.has(channel);
  return {
    reminders: ok && movesReminders(channel),
    workbook,
    menu: workbook || (ok && changesMenu(channel)),
  };
}
