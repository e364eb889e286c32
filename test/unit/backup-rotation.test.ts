/**
 * The rotation of backups as a pure function over kinds and dates: 7 days that have a backup,
 * then 4 ISO weeks before them, manual ones kept, the newest 5 of those taken before a
 * migration or a restore. Dates are local wall-clock times (the rotation counts local days).
 */
import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../electron/api/contract';
import { planRotation, type Rotatable } from '../../electron/services/workbook/backup-rotation';
import {
  backupFileName,
  parseBackupName,
  renamedKind,
} from '../../electron/services/workbook/backup-names';

/** A backup made at a local wall-clock time, keyed by it. */
const at = (local: string, kind: BackupKind = 'daily'): Rotatable => ({
  key: `${local} ${kind}`,
  kind,
  createdAt: new Date(local),
});

/** One daily backup a day from `first` for `days` days, at 10:00 local time. */
function everyDay(first: string, days: number): Rotatable[] {
  const start = new Date(`${first}T10:00:00`);
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 10);
    const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return at(`${ymd}T10:00:00`);
  });
}

const kept = (all: Rotatable[], removed: string[]) =>
  all.map((b) => b.key).filter((k) => !removed.includes(k));

describe('the rotation of backups', () => {
  it('after 60 days of daily backups keeps the last 7 days and one for each of the 4 weeks before', () => {
    // 2026-09-01 .. 2026-10-30 (a Friday); the last 7 days are Oct 24–30.
    const all = everyDay('2026-09-01', 60);
    const plan = planRotation(all);
    expect(kept(all, plan.remove)).toEqual([
      // The Sundays (the newest day of an ISO week) of the 4 weeks before Oct 19–25, which
      // Oct 24–25 stand for already.
      '2026-09-27T10:00:00 daily',
      '2026-10-04T10:00:00 daily',
      '2026-10-11T10:00:00 daily',
      '2026-10-18T10:00:00 daily',
      '2026-10-24T10:00:00 daily',
      '2026-10-25T10:00:00 daily',
      '2026-10-26T10:00:00 daily',
      '2026-10-27T10:00:00 daily',
      '2026-10-28T10:00:00 daily',
      '2026-10-29T10:00:00 daily',
      '2026-10-30T10:00:00 daily',
    ]);
    expect(plan.relabel).toEqual([
      { key: '2026-10-18T10:00:00 daily', kind: 'weekly' },
      { key: '2026-10-11T10:00:00 daily', kind: 'weekly' },
      { key: '2026-10-04T10:00:00 daily', kind: 'weekly' },
      { key: '2026-09-27T10:00:00 daily', kind: 'weekly' },
    ]);
  });

  it('counts days that have a backup, not calendar days: a month away loses nothing recent', () => {
    const all = [
      ...everyDay('2026-06-01', 3),
      at('2026-07-20T09:00:00'),
      at('2026-07-20T18:00:00'),
      ...everyDay('2026-08-10', 4),
    ];
    const plan = planRotation(all);
    // The 7 days with a backup: Aug 10–13, Jul 20 (its newest), Jun 3, Jun 2. Jun 1 (a Monday)
    // is in the ISO week of Jun 2–3, which a kept daily backup stands for already.
    expect(kept(all, plan.remove)).toEqual([
      '2026-06-02T10:00:00 daily',
      '2026-06-03T10:00:00 daily',
      '2026-07-20T18:00:00 daily',
      '2026-08-10T10:00:00 daily',
      '2026-08-11T10:00:00 daily',
      '2026-08-12T10:00:00 daily',
      '2026-08-13T10:00:00 daily',
    ]);
    expect(plan.relabel).toEqual([]);
  });

  it('keeps the newest backup of a day: two made on one day leave one', () => {
    const all = [at('2026-11-12T09:00:00'), at('2026-11-12T15:00:00')];
    expect(planRotation(all).remove).toEqual(['2026-11-12T09:00:00 daily']);
  });

  it('keeps every manual backup, and the newest 5 taken before a migration and before a restore', () => {
    const manual = Array.from({ length: 12 }, (_, i) =>
      at(`2025-0${(i % 9) + 1}-1${i % 10}T08:00:00`, 'manual'),
    );
    const migrations = Array.from({ length: 7 }, (_, i) =>
      at(`2026-03-0${i + 1}T08:00:00`, 'before-migration'),
    );
    const restores = Array.from({ length: 6 }, (_, i) =>
      at(`2026-04-0${i + 1}T08:00:00`, 'before-restore'),
    );
    const plan = planRotation([...manual, ...migrations, ...restores]);
    expect(plan.remove.sort()).toEqual([
      '2026-03-01T08:00:00 before-migration',
      '2026-03-02T08:00:00 before-migration',
      '2026-04-01T08:00:00 before-restore',
    ]);
  });

  it('a weekly backup that is again among the last 7 days (the clock went back) is daily again', () => {
    const all = [at('2026-11-10T10:00:00', 'weekly'), at('2026-11-11T10:00:00')];
    expect(planRotation(all)).toEqual({
      remove: [],
      relabel: [{ key: '2026-11-10T10:00:00 weekly', kind: 'daily' }],
    });
  });
});

describe('the name of a backup', () => {
  it('says when it was made, its kind, its clients and its fingerprint', () => {
    const name = {
      kind: 'before-migration' as const,
      createdAt: new Date('2026-11-12T11:03:00.042Z'),
      clients: 1234,
      fingerprint: '0a1b2c3d',
    };
    const file = backupFileName(name);
    expect(file).toBe('2026-11-12T11-03-00-042Z.before-migration.1234.0a1b2c3d.kartoteka');
    expect(parseBackupName(file)).toEqual(name);
    expect(renamedKind(file, 'weekly')).toBe(
      '2026-11-12T11-03-00-042Z.weekly.1234.0a1b2c3d.kartoteka',
    );
  });

  it('keeps unknown counts of a damaged workbook as unknown, and knows no other file', () => {
    const file = backupFileName({
      kind: 'before-restore',
      createdAt: new Date('2026-11-12T11:03:00.000Z'),
      clients: null,
      fingerprint: null,
    });
    expect(parseBackupName(file)).toMatchObject({ clients: null, fingerprint: null });
    for (const other of [
      'index.json',
      '.daily.123-abcdef01.staged',
      '2026-11-12T11-03-00-000Z.hourly.1.0a1b2c3d.kartoteka',
      '2026-11-12T11-03-00-000Z.daily.1.0a1b2c3d.kartoteka-wal',
    ]) {
      expect(parseBackupName(other)).toBeNull();
    }
  });
});
