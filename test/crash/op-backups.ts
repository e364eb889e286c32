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
import type Database from 'better-sqlite3';
import { call, count, presence, type OpOf, type OpSpec, type Presence } from './op-spec';

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

/**
 * Files a restore leaves once it has begun its swap: the workbook kept aside (or being
 * written), the backup being copied beside the workbook.
 */
function swapStarted(folder: string, workbook: string): boolean {
  if (listedBackups(folder, ['before-restore']).length > 0) return true;
  const hidden = (dir: string, test: (name: string) => boolean) =>
    fs.existsSync(dir) && fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some(test);
  const ids = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  return (
    ids.some((id) => hidden(path.join(folder, id), (n) => n.startsWith('.before-restore.'))) ||
    hidden(
      path.dirname(workbook),
      (n) => n.startsWith(`.${path.basename(workbook)}.`) && n.includes('.restoring'),
    )
  );
}

/** What the restore's client shows: the edit kept by the backup, the one the restore undid. */
function restorePresence(db: Database.Database, op: OpOf<'restore'>): Presence {
  const position = db.prepare('SELECT position FROM clients WHERE id = ?').pluck().get(op.clientId);
  const recorded = (value: string) =>
    count(
      db,
      "SELECT count(*) FROM changes WHERE client_id = ? AND field = 'position' AND new_value = ?",
      op.clientId,
      JSON.stringify(value),
    );
  const kept = `${op.marker}-kept`;
  const undone = `${op.marker}-undone`;
  if (position === kept) {
    // Restored: the backup's state, whole (the undone edit's history went with it).
    return presence({ kept: recorded(kept), undone: recorded(undone) }, { kept: 1, undone: 0 });
  }
  // Not restored (yet): whatever of the edits was committed is whole.
  if (position === undone && (recorded(kept) !== 1 || recorded(undone) !== 1)) {
    return { partial: `the undone edit without its history (${recorded(undone)})` };
  }
  return 'absent';
}

export const restore: OpSpec<'restore'> = {
  prepare: (ctx) => ({
    kind: 'restore',
    marker: ctx.marker,
    folder: ctx.backupsDir,
    clientId: ctx.nextClient(),
  }),
  /**
   * An edit, a backup, another edit, and the backup restored: the workbook differs from the
   * backup (so a restore that is not atomic would mix them), and the restore undoes the second
   * edit only, which the check tells apart.
   */
  async run(app, op) {
    const edit = (position: string) =>
      call(app, 'clients.update', { id: op.clientId, patch: { position } });
    await edit(`${op.marker}-kept`);
    const taken = (await call(app, 'workbook.backup', {})) as BackupInfo;
    await edit(`${op.marker}-undone`);
    await call(app, 'workbook.restore', { path: taken.path });
    // So that a `backup` earlier in the same round finds only its own backup among the manual ones.
    await call(app, 'workbook.deleteBackup', { path: taken.path });
  },
  check: restorePresence,
  outputs: (op) => listedBackups(op.folder, ['before-restore']),
  // A kill counts as landing in the restore once its swap began (not in the backup it takes
  // first, which the `backup` kind covers): the test aims until two kills land there.
  unfinished: (op, workbook) => swapStarted(op.folder, workbook),
};
