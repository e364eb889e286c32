/**
 * A backup's file name says what it is, so listing the folder needs no file opened and no side
 * file kept in step: when it was made (UTC, to the millisecond), its kind, the clients in it and
 * a short fingerprint of its content (to tell whether the workbook changed since):
 * `2026-11-12T11-03-00-000Z.daily.1234.a1b2c3d4.kartoteka`. A damaged workbook kept aside has
 * no fingerprint (`x`), and `x` clients if they could not be counted. Names starting with a dot
 * are unfinished.
 */
import type { BackupKind } from '../../api/contract';

export const BACKUP_KINDS: readonly BackupKind[] = [
  'daily',
  'weekly',
  'manual',
  'before-migration',
  'before-restore',
];

export interface BackupName {
  kind: BackupKind;
  createdAt: Date;
  /** Clients not in the trash; null when they could not be counted. */
  clients: number | null;
  /** See `fingerprint` in backup-content.ts; null when it could not be read. */
  fingerprint: string | null;
}

/** `2026-11-12T11-03-00-000Z`: the stamp every backup's name starts with. */
export const STAMP_LENGTH = 24;

const NAME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.([a-z-]+)\.(\d+|x)\.([0-9a-f]{8}|x)\.kartoteka$/;

export function backupFileName(name: BackupName): string {
  const stamp = name.createdAt.toISOString().replace(/[:.]/g, '-');
  const clients = name.clients === null ? 'x' : String(name.clients);
  return `${stamp}.${name.kind}.${clients}.${name.fingerprint ?? 'x'}.kartoteka`;
}

/** What a backup's file name says; null for any other file. */
export function parseBackupName(file: string): BackupName | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const kind = BACKUP_KINDS.find((k) => k === m[6]);
  const createdAt = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  if (!kind || Number.isNaN(createdAt.getTime())) return null;
  return {
    kind,
    createdAt,
    clients: m[7] === 'x' ? null : Number(m[7]),
    fingerprint: m[8] === 'x' ? null : (m[8] ?? null),
  };
}

/** The same backup under another kind (a daily one kept as its week's). */
export function renamedKind(file: string, kind: BackupKind): string {
  const name = parseBackupName(file);
  return name ? backupFileName({ ...name, kind }) : file;
}
