/**
 * Backups and restores under the kill: `workbook.backup` (the online backup into a hidden file
 * in the backups folder, fsync, rename to its listed name, the rotation), and `workbook.restore`
 * of a backup taken just before it (the workbook closed, kept aside as a `before-restore`
 * backup, the backup copied beside it under a hidden name, fsync, renamed over it, reopened).
 * The restored backup holds exactly what the workbook held, so every committed operation stays
 * there whichever file the kill leaves at the workbook's path; the backups and the workbook kept
 * aside are checked as copies (whole, with everything committed before them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind } from '../../electron/api/contract';
import { parseBackupName } from '../../electron/services/workbook/backup-names';
import { call, type OpSpec } from './op-spec';

/** The listed backups of every workbook under a data folder's `backups/` (one per round). */
export function listedBackups(root: string, kinds?: BackupKind[]): string[] {
  if (!fs.existsSync(root)) return [];
  const found: string[] = [];
  for (const id of fs.readdirSync(root)) {
    const folder = path.join(root, id);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder)) {
      const parsed = parseBackupName(name);
      if (parsed && (!kinds || kinds.includes(parsed.kind))) found.push(path.join(folder, name));
    }
  }
  return found;
}

export const backup: OpSpec<'backup'> = {
  prepare: (ctx) => ({ kind: 'backup', marker: ctx.marker, folder: ctx.backupsDir }),
  async run(app) {
    await call(app, 'workbook.backup', {});
  },
  outputs: (op) => listedBackups(op.folder, ['manual']),
};

export const restore: OpSpec<'restore'> = {
  prepare: (ctx) => ({ kind: 'restore', marker: ctx.marker, folder: ctx.backupsDir }),
  async run(app) {
    const taken = (await call(app, 'workbook.backup', {})) as BackupInfo;
    await call(app, 'workbook.restore', { path: taken.path });
    // So that a `backup` earlier in the same round finds only its own backup among the manual ones.
    await call(app, 'workbook.deleteBackup', { path: taken.path });
  },
  outputs: (op) => listedBackups(op.folder, ['before-restore']),
};
