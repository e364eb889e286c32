/**
 * A full disk is not a bug in Kartoteka: it comes back as `disk_full` with what to do, and
 * nothing is half-written. The workbook is made "full" for real: `PRAGMA max_page_count`
 * stops the file from growing, so SQLite answers "database or disk is full" (SQLITE_FULL).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { deserializeError, serializeError } from '../../electron/services/workers/rpc';
import { makeWorld, tempDir, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

/** The workbook cannot grow by a single page from now on (for this connection). */
function fillDisk(w: World): void {
  const pages = w.app.wb.sqlite.pragma('page_count', { simple: true }) as number;
  w.app.wb.sqlite.pragma(`max_page_count = ${pages}`);
}

function freeDisk(w: World): void {
  w.app.wb.sqlite.pragma('max_page_count = 1073741823');
}

const BIG_NOTE = 'Заметка о клиенте. '.repeat(450);

describe('a full disk', () => {
  it('creating a client answers disk_full in Russian, writes nothing, and works once there is room', async () => {
    world = makeWorld({ locale: 'ru' });
    fillDisk(world);
    const envelope = await world.send('clients.create', { name: 'Анна', note: BIG_NOTE });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    if (envelope.ok) throw new Error('unreachable');
    expect(envelope.error.message).toBe(
      `Диск заполнен — ничего не сохранено. Освободите место на диске, где лежит рабочая книга (${world.file}): удалите или перенесите ненужные файлы — и повторите.`,
    );
    expect(world.count('clients')).toBe(0);
    expect(world.count('changes')).toBe(0);
    expect(world.logged.join('\n')).not.toContain('failed');

    freeDisk(world);
    expect(await world.send('clients.create', { name: 'Анна', note: BIG_NOTE })).toMatchObject({
      ok: true,
    });
  });

  it('an import that fills the disk: disk_full in English, nothing imported', async () => {
    world = makeWorld({ locale: 'en' });
    const file = path.join(world.dir, 'many.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `Client ${i};${'note '.repeat(40)}`);
    fs.writeFileSync(file, ['Name;Note', ...rows].join('\n'));
    world.app.ctx.importer.allowFile(file);
    fillDisk(world);
    const envelope = await world.send('import.run', {
      path: file,
      target: 'clients',
      mapping: { Name: 'name', Note: 'note' },
      onDuplicate: 'create',
      onInvalid: 'skip',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'disk_full',
        message: `The disk is full, so nothing was saved. Free some space on the disk that holds the workbook (${world.file}) by deleting or moving files you do not need, then try again.`,
      },
    });
    expect(world.count('clients')).toBe(0);
  });

  it('keeps its meaning across the worker boundary (import and analytics workers)', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'full.sqlite'));
    try {
      db.exec('CREATE TABLE t (x TEXT)');
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      let thrown: unknown;
      try {
        db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
      const back = deserializeError(structuredClone(serializeError(thrown)));
      expect((back as { code?: string }).code).toBe('SQLITE_FULL');
      expect(back.message).toBe('database or disk is full');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
