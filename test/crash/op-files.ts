/** Operations on the file as a whole: a checkpoint, and saving a copy. */
import fs from 'node:fs';
import path from 'node:path';
import type { OpSpec } from './op-spec';

/**
 * TODO(core's merge): `wb.checkpoint()` (db/workbook.ts) once it exists; the same TRUNCATE
 * checkpoint the workbook runs on close, on a signal and before a copy.
 */
export const checkpoint: OpSpec<'checkpoint'> = {
  prepare: (ctx) => ({ kind: 'checkpoint', marker: ctx.marker }),
  run(app) {
    app.wb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return Promise.resolve();
  },
  unfinished: (_op, workbook) =>
    fs.existsSync(`${workbook}-wal`) && fs.statSync(`${workbook}-wal`).size > 0,
};

const savingPath = (file: string) => `${file}.saving`;

/**
 * Save a copy the way it must work: checkpoint, SQLite's online backup into a temporary file
 * beside the target, fsync, rename, fsync the folder. TODO(core's merge): call the real
 * `workbook.saveCopy` channel instead of this stand-in.
 */
export const saveCopy: OpSpec<'saveCopy'> = {
  prepare: (ctx) => ({
    kind: 'saveCopy',
    marker: ctx.marker,
    path: path.join(ctx.dir, `${ctx.marker}.kartoteka`),
  }),
  async run(app, op) {
    app.wb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const temp = savingPath(op.path);
    await app.wb.sqlite.backup(temp);
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, op.path);
    const dir = fs.openSync(path.dirname(op.path), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  },
  check: (_db, op) => (fs.existsSync(op.path) ? 'present' : 'absent'),
  output: (op) => op.path,
  unfinished: (op) => !fs.existsSync(op.path),
  files: (op) => [op.path, savingPath(op.path)],
};
