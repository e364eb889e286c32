/**
 * Is a path on a removable or network medium? SQLite's WAL needs shared memory on one machine,
 * and USB sticks lie about flushing, so a workbook there is worked on in a local copy (portable
 * mode). Rules per system, without Electron:
 * - Linux: the mount holding the path (`/proc/self/mounts`): network file systems, anything
 *   under /media or /run/media (where the desktop mounts sticks), a FAT/exFAT/NTFS disk under
 *   /mnt, or a block device the kernel marks removable or finds on a USB bus;
 * - macOS: a volume under /Volumes other than the boot volume;
 * - Windows: a UNC path (`\\server\share`), or a drive letter whose type is removable, network
 *   or CD (asked once per letter of PowerShell, with a short timeout).
 * Folders listed in `KARTOTEKA_PORTABLE_ROOTS` (or the app's `portableRoots`) count as removable:
 * tests mark a temp folder as a stick with it, and so can a user whose stick the rules miss.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isRemovableMount, parseMounts, type Mount } from './removable-linux';

export type Medium = 'local' | 'removable' | 'network';

/** What the rules read; tests give their own. */
export interface MediumEnv {
  platform: NodeJS.Platform;
  /** Folders whose files count as removable. */
  roots: readonly string[];
  readText(file: string): string | null;
  exists(file: string): boolean;
  realPath(file: string): string;
  /** A command's output, or null when it failed or took too long. */
  run(command: string, args: string[]): string | null;
  /** Answers per Windows drive letter: a letter's type does not change while the program runs. */
  driveTypes: Map<string, Medium>;
}

/** The roots named by `KARTOTEKA_PORTABLE_ROOTS` (separated like PATH). */
export function rootsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env['KARTOTEKA_PORTABLE_ROOTS'];
  return value ? value.split(path.delimiter).filter((s) => s.trim().length > 0) : [];
}

export function systemMediumEnv(roots: readonly string[] = rootsFromEnv()): MediumEnv {
  return {
    platform: process.platform,
    roots,
    readText: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    exists: (file) => fs.existsSync(file),
    realPath: (file) => {
      try {
        return fs.realpathSync.native(file);
      } catch {
        return path.resolve(file);
      }
    },
    run: (command, args) => {
      try {
        return execFileSync(command, args, {
          encoding: 'utf8',
          timeout: 3000,
          windowsHide: true,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return null;
      }
    },
    driveTypes: new Map(),
  };
}

/**
 * The medium holding `file` (which need not exist yet: its folder is looked at). Anything the
 * rules cannot tell is `local`: the user can still ask for portable mode when opening.
 */
export function mediumOf(file: string, env: MediumEnv = systemMediumEnv()): Medium {
  const paths = env.platform === 'win32' ? path.win32 : path.posix;
  const folder = env.realPath(nearestExisting(paths.dirname(paths.resolve(file)), env));
  const inRoot = (root: string) =>
    isInside(folder, env.realPath(paths.resolve(root)), env.platform);
  if (env.roots.some(inRoot)) return 'removable';
  switch (env.platform) {
    case 'linux':
      return linuxMedium(folder, env);
    case 'darwin':
      return macMedium(folder, env);
    case 'win32':
      return windowsMedium(folder, env);
    default:
      return 'local';
  }
}

/** The folder itself, or the nearest parent that exists (a new file's folder may be new too). */
function nearestExisting(folder: string, env: MediumEnv): string {
  const paths = env.platform === 'win32' ? path.win32 : path.posix;
  let dir = folder;
  while (!env.exists(dir)) {
    const parent = paths.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
  return dir;
}

function isInside(file: string, folder: string, platform: NodeJS.Platform): boolean {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const norm = (p: string) => (platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p);
  const relative = paths.relative(norm(folder), norm(file));
  return relative === '' || (!relative.startsWith('..') && !paths.isAbsolute(relative));
}

function linuxMedium(folder: string, env: MediumEnv): Medium {
  const mounts = parseMounts(env.readText('/proc/self/mounts') ?? env.readText('/proc/mounts'));
  const mount = mounts
    .filter((m) => isInside(folder, m.point, 'linux'))
    .sort((a, b) => b.point.length - a.point.length)[0];
  if (!mount) return 'local';
  return isRemovableMount(mount, (device) => blockDeviceIsRemovable(device, env));
}

/** The kernel's word on a block device (`/dev/sdb1`): marked removable, or found on a USB bus. */
function blockDeviceIsRemovable(device: Mount['device'], env: MediumEnv): boolean {
  if (!device.startsWith('/dev/')) return false;
  const name = path.posix.basename(env.realPath(device));
  const sys = env.realPath(`/sys/class/block/${name}`);
  if (sys.includes('/usb')) return true;
  // A partition's flag is on its disk, the folder above it.
  const disk =
    env.readText(path.posix.join(sys, 'partition')) !== null ? path.posix.dirname(sys) : sys;
  return env.readText(path.posix.join(disk, 'removable'))?.trim() === '1';
}

function macMedium(folder: string, env: MediumEnv): Medium {
  const match = /^\/Volumes\/[^/]+/.exec(folder);
  if (!match) return 'local';
  // The boot volume appears under /Volumes too, as a link to /.
  if (env.realPath(match[0]) === '/') return 'local';
  const line = (env.run('/sbin/mount', []) ?? '')
    .split('\n')
    .find((l) => l.includes(` on ${match[0]} (`));
  return line && /\((smbfs|afpfs|nfs|webdav|cifs)/.test(line) ? 'network' : 'removable';
}

function windowsMedium(folder: string, env: MediumEnv): Medium {
  const plain = folder.replace(/^\\\\\?\\UNC\\/i, '\\\\').replace(/^\\\\\?\\/, '');
  if (plain.startsWith('\\\\')) return 'network';
  const letter = /^([A-Za-z]):/.exec(plain)?.[1]?.toUpperCase();
  if (!letter) return 'local';
  const known = env.driveTypes.get(letter);
  if (known) return known;
  // Win32_LogicalDisk.DriveType: 2 removable, 3 fixed, 4 network, 5 CD, 6 RAM disk.
  const answer = env.run('powershell.exe', [
    '-NoProfile',
    '-NonInteractive',
    '-Command',
    `(Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DeviceID='${letter}:'").DriveType`,
  ]);
  const type = Number(answer?.trim());
  const medium: Medium = type === 4 ? 'network' : type === 2 || type === 5 ? 'removable' : 'local';
  // A failed question is asked again next time; an answer is kept.
  if (answer !== null) env.driveTypes.set(letter, medium);
  return medium;
}
