/** The handler registry: every domain's slice joined once; a name in two slices is refused. */
import { analyticsHandlers } from './analytics';
import { backupHandlers } from './backups';
import { campaignHandlers } from './campaigns';
import { campaignMessageHandlers } from './campaign-messages';
import { clientHandlers } from './clients';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { portableHandlers } from './portable';
import { passwordHandlers } from './password';
import { recordHandlers } from './records';
import { reminderHandlers } from './reminders';
import { salesHandlers } from './sales';
import { settingsHandlers } from './settings';
import { stageHandlers } from './stages';
import { syncHandlers } from './sync';
import { workbookFileHandlers } from './workbook-files';
import type { HandlerMap } from './types';
import { workbookHandlers } from './workbook';

export function assertDistinct(slices: object[]): void {
  const seen = new Set<string>();
  for (const slice of slices) {
    for (const name of Object.keys(slice)) {
      if (seen.has(name)) throw new Error(`Handler for "${name}" is registered twice`);
      seen.add(name);
    }
  }
}

const slices = [
  analyticsHandlers,
  backupHandlers,
  campaignHandlers,
  campaignMessageHandlers,
  clientHandlers,
  exportHandlers,
  importHandlers,
  portableHandlers,
  recordHandlers,
  reminderHandlers,
  salesHandlers,
  settingsHandlers,
  stageHandlers,
  syncHandlers,
  workbookFileHandlers,
  workbookHandlers,
  passwordHandlers,
];
assertDistinct(slices);

/** Typed as the full map, so a channel without a handler fails to compile. */
export const handlers: HandlerMap = {
  ...analyticsHandlers,
  ...backupHandlers,
  ...campaignHandlers,
  ...campaignMessageHandlers,
  ...clientHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...portableHandlers,
  ...recordHandlers,
  ...reminderHandlers,
  ...salesHandlers,
  ...settingsHandlers,
  ...stageHandlers,
  ...syncHandlers,
  ...workbookFileHandlers,
  ...workbookHandlers,
  ...passwordHandlers,
};
