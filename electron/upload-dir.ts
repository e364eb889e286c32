/**
 * The browser shell's folder for uploaded import files, one per running shell, in the temp
 * folder. Its name carries the owner's process id (`kartoteka-uploads-<pid>-<random>`), and
 * beside the files lies `owner.json` with the pid and the start time, so that a shell killed
 * before it could clean up (its folders hold client data) is cleaned up by the next one: at
 * start, every such folder whose owner process is gone is removed, never one of a live shell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'kartoteka-uploads-';
const NAME = /^kartoteka-uploads-(\d+)-[A-Za-z0-9]+$/;
export const OWNER_FILE = 'owner.json';

/** True while a process with this id runs (one of another user's counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the upload folders in `tmpDir` left by shells that are no longer running. A pid
 * reused by another program keeps its folder until that program ends: erring towards keeping
 * a folder is safe, removing a live shell's files is not. Returns the folders removed.
 */
export function removeOrphanUploadDirs(
  tmpDir: string,
  alive: (pid: number) => boolean = processAlive,
): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(tmpDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = Number(NAME.exec(entry)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid <= 0 || alive(pid)) continue;
    const dir = path.join(tmpDir, entry);
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Another user's folder, or one in use: not ours to remove.
    }
  }
  return removed;
}

/** Cleans up after killed shells, then makes this shell's private folder (mode 0700). */
export function prepareUploadDir(tmpDir = os.tmpdir(), pid = process.pid): string {
  removeOrphanUploadDirs(tmpDir);
  const dir = fs.mkdtempSync(path.join(tmpDir, `${PREFIX}${pid}-`));
  fs.chmodSync(dir, 0o700);
  const startedAt = new Date(Date.now() - process.uptime() * 1000).toISOString();
  fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid, startedAt }), {
    mode: 0o600,
  });
  return dir;
}
