/**
 * Backups of real workbooks in a temp folder: taken by hand, listed (date, kind, size,
 * clients), restored with the workbook as it was kept aside, deleted; refused when they are
 * not this workbook's or are damaged themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { damageTable } from '../helpers/damage';
import { appOn, Clock, peek, type TestApp } from '../helpers/backups';
import { makeWorld, tempDir, type World } from '../helpers/world';

let world: World | null = null;
const others: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  world?.dispose();
  world = null;
  for (const t of others.splice(0)) t.app.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const company = (file: string, id: string) =>
  peek(file, 'SELECT company FROM clients WHERE id = ?', id);

describe('backups', () => {
  it('a backup, a change, a restore: the old value is back, the workbook as it was kept aside', async () => {
    const clock = new Clock('2026-11-12T11:03:00.000Z');
    const w = (world = makeWorld({ now: clock.now }));
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    await w.call('clients.create', { name: 'Boris' });
    const backup = await w.call('workbook.backup', undefined);
    expect(backup).toMatchObject({
      kind: 'manual',
      clients: 2,
      createdAt: '2026-11-12T11:03:00.000Z',
    });
    expect(path.dirname(path.dirname(backup.path))).toBe(path.join(w.dir, 'backups'));
    expect(backup.sizeBytes).toBe(fs.statSync(backup.path).size);
    // A whole workbook in one file, with what was committed before it.
    expect(fs.existsSync(`${backup.path}-wal`)).toBe(false);
    expect(company(backup.path, anna.id)).toBe('Lily');

    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    expect(await w.call('workbook.backups', undefined)).toEqual([backup]);

    const result = await w.call('workbook.restore', { path: backup.path });
    expect(result.workbook).toMatchObject({ path: w.file, readOnly: false, integrity: 'ok' });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Lily');
    // The workbook as it was, with the change, is a backup of its own; the one restored is intact.
    expect(company(result.keptAs, anna.id)).toBe('Rose');
    expect(company(backup.path, anna.id)).toBe('Lily');
    const list = await w.call('workbook.backups', undefined);
    expect(list.map((b) => [b.kind, b.clients])).toEqual([
      ['before-restore', 2],
      ['manual', 2],
    ]);
    expect(list[0]?.path).toBe(result.keptAs);
    // Work goes on in the restored workbook, at its own path.
    await w.call('clients.update', { id: anna.id, patch: { company: 'Tulip' } });
    expect(company(w.file, anna.id)).toBe('Tulip');
    expect(fs.readdirSync(w.dir).filter((f) => f.includes('.restoring'))).toEqual([]);
  });

  it('restoring the kept-aside workbook undoes the restore', async () => {
    const w = (world = makeWorld());
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    const backup = await w.call('workbook.backup', undefined);
    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    const { keptAs } = await w.call('workbook.restore', { path: backup.path });
    await w.call('workbook.restore', { path: keptAs });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Rose');
  });

  it('refuses a path that is not one of its backups, and changes nothing', async () => {
    const w = (world = makeWorld());
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    const copy = path.join(w.dir, 'copy.kartoteka');
    await w.call('workbook.saveCopy', { path: copy });
    for (const file of [copy, path.join(w.dir, 'backups', 'index.json'), '/etc/passwd']) {
      expect(await w.send('workbook.restore', { path: file })).toMatchObject({
        ok: false,
        error: {
          code: 'not_found',
          field: 'path',
          message:
            'There is no such backup of this workbook (it may have been deleted). Refresh the list.',
        },
      });
      expect(await w.send('workbook.deleteBackup', { path: file })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(await w.call('workbook.backups', undefined)).toEqual([]);
    expect(fs.existsSync(copy)).toBe(true);
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Lily');
  });

  it('refuses a backup that fails its integrity check; the workbook stays as it is', async () => {
    const w = (world = makeWorld({ locale: 'ru' }));
    const anna = await w.call('clients.create', { name: 'Анна', company: 'Лилия' });
    const backup = await w.call('workbook.backup', undefined);
    await w.call('clients.update', { id: anna.id, patch: { company: 'Роза' } });
    damageTable(backup.path);
    expect(await w.send('workbook.restore', { path: backup.path })).toEqual({
      ok: false,
      error: {
        code: 'damaged',
        field: 'path',
        message:
          'Эта резервная копия сама повреждена, поэтому она не восстановлена — книга осталась как была. Выберите копию постарше.',
      },
    });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Роза');
    expect((await w.call('workbook.backups', undefined)).map((b) => b.kind)).toEqual(['manual']);
  });

  it('deletes a backup on request', async () => {
    const w = (world = makeWorld());
    await w.call('clients.create', { name: 'Anna' });
    const first = await w.call('workbook.backup', undefined);
    const second = await w.call('workbook.backup', undefined);
    expect(second.createdAt > first.createdAt).toBe(true);
    expect(await w.call('workbook.deleteBackup', { path: first.path })).toEqual([second]);
    expect(fs.existsSync(first.path)).toBe(false);
  });

  it('a saved copy is another workbook: its backups are its own', async () => {
    const w = (world = makeWorld());
    await w.call('clients.create', { name: 'Anna' });
    await w.call('workbook.backup', undefined);
    const copy = path.join(w.dir, 'copy.kartoteka');
    await w.call('workbook.saveCopy', { path: copy });
    await w.call('workbook.open', { path: copy });
    expect(await w.call('workbook.backups', undefined)).toEqual([]);
    const ofCopy = await w.call('workbook.backup', undefined);
    await w.call('workbook.open', { path: w.file });
    const ofOriginal = await w.call('workbook.backups', undefined);
    expect(ofOriginal).toHaveLength(1);
    expect(path.dirname(ofOriginal[0]!.path)).not.toBe(path.dirname(ofCopy.path));
  });

  it('a workbook renamed or moved keeps its backups', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'a.kartoteka');
    const first = appOn(file, dir);
    await first.call('clients.create', { name: 'Anna' });
    const backup = await first.call('workbook.backup', undefined);
    first.app.close();
    const moved = path.join(dir, 'renamed.kartoteka');
    fs.renameSync(file, moved);
    const again = appOn(moved, dir);
    others.push(again);
    expect(await again.call('workbook.backups', undefined)).toEqual([backup]);
  });
});
