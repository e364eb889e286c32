/** Operations on the file as a whole: a checkpoint, and saving a copy. */
import fs from 'node:fs';
import path from 'node:path';
import type { OpSpec } from './op-spec';

/** `wb.checkpoint()`: the TRUNCATE checkpoint the workbook runs on close, on a signal and before a copy. */
export const checkpoint: OpSpec<'checkpoint'> = {
  prepare: (ctx) => ({ kind: 'checkpoint', marker: ctx.marker }),
  run(app) {
    app.wb.checkpoint();
    return Promise.resolve();
  },
  unfinished: (_op, workbook) =>
    fs.existsSync(`${workbook}-wal`) && fs.statSync(`${workbook}-wal`).size > 0,
};

/** The temporary files `workbook.saveCopy` writes beside its target before the rename. */
const savingFiles = (file: string) => {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix) && /\.copy(-wal|-shm|-journal)?$/.test(n))
    .map((n) => path.join(dir, n));
};

/** The real `workbook.saveCopy` channel: a checkpoint, the online backup into a temporary file, fsync, rename. */
export const saveCopy: OpSpec<'saveCopy'> = {
  prepare: (ctx) => ({
    kind: 'saveCopy',
    marker: ctx.marker,
    path: path.join(ctx.dir, `${ctx.marker}.kartoteka`),
  }),
  async run(app, op) {
    const result = await app.dispatch('workbook.saveCopy', { path: op.path });
    if (!result.ok) throw new Error(`workbook.saveCopy: ${result.error.message}`);
  },
  check: (_db, op) => (fs.existsSync(op.path) ? 'present' : 'absent'),
  output: (op) => op.path,
  unfinished: (op) => !fs.existsSync(op.path),
  files: (op) => [op.path, ...savingFiles(op.path)],
};
