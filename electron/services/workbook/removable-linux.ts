/** Linux's mount table, and which mounts hold removable or network media. */

export interface Mount {
  device: string;
  point: string;
  type: string;
}

/** Network file systems, also through FUSE (sshfs, rclone, GNOME's gvfs, davfs). */
const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'ncpfs',
  'afs',
  'ceph',
  'glusterfs',
  'lustre',
  'davfs',
  'sshfs',
  'fuse.sshfs',
  'fuse.rclone',
  'fuse.s3fs',
  'fuse.gvfsd-fuse',
  'fuse.davfs2',
  'fuse.curlftpfs',
  'fuse.smbnetfs',
  'fuse.glusterfs',
]);

/** What sticks, memory cards and external disks are formatted with (ntfs-3g shows as fuseblk). */
const STICK_TYPES = new Set([
  'vfat',
  'msdos',
  'exfat',
  'ntfs',
  'ntfs3',
  'fuseblk',
  'udf',
  'iso9660',
  'hfsplus',
]);

/** Where the desktop (udisks) mounts sticks, and where people mount them by hand. */
const MEDIA_FOLDERS = ['/media/', '/run/media/'];

/** `/proc/self/mounts`: one mount a line, spaces in paths written as `\040`. */
export function parseMounts(text: string | null): Mount[] {
  if (!text) return [];
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((parts) => parts.length >= 3)
    .map(([device = '', point = '', type = '']) => ({
      device: unescape(device),
      point: unescape(point),
      type,
    }));
}

export function isRemovableMount(
  mount: Mount,
  deviceIsRemovable: (device: string) => boolean,
): 'local' | 'removable' | 'network' {
  if (NETWORK_TYPES.has(mount.type)) return 'network';
  const under = (folders: string[]) => folders.some((f) => `${mount.point}/`.startsWith(f));
  if (under(MEDIA_FOLDERS)) return 'removable';
  if (STICK_TYPES.has(mount.type) && under(['/mnt/'])) return 'removable';
  return deviceIsRemovable(mount.device) ? 'removable' : 'local';
}
