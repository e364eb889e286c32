/**
 * The import worker's run commits without waiting for the disk (`commitWithoutWaitingForDisk`):
 * only its own connection does; the app's keeps waiting at every commit. Its commit is whole for
 * every reader at once, and `syncWal` then `checkpointNow` put it on the disk and fold it back.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  checkpointNow,
  commitWithoutWaitingForDisk,
  deferCheckpoints,
  syncWal,
} from '../../db/queries/import-checkpoint';
import { openWorkbook, type Workbook } from '../../db/workbook';
import { MIGRATIONS_DIR, makeWorld, type World } from '../helpers/world';

let world: World;
let worker: Workbook;
beforeEach(() => {
  world = makeWorld();
  worker = openWorkbook(world.file, { migrationsDir: MIGRATIONS_DIR, secondary: true });
});
afterEach(() => {
  worker.close();
  world.dispose();
});

const synchronous = (wb: Workbook) => wb.sqlite.pragma('synchronous', { simple: true });

/** Frames written to the WAL and frames folded back into the file. */
function walFrames(): { written: number; folded: number } {
  const shm = fs.readFileSync(`${world.file}-shm`);
  const read = (at: number) =>
    shm.readUInt32LE(0) === 3007000 ? shm.readUInt32LE(at) : shm.readUInt32BE(at);
  return { written: read(16), folded: read(96) };
}

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
  checkpointNow(worker);
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
