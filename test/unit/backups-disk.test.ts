/**
 * Backups and restores on a full disk say so (`disk_full`, in the user's language) and lose
 * nothing: the workbook stays as it was and writable, and no half-written file is left or
 * listed. SQLite opens a backup's target itself (so `PRAGMA max_page_count` cannot reach it):
 * the disk here fills up half-way through the copy, as a real one does, with the errors SQLite
 * and Node give (`SQLITE_FULL`, `ENOSPC`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realDisk, type BackupDisk } from '../../electron/services/workbook/backup-write';
import { makeWorld, type World } from '../helpers/world';

let world: World | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

/** A disk that fills up when told: a copy onto it writes part of the file, then fails. */
function fillingDisk(fullWhere: (target: string) => boolean) {
  const state = { full: false };
  const halfThenFull = (target: string, error: Error & { code: string }) => {
    fs.writeFileSync(target, Buffer.alloc(16 * 1024, 0x5a));
    throw error;
  };
  const disk: Partial<BackupDisk> = {
    copyWorkbook: (wb, target, options) =>
      state.full && fullWhere(target)
        ? Promise.resolve().then(() =>
            halfThenFull(
              target,
              Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
            ),
          )
        : realDisk.copyWorkbook(wb, target, options),
    copyFile: (from, to) =>
      state.full && fullWhere(to)
        ? Promise.resolve().then(() =>
            halfThenFull(
              to,
              Object.assign(new Error(`ENOSPC: no space left on device, copyfile '${from}'`), {
                code: 'ENOSPC',
              }),
            ),
          )
        : realDisk.copyFile(from, to),
  };
  return { disk, state };
}

const hidden = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith('.')) : [];

describe('a full disk', () => {
  it('a backup: disk_full in Russian, nothing listed, nothing half-written left; works once there is room', async () => {
    const { disk, state } = fillingDisk(() => true);
    const w = (world = makeWorld({ locale: 'ru', backupDisk: disk }));
    const anna = await w.call('clients.create', { name: 'Анна', company: 'Лилия' });
    state.full = true;
    const envelope = await w.send('workbook.backup', undefined);
    const backups = w.app.ctx.backups;
    const folder = backups.store.folder(backups.idOf(w.app.wb));
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'disk_full',
        message: `Диск заполнен — резервная копия не сделана, книга осталась как была. Освободите место на диске с резервными копиями (${folder}) и повторите.`,
      },
    });
    expect(await w.call('workbook.backups', undefined)).toEqual([]);
    expect(hidden(folder)).toEqual([]);
    // The workbook goes on as before.
    await w.call('clients.update', { id: anna.id, patch: { company: 'Роза' } });
    state.full = false;
    expect(await w.call('workbook.backup', undefined)).toMatchObject({ clients: 1 });
  });

  it('a restore whose copy into place fills the disk: disk_full, the workbook as it was, and writable', async () => {
    const { disk, state } = fillingDisk((target) => target.endsWith('.restoring'));
    const w = (world = makeWorld({ backupDisk: disk }));
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    const backup = await w.call('workbook.backup', undefined);
    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    state.full = true;
    expect(await w.send('workbook.restore', { path: backup.path })).toEqual({
      ok: false,
      error: {
        code: 'disk_full',
        message: `The disk is full, so the backup was not restored; the workbook is as it was. Free some space on the disks that hold the workbook (${w.dir}) and its backups, then try again.`,
      },
    });
    expect(await w.call('workbook.info', undefined)).toMatchObject({
      readOnly: false,
      integrity: 'ok',
    });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Rose');
    expect(hidden(w.dir).filter((f) => f.includes('restoring'))).toEqual([]);
    // What was kept aside before the copy stays (a restore never deletes it).
    const kinds = (await w.call('workbook.backups', undefined)).map((b) => b.kind);
    expect(kinds).toEqual(['before-restore', 'manual']);
    await w.call('clients.update', { id: anna.id, patch: { company: 'Tulip' } });
  });

  it('a restore whose backups disk is full keeps nothing aside and changes nothing', async () => {
    const { disk, state } = fillingDisk((target) => target.endsWith('.staged'));
    const w = (world = makeWorld({ backupDisk: disk }));
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    const backup = await w.call('workbook.backup', undefined);
    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    state.full = true;
    expect(await w.send('workbook.restore', { path: backup.path })).toMatchObject({
      ok: false,
      error: { code: 'disk_full' },
    });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Rose');
    expect(await w.call('workbook.backups', undefined)).toEqual([backup]);
    expect(hidden(path.dirname(backup.path))).toEqual([]);
  });

  it('a daily backup on a full disk is tried again at the next hourly look', async () => {
    const { disk, state } = fillingDisk(() => true);
    const w = (world = makeWorld({ backupDisk: disk }));
    await w.call('clients.create', { name: 'Anna' });
    state.full = true;
    await w.app.ctx.guard.tick();
    expect(await w.call('workbook.backups', undefined)).toEqual([]);
    expect(w.logged.join('\n')).toContain('the daily backup failed');
    state.full = false;
    await w.app.ctx.guard.tick();
    expect((await w.call('workbook.backups', undefined)).map((b) => b.kind)).toEqual(['daily']);
  });
});
