/**
 * Which backups to keep, as a pure function over their kinds and dates. Automatic backups: the
 * newest of each of the last 7 days that have one (local days), then the newest of each of the
 * 4 ISO weeks before those (a daily one kept for its week becomes "weekly"). Manual backups are
 * kept until the user deletes them; those taken before a migration or a restore, the newest 5
 * of each.
 */
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { localDay } from '../../../kernel/local-date';
import type { BackupKind } from '../../api/contract';

export interface Rotatable {
  /** The caller's key (the file). */
  key: string;
  kind: BackupKind;
  createdAt: Date;
}

export interface RotationLimits {
  days: number;
  weeks: number;
  /** Kept of each of `before-migration` and `before-restore`. */
  safetyCopies: number;
}

export const ROTATION: RotationLimits = { days: 7, weeks: 4, safetyCopies: 5 };

export interface RotationPlan {
  /** Keys to delete. */
  remove: string[];
  /** Kept backups whose kind changes. */
  relabel: { key: string; kind: 'daily' | 'weekly' }[];
}

const isoWeek = (at: Date) => `${getISOWeekYear(at)}-W${getISOWeek(at)}`;

/** The newest of each group, for the first `limit` groups in the order met (newest first). */
function newestPerGroup(sorted: Rotatable[], group: (at: Date) => string, limit: number) {
  const kept = new Map<string, Rotatable>();
  for (const b of sorted) {
    const key = group(b.createdAt);
    if (!kept.has(key) && kept.size < limit) kept.set(key, b);
  }
  return [...kept.values()];
}

export function planRotation(
  backups: readonly Rotatable[],
  limits: RotationLimits = ROTATION,
): RotationPlan {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<Rotatable>();
  const relabel: RotationPlan['relabel'] = [];

  const automatic = newestFirst.filter((b) => b.kind === 'daily' || b.kind === 'weekly');
  const daily = newestPerGroup(automatic, localDay, limits.days);
  for (const b of daily) {
    keep.add(b);
    if (b.kind !== 'daily') relabel.push({ key: b.key, kind: 'daily' });
  }
  // Weeks a kept daily backup stands for already need no weekly one.
  const coveredWeeks = new Set(daily.map((b) => isoWeek(b.createdAt)));
  const older = automatic.filter((b) => !keep.has(b) && !coveredWeeks.has(isoWeek(b.createdAt)));
  for (const b of newestPerGroup(older, isoWeek, limits.weeks)) {
    keep.add(b);
    if (b.kind !== 'weekly') relabel.push({ key: b.key, kind: 'weekly' });
  }

  for (const kind of ['before-migration', 'before-restore'] as const) {
    for (const b of newestFirst.filter((x) => x.kind === kind).slice(0, limits.safetyCopies)) {
      keep.add(b);
    }
  }
  for (const b of newestFirst) if (b.kind === 'manual') keep.add(b);

  return { remove: newestFirst.filter((b) => !keep.has(b)).map((b) => b.key), relabel };
}
