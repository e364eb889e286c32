/**
 * A workbook left with a hot rollback journal (the program was killed while it wrote in
 * rollback mode: switching a restored or re-encrypted file to WAL as it opened) opens again,
 * with the writes of the unfinished transaction rolled back, as SQLite would at any open; the
 * looks before the opening (all read-only) used to refuse it ("attempt to write a readonly
 * database"). A foreign file with a hot journal is left as it is.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appOn, type TestApp } from '../helpers/backups';
import { makeWorld, tempDir } from '../helpers/world';

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.app.close();
});

/**
 * Copies `file` to `target` while a rollback-mode transaction has written part of itself into
 * it: the copy has a hot journal beside it, as a kill at that moment leaves.
 */
function copyMidTransaction(file: string, target: string, write: (db: Database.Database) => void) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    // A tiny cache: changed pages go to the file before the commit.
    db.pragma('cache_size = 1');
    db.exec('BEGIN IMMEDIATE');
    write(db);
    expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);
    fs.copyFileSync(file, target);
    fs.copyFileSync(`${file}-journal`, `${target}-journal`);
    db.exec('ROLLBACK');
  } finally {
    db.close();
  }
}

describe('a hot journal beside a workbook', () => {
  it('is rolled back when the workbook opens: it opens writable, sound, as it was committed', async () => {
    const w = makeWorld();
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      ids.push((await w.call('clients.create', { name: `Client ${i}`, company: 'Lily' })).id);
    }
    w.app.close();
    const dir = tempDir('kartoteka-hot-');
    const target = path.join(dir, 'hot.kartoteka');
    copyMidTransaction(w.file, target, (db) =>
      db.prepare("UPDATE clients SET company = 'half-written'").run(),
    );
    w.dispose();
    const t = appOn(target, path.join(dir, 'data'));
    apps.push(t);
    const info = await t.call('workbook.info', undefined);
    expect(info).toMatchObject({ readOnly: false, integrity: 'ok' });
    expect((await t.call('clients.get', { id: ids[0]! })).company).toBe('Lily');
    expect((await t.call('clients.list', {})).total).toBe(200);
    expect(fs.existsSync(`${target}-journal`)).toBe(false);
  });

  it('beside a foreign SQLite file is left as it is', () => {
    const dir = tempDir('kartoteka-hot-');
    const own = path.join(dir, 'other.sqlite');
    const db = new Database(own);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
    db.close();
    const target = path.join(dir, 'foreign.sqlite');
    copyMidTransaction(own, target, (d) => d.prepare("UPDATE t SET x = 'y'").run());
    const sum = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const before = [sum(target), sum(`${target}-journal`)];
    const t = appOn(path.join(dir, 'first.kartoteka'), path.join(dir, 'data'));
    apps.push(t);
    return t.app.dispatch('workbook.open', { path: target }).then((result) => {
      expect(result.ok).toBe(false);
      expect([sum(target), sum(`${target}-journal`)]).toEqual(before);
    });
  });
});
