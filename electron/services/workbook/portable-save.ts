/**
 * Saving a working copy back to the file on the stick so that its path holds a whole workbook
 * at every moment, the old one or the new one, whenever the program is killed or the stick
 * pulled out:
 * 1. a snapshot of the working copy, taken locally (the stick never holds a live database);
 * 2. copied to a temporary file beside the target and flushed to the stick (fsync);
 * 3. the target as it was copied to another temporary file, flushed, and renamed to
 *    `<target>.bak` (a rename, so the `.bak` is whole too);
 * 4. the temporary file renamed over the target, and the folder flushed where the system can.
 * An encrypted workbook never leaves a plain `.bak` beside it (the version before its password).
 * A rename over an existing file is atomic on POSIX systems and replaces the file in one step on
 * Windows (FAT, exFAT and NTFS alike); the target is never removed first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncFile, syncFolder, type Workbook } from '../../../db/workbook';
import { isPlainSqlite } from '../../../db/workbook-key';
import { oneFile } from './copy';
import { fingerprintOf, type Fingerprint } from './portable-files';

/** The previous version, kept beside the file on every save back. */
export const backupOf = (target: string) => `${target}.bak`;

type TempKind = 'saving' | 'bak-saving';

function tempBeside(target: string, kind: TempKind): string {
  const mark = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${mark}.${kind}`);
}

/** The temporary files of saves back to `target` (ours and those of interrupted saves). */
export function savingFiles(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix) && /\.(saving|bak-saving)$/.test(n))
    .map((n) => path.join(dir, n));
}

/**
 * Removes what a save of another process left beside `target` (killed, or its stick pulled
 * out). Whoever saves holds the target's lock, so no other save is running there.
 */
function removeLeftovers(target: string): void {
  const mine = `.${path.basename(target)}.${process.pid}-`;
  for (const file of savingFiles(target)) {
    if (!path.basename(file).startsWith(mine)) fs.rmSync(file, { force: true });
  }
}

/**
 * A consistent snapshot of the open working copy in the local file `file`, at rest in rollback
 * mode, while the app keeps running. The one place that copies the live database: for an
 * encrypted workbook (the online backup refuses an encrypted source) this is where `VACUUM INTO`
 * goes.
 */
export async function takeSnapshot(
  wb: Workbook,
  file: string,
  nativeBinding: string | undefined,
): Promise<void> {
  wb.checkpoint();
  if (wb.key) {
    // Encrypted with the same key, and in rollback-journal mode already (see copy.ts).
    wb.sqlite.prepare('VACUUM INTO ?').run(file);
    return;
  }
  await wb.sqlite.backup(file);
  oneFile(file, { nativeBinding });
}

export interface LiveSave {
  /** A local folder for the snapshot (the working copy's). */
  snapshotDir: string;
  nativeBinding?: string | undefined;
  /** Asked before the target is replaced: false when a newer save took over (the workbook closed). */
  stillWanted(): boolean;
}

/**
 * Saves the open working copy `wb` to `target` while the app runs. Returns how the target looks
 * now, or null when `stillWanted` said no (nothing was changed then).
 */
export async function saveLive(
  wb: Workbook,
  target: string,
  options: LiveSave,
): Promise<Fingerprint | null> {
  const snapshot = path.join(
    options.snapshotDir,
    `.snapshot-${crypto.randomBytes(4).toString('hex')}.kartoteka`,
  );
  const temp = tempBeside(target, 'saving');
  const bakTemp = tempBeside(target, 'bak-saving');
  try {
    removeLeftovers(target);
    await takeSnapshot(wb, snapshot, options.nativeBinding);
    await copyFlushed(snapshot, temp);
    const previous = fs.existsSync(target);
    if (previous) await copyFlushed(target, bakTemp);
    if (!options.stillWanted()) return null;
    return commit(temp, previous ? bakTemp : null, target);
  } finally {
    removeQuietly([snapshot, `${snapshot}-wal`, `${snapshot}-shm`, `${snapshot}-journal`]);
    removeQuietly([temp, bakTemp]);
  }
}

/**
 * Saves a closed working copy (one file at rest: the workbook checkpoints and leaves rollback
 * mode on close) to `target`, byte for byte. Synchronous: it runs as the workbook closes.
 */
export function saveAtRest(file: string, target: string): Fingerprint {
  const temp = tempBeside(target, 'saving');
  const bakTemp = tempBeside(target, 'bak-saving');
  try {
    removeLeftovers(target);
    fs.copyFileSync(file, temp);
    syncFile(temp);
    const previous = fs.existsSync(target);
    if (previous) {
      fs.copyFileSync(target, bakTemp);
      syncFile(bakTemp);
    }
    return commit(temp, previous ? bakTemp : null, target);
  } finally {
    removeQuietly([temp, bakTemp]);
  }
}

function commit(temp: string, bakTemp: string | null, target: string): Fingerprint {
  // A password set since the last save: the plain previous version is not kept beside the
  // encrypted one (a lost stick would give the clients away); an encrypted one is.
  const sealed = !isPlainSqlite(temp);
  const keepBak = bakTemp !== null && !(sealed && isPlainSqlite(bakTemp));
  if (keepBak) fs.renameSync(bakTemp, backupOf(target));
  fs.renameSync(temp, target);
  if (sealed && !keepBak && fs.existsSync(backupOf(target)) && isPlainSqlite(backupOf(target))) {
    fs.rmSync(backupOf(target));
  }
  syncFolder(path.dirname(target));
  const fingerprint = fingerprintOf(target);
  if (!fingerprint) throw Object.assign(new Error(`${target} vanished`), { code: 'ENOENT' });
  return fingerprint;
}

async function copyFlushed(from: string, to: string): Promise<void> {
  await fs.promises.copyFile(from, to);
  const handle = await fs.promises.open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temporary files go; a stick already gone cannot take them, and that must not hide why. */
function removeQuietly(files: string[]): void {
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // The medium is away: the next save removes them.
    }
  }
}
