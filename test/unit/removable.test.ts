/**
 * Which paths are on removable or network media, per system, from what each system says (the
 * mount table, the kernel's removable flag, /Volumes, UNC paths, a drive letter's type) given
 * to the rules as text, and folders the user or a test marks as a stick.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  mediumOf,
  rootsFromEnv,
  systemMediumEnv,
  type MediumEnv,
} from '../../electron/services/workbook/removable';
import { parseMounts } from '../../electron/services/workbook/removable-linux';
import { tempDir } from '../helpers/world';

const LINUX_MOUNTS = [
  'proc /proc proc rw,relatime 0 0',
  '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
  '/dev/nvme0n1p1 /boot/efi vfat rw 0 0',
  '/dev/sdb1 /media/anna/KINGSTON vfat rw,nosuid,nodev,uid=1000 0 0',
  '/dev/sdc1 /run/media/anna/MY\\040STICK ext4 rw 0 0',
  '/dev/sdd1 /mnt/usb exfat rw 0 0',
  '/dev/sde1 /srv/backup ext4 rw 0 0',
  '/dev/sdf1 /srv/cards ext4 rw 0 0',
  '//nas/общая /mnt/nas cifs rw,vers=3.0 0 0',
  'server:/export/home /home/anna/share nfs4 rw 0 0',
  'anna@host:/data /home/anna/remote fuse.sshfs rw 0 0',
  'tmpfs /mnt/ramdisk tmpfs rw 0 0',
].join('\n');

/** A Linux machine: the mount table above; sdf is a card reader the kernel marks removable, sde a USB disk. */
function linux(files: Record<string, string> = {}): MediumEnv {
  const texts: Record<string, string> = {
    '/proc/self/mounts': LINUX_MOUNTS,
    '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/host6/block/sde/sde1/partition': '1',
    '/sys/devices/pci0000:00/0000:00:1f.2/ata3/host2/block/sdf/sdf1/partition': '1',
    '/sys/devices/pci0000:00/0000:00:1f.2/ata3/host2/block/sdf/removable': '1\n',
    ...files,
  };
  const real: Record<string, string> = {
    '/sys/class/block/sde1': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/host6/block/sde/sde1',
    '/sys/class/block/sdf1': '/sys/devices/pci0000:00/0000:00:1f.2/ata3/host2/block/sdf/sdf1',
    '/sys/class/block/nvme0n1p2':
      '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2',
  };
  return {
    platform: 'linux',
    roots: [],
    readText: (f) => texts[f] ?? null,
    exists: () => true,
    realPath: (f) => real[f] ?? f,
    run: () => null,
    driveTypes: new Map(),
  };
}

describe('Linux', () => {
  it('reads the mount table, spaces in mount points included', () => {
    expect(parseMounts(LINUX_MOUNTS)[4]).toEqual({
      device: '/dev/sdc1',
      point: '/run/media/anna/MY STICK',
      type: 'ext4',
    });
  });

  it('sticks where the desktop mounts them, FAT and exFAT under /mnt, and disks the kernel calls removable or USB', () => {
    const env = linux();
    expect(mediumOf('/media/anna/KINGSTON/Клиенты.kartoteka', env)).toBe('removable');
    expect(mediumOf('/run/media/anna/MY STICK/work/a.kartoteka', env)).toBe('removable');
    expect(mediumOf('/mnt/usb/a.kartoteka', env)).toBe('removable');
    expect(mediumOf('/srv/backup/a.kartoteka', env)).toBe('removable');
    expect(mediumOf('/srv/cards/a.kartoteka', env)).toBe('removable');
  });

  it('network file systems, also through FUSE', () => {
    const env = linux();
    expect(mediumOf('/mnt/nas/Клиенты.kartoteka', env)).toBe('network');
    expect(mediumOf('/home/anna/share/a.kartoteka', env)).toBe('network');
    expect(mediumOf('/home/anna/remote/a.kartoteka', env)).toBe('network');
  });

  it('the system disk and memory-backed folders are local, the EFI partition too', () => {
    const env = linux();
    expect(mediumOf('/home/anna/Документы/a.kartoteka', env)).toBe('local');
    expect(mediumOf('/mnt/ramdisk/a.kartoteka', env)).toBe('local');
    expect(mediumOf('/boot/efi/a.kartoteka', env)).toBe('local');
    expect(mediumOf('/tmp/a.kartoteka', { ...linux(), readText: () => null })).toBe('local');
  });

  it('a new file in a new folder is judged by the nearest folder that exists', () => {
    const env = { ...linux(), exists: (f: string) => !f.includes('новая') };
    expect(mediumOf('/media/anna/KINGSTON/новая/папка/a.kartoteka', env)).toBe('removable');
  });
});

