/**
 * Working copies of portable workbooks, in the user's data folder: one folder each under
 * `working/` holding the copy (`Клиенты.kartoteka`) and `portable.json`, which says which file
 * on a stick it belongs to, how that file looked when the two last matched, and whether the
 * copy holds changes that have not reached it. The record outlives the program, so the next
 * open of that file finds unsaved work of a session that could not save back (the stick was
 * out when it closed, or the program was killed).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { syncFile } from '../../../db/workbook';
import { samePath } from './recent';

/** How a file looked: a save back elsewhere changes it. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
}

const fingerprintSchema = z.object({ size: z.number(), mtimeMs: z.number() });

const recordSchema = z.object({
  version: z.literal(1),
  /** The file on the stick or share. */
  source: z.string(),
  /** That file as it was when the working copy last matched it (fetched, or saved back). */
  base: fingerprintSchema.nullable(),
  /** When the working copy was last saved back (ISO). */
  lastSavedAt: z.string().nullable(),
  /** The working copy holds changes that have not reached the source. */
  unsaved: z.boolean(),
});
export type WorkingRecord = z.infer<typeof recordSchema>;

export interface WorkingCopy {
  dir: string;
  file: string;
  record: WorkingRecord;
}

const RECORD = 'portable.json';

export function workingRoot(dataDir: string): string {
  return path.join(dataDir, 'working');
}

export function fingerprintOf(file: string): Fingerprint | null {
  try {
    const stat = fs.statSync(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

export function sameFingerprint(a: Fingerprint | null, b: Fingerprint | null): boolean {
  return a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export function readRecord(dir: string): WorkingRecord | null {
  try {
    const parsed = recordSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dir, RECORD), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole under another name, flushed and renamed: a crash leaves the old record or the new. */
export function writeRecord(dir: string, record: WorkingRecord): void {
  const file = path.join(dir, RECORD);
  const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(record, null, 2));
    syncFile(temp);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The working copy of `source` kept in `dataDir`, if there is a complete one. */
export function findWorkingCopy(dataDir: string, source: string): WorkingCopy | null {
  const root = workingRoot(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return null;
  }
  for (const name of names) {
    const dir = path.join(root, name);
    const record = readRecord(dir);
    if (!record || !samePath(record.source, source)) continue;
    const file = path.join(dir, path.basename(record.source));
    if (fs.existsSync(file)) return { dir, file, record };
  }
  return null;
}

/** A new folder for the working copy of `source`: its name and a short mark of its path. */
export function newWorkingDir(dataDir: string, source: string): string {
  const hash = crypto.createHash('sha256').update(path.resolve(source)).digest('hex').slice(0, 8);
  const stem = path.basename(source).replace(/\.[^.]*$/, '') || 'workbook';
  const root = workingRoot(dataDir);
  fs.mkdirSync(root, { recursive: true });
  for (let n = 0; ; n += 1) {
    const dir = path.join(root, `${stem}-${hash}${n > 0 ? `-${n}` : ''}`);
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir);
      return dir;
    }
  }
}

/** SQLite's files of a database: the file, and what a writer leaves beside it. */
const SIDES = ['-wal', '-journal'] as const;

/**
 * Copies `source` into `dir` as its working copy (replacing one there), through a staging folder
 * so that a failed copy leaves no half file. A `-wal` or hot `-journal` left beside the source by
 * a crashed writer is copied too, and SQLite recovers it when the copy opens. `verify` checks
 * the staged copy before it takes the old one's place.
 */
export function fetchSource(source: string, dir: string, verify: (file: string) => void): string {
  const name = path.basename(source);
  const staging = fs.mkdtempSync(path.join(dir, '.fetching-'));
  try {
    const staged = path.join(staging, name);
    fs.copyFileSync(source, staged);
    for (const side of SIDES) {
      if ((fingerprintOf(`${source}${side}`)?.size ?? 0) > 0)
        fs.copyFileSync(`${source}${side}`, `${staged}${side}`);
    }
    if (fingerprintOf(staged)?.size !== fingerprintOf(source)?.size) {
      throw Object.assign(new Error(`the copy of ${source} came out short`), { code: 'EIO' });
    }
    verify(staged);
    for (const side of SIDES) if (fs.existsSync(`${staged}${side}`)) syncFile(`${staged}${side}`);
    syncFile(staged);
    const file = path.join(dir, name);
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${file}${suffix}`, { force: true });
    // The database's companions first: the main file's arrival completes the copy.
    for (const side of SIDES) {
      if (fs.existsSync(`${staged}${side}`)) fs.renameSync(`${staged}${side}`, `${file}${side}`);
    }
    fs.renameSync(staged, file);
    return file;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Moves a working copy with unsaved changes out of the way (the file on the stick changed
 * elsewhere, and both versions must stay): its folder is renamed and its record dropped, so
 * it is an ordinary workbook file the user can open. Returns the file's new path.
 */
export function keepAside(copy: WorkingCopy, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  let dir = `${copy.dir}-kept-${stamp}`;
  for (let n = 1; fs.existsSync(dir); n += 1) dir = `${copy.dir}-kept-${stamp}-${n}`;
  fs.renameSync(copy.dir, dir);
  fs.rmSync(path.join(dir, RECORD), { force: true });
  return path.join(dir, path.basename(copy.file));
}
