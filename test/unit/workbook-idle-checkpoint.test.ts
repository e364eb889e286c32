/**
 * The WAL is folded back into the workbook file when writes pause, not inside a user's edit:
 * a run of small edits that together pass SQLite's default 1,000-page mark leaves the file as
 * it was until a quiet second has gone by, and then the file holds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openWorkbook, type Workbook } from '../../db/workbook';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const dirs: string[] = [];
const open: Workbook[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const wb of open.splice(0)) wb.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function walPages(wb: Workbook): number {
  const size = fs.existsSync(`${wb.file}-wal`) ? fs.statSync(`${wb.file}-wal`).size : 0;
  return size / (wb.sqlite.pragma('page_size', { simple: true }) as number);
}

it('folds the WAL back after writes pause, never inside an edit', () => {
  vi.useFakeTimers();
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'book.kartoteka');
  const wb = openWorkbook(file, { migrationsDir: MIGRATIONS_DIR });
  open.push(wb);
  wb.sqlite.exec('CREATE TABLE filler (body TEXT)');
  const insert = wb.sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
  const sizeBefore = fs.statSync(file).size;
  // 60 edits of about 40 pages each: 2,400 pages, well past the default 1,000-page checkpoint.
  for (let i = 0; i < 60; i++) {
    wb.transaction(() => {
      for (let j = 0; j < 40; j++) insert.run('x'.repeat(3500) + String(i * 40 + j));
    });
  }
  expect(walPages(wb)).toBeGreaterThan(2000);
  // No commit folded the WAL in: the file itself has not grown.
  expect(fs.statSync(file).size).toBe(sizeBefore);

  vi.advanceTimersByTime(999);
  expect(fs.statSync(file).size).toBe(sizeBefore);
  vi.advanceTimersByTime(1);
  // A quiet second later the file holds every row (the WAL is kept for reuse, not cut).
  expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 2000 * 4096 * 0.9);
  expect(wb.sqlite.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2400);
});

it('stops folding once the workbook is closed', () => {
  vi.useFakeTimers();
  const dir = tempDir();
  dirs.push(dir);
  const wb = openWorkbook(path.join(dir, 'book.kartoteka'), { migrationsDir: MIGRATIONS_DIR });
  wb.transaction(() => wb.sqlite.exec('CREATE TABLE t (x)'));
  wb.close();
  // The pending fold must not touch the closed connection.
  expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
  expect(vi.getTimerCount()).toBe(0);
});