describe('macOS', () => {
  const mac = (mountOutput: string): MediumEnv => ({
    platform: 'darwin',
    roots: [],
    readText: () => null,
    exists: () => true,
    realPath: (f) => (f === '/Volumes/Macintosh HD' ? '/' : f),
    run: (command) => (command === '/sbin/mount' ? mountOutput : null),
    driveTypes: new Map(),
  });
  const MOUNT = [
    '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
    '/dev/disk4s1 on /Volumes/KINGSTON (msdos, local, nodev, nosuid, noowners, noatime, mounted by anna)',
    '//anna@nas._smb._tcp.local/Clients on /Volumes/Clients (smbfs, nodev, nosuid, mounted by anna)',
  ].join('\n');

  it('volumes under /Volumes other than the boot volume', () => {
    const env = mac(MOUNT);
    expect(mediumOf('/Volumes/KINGSTON/Клиенты.kartoteka', env)).toBe('removable');
    expect(mediumOf('/Volumes/Clients/a.kartoteka', env)).toBe('network');
    expect(mediumOf('/Volumes/Macintosh HD/Users/anna/a.kartoteka', env)).toBe('local');
    expect(mediumOf('/Users/anna/Documents/a.kartoteka', env)).toBe('local');
  });
});

describe('Windows', () => {
  const windows = (types: Record<string, string | null>, asked: string[] = []): MediumEnv => ({
    platform: 'win32',
    roots: [],
    readText: () => null,
    exists: () => true,
    realPath: (f) => f,
    run: (_command, args) => {
      const letter = /DeviceID='([A-Z]):'/.exec(args.join(' '))?.[1] ?? '';
      asked.push(letter);
      return types[letter] ?? null;
    },
    driveTypes: new Map(),
  });

  it('UNC paths are network; a drive letter by its type: removable, network, CD, fixed', () => {
    const asked: string[] = [];
    const env = windows({ C: '3\r\n', E: '2\r\n', N: '4\r\n', D: '5\r\n' }, asked);
    expect(mediumOf('\\\\server\\share\\Клиенты.kartoteka', env)).toBe('network');
    expect(mediumOf('\\\\?\\UNC\\server\\share\\a.kartoteka', env)).toBe('network');
    expect(mediumOf('E:\\Клиенты.kartoteka', env)).toBe('removable');
    expect(mediumOf('e:\\work\\a.kartoteka', env)).toBe('removable');
    expect(mediumOf('N:\\a.kartoteka', env)).toBe('network');
    expect(mediumOf('D:\\a.kartoteka', env)).toBe('removable');
    expect(mediumOf('C:\\Users\\Anna\\a.kartoteka', env)).toBe('local');
    // Each letter is asked about once.
    expect(asked).toEqual(['E', 'N', 'D', 'C']);
  });

  it('a question that fails (no PowerShell, a timeout) counts as local and is asked again', () => {
    const asked: string[] = [];
    const env = windows({ F: null }, asked);
    expect(mediumOf('F:\\a.kartoteka', env)).toBe('local');
    expect(mediumOf('F:\\a.kartoteka', env)).toBe('local');
    expect(asked).toEqual(['F', 'F']);
  });
});

describe('folders marked as removable', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('by the app or KARTOTEKA_PORTABLE_ROOTS, also through a link, and nothing beside them', () => {
    const dir = tempDir('kartoteka-roots-');
    dirs.push(dir);
    const stick = path.join(dir, 'STICK');
    fs.mkdirSync(path.join(stick, 'папка'), { recursive: true });
    fs.symlinkSync(stick, path.join(dir, 'link'));
    const roots = rootsFromEnv({
      KARTOTEKA_PORTABLE_ROOTS: [stick, '/nowhere'].join(path.delimiter),
    });
    expect(roots).toEqual([stick, '/nowhere']);
    const env = systemMediumEnv(roots);
    expect(mediumOf(path.join(stick, 'a.kartoteka'), env)).toBe('removable');
    expect(mediumOf(path.join(stick, 'папка', 'новая', 'a.kartoteka'), env)).toBe('removable');
    expect(mediumOf(path.join(dir, 'link', 'a.kartoteka'), env)).toBe('removable');
    expect(mediumOf(path.join(dir, 'a.kartoteka'), env)).toBe('local');
    expect(mediumOf(path.join(dir, 'STICK2', 'a.kartoteka'), env)).toBe('local');
  });
});
