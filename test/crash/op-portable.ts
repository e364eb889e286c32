/**
 * Portable mode's save back, killed at random moments: the child opens a copy of its workbook
 * from a "stick" in portable mode (a local working copy) and adds a client named after the
 * operation (its setup), then saves it back (by `workbook.save`, or as the workbook closes when
 * the child goes back to its own) and goes back. After any kill the stick holds a whole workbook, the old
 * version or the new one, and its `.bak`, if there, is whole too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupOf, savingFiles } from '../../electron/services/workbook/portable-save';
import { call, count, type OpOf, type OpSpec } from './op-spec';

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The old version byte for byte, or the new one: with the operation's client. */
const oldOrNew =
  (op: OpOf<'portableSaveBack'>) =>
  (db: Database.Database, file: string): string | null => {
    if (checksum(file) === op.oldHash) return null;
    const added = count(db, 'SELECT count(*) FROM clients WHERE name = ?', op.marker);
    return added === 1 ? null : 'neither the old version nor the new one';
  };

export const portableSaveBack: OpSpec<'portableSaveBack'> = {
  prepare(ctx) {
    const stick = path.join(ctx.dir, `stick-${ctx.marker}`);
    fs.mkdirSync(stick, { recursive: true });
    const source = path.join(stick, `${ctx.marker}.kartoteka`);
    fs.copyFileSync(ctx.workbook, source);
    return {
      kind: 'portableSaveBack',
      marker: ctx.marker,
      source,
      oldHash: checksum(source),
      home: ctx.workbook,
      via: ctx.int(0, 1) === 0 ? 'save' : 'close',
    };
  },
  // Kills are aimed at the save back and the way home, not at the opening.
  async setup(app, op) {
    await call(app, 'workbook.open', { path: op.source, portable: true });
    await call(app, 'clients.create', { name: op.marker });
  },
  async run(app, op) {
    if (op.via === 'save') await call(app, 'workbook.save', {});
    await call(app, 'workbook.open', { path: op.home });
  },
  // Killed inside the save back itself: its temporary files are still on the stick.
  unfinished: (op) => fs.existsSync(path.dirname(op.source)) && savingFiles(op.source).length > 0,
  wholeFiles: (op) => [
    { file: op.source, required: true, state: oldOrNew(op) },
    { file: backupOf(op.source), required: false, state: oldOrNew(op) },
  ],
  // The stick's folder; the working copy goes with the round's data folder.
  files: (op) => [path.dirname(op.source)],
};
