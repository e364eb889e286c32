/**
 * The bulk and import workers' commits leave the WAL unfolded (`deferCheckpoints`) and fold it
 * back once they have answered (`foldWal`): the user does not wait for the fold, and it still
 * happens. Nor for the disk (`commitWithoutWaitingForDisk`): only the worker's own connection
 * commits so; the app's keeps waiting at every commit; the job's commit is whole for every
 * reader at once, and `syncWal` then `foldWal` put it on the disk and fold it back. Seen
 * in the WAL index (the -shm file, laid out as SQLite's walformat.html says):
 * `mxFrame`, the last frame written, at byte 16; `nBackfill`, the frames folded back into the
 * file, at 96.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  commitWithoutWaitingForDisk,
  deferCheckpoints,
  foldWal,
  syncWal,
} from '../../db/queries/import-checkpoint';
import type { Workbook } from '../../db/workbook';
import { makeWorld, type World } from '../helpers/world';

let world: World;
let worker: Workbook;
beforeEach(() => {
  world = makeWorld();
  worker = world.worker();
});
afterEach(() => {
  world.dispose();
});

/** Frames written to the WAL and frames folded back into the file. */
function walFrames(): { written: number; folded: number } {
  const shm = fs.readFileSync(`${world.file}-shm`);
  const read = (at: number) =>
    shm.readUInt32LE(0) === 3007000 ? shm.readUInt32LE(at) : shm.readUInt32BE(at);
  return { written: read(16), folded: read(96) };
}

/** A write of about 2,000 pages (a setting holding 8 MB of text), committed. */
function bigWrite(wb: Workbook, key: string): void {
  wb.transaction(() =>
    wb.sqlite
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run(key, JSON.stringify('x'.repeat(8_000_000)), new Date().toISOString()),
  );
}

it('a worker connection commits without folding the WAL back, and folds it when asked', () => {
  // As SQLite does by default: the commit past 1,000 pages folds the WAL back itself.
  bigWrite(worker, 'before');
  const folded = walFrames();
  expect(folded.written).toBeGreaterThan(1000);
  expect(folded.folded).toBe(folded.written);

  deferCheckpoints(worker);
  bigWrite(worker, 'deferred');
  const deferred = walFrames();
  expect(deferred.written).toBeGreaterThan(1000);
  expect(deferred.folded).toBeLessThan(deferred.written);

  foldWal(worker);
  const after = walFrames();
  expect(after.folded).toBe(after.written);
  // Everything written is there for the main connection.
  const keys = world.app.wb.sqlite
    .prepare("SELECT key FROM settings WHERE key IN ('before', 'deferred') ORDER BY key")
    .pluck()
    .all();
  expect(keys).toEqual(['before', 'deferred']);
});

const synchronous = (wb: Workbook) => wb.sqlite.pragma('synchronous', { simple: true });

const write = (wb: Workbook, key: string) =>
  wb.transaction(() =>
    wb.sqlite
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run(key, JSON.stringify('x'.repeat(4_000_000)), new Date().toISOString()),
  );

it('the worker commits without waiting for the disk, the app still waits, and nothing is lost', () => {
  deferCheckpoints(worker);
  commitWithoutWaitingForDisk(worker);
  // NORMAL on the worker's connection alone; FULL on the app's.
  expect([synchronous(worker), synchronous(world.app.wb)]).toEqual([1, 2]);

  write(worker, 'run');
  // Whole for the app at once, before anything is on the disk or folded back.
  const keys = () =>
    world.app.wb.sqlite
      .prepare("SELECT key FROM settings WHERE key IN ('run', 'after') ORDER BY key")
      .pluck()
      .all();
  expect(keys()).toEqual(['run']);
  const unfolded = walFrames();
  expect(unfolded.folded).toBeLessThan(unfolded.written);

  syncWal(worker);
  foldWal(worker);
  const folded = walFrames();
  expect(folded.folded).toBe(folded.written);

  // Both connections write on as before: the WAL's own handle, opened and closed, took nothing.
  write(worker, 'after');
  world.app.wb.transaction(() =>
    world.app.wb.sqlite.prepare("UPDATE settings SET value = '1' WHERE key = 'run'").run(),
  );
  expect(keys()).toEqual(['after', 'run']);
});

it('with no WAL there is nothing to put on the disk', () => {
  fs.rmSync(`${world.file}-gone`, { force: true });
  const elsewhere = { ...worker, file: `${world.file}-gone` } as Workbook;
  expect(() => syncWal(elsewhere)).not.toThrow();
});
