/**
 * Where a workbook's backups live: `<data folder>/backups/<workbook id>/`. The id is a UUID kept
 * in the workbook's settings (so it follows the file when it is moved or renamed, and a restored
 * backup keeps it), made the first time it is needed. `backups/index.json` remembers which file
 * has which id, so a workbook too damaged to read its settings still finds its backups.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { BackupInfo } from '../../api/contract';
import { AppError } from '../../api/errors';
import { parseBackupName, type BackupName } from './backup-names';
import { samePath } from './recent';

/** The settings key of the workbook's id. */
export const WORKBOOK_ID_KEY = 'workbookId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const storedIndex = z.object({ version: z.literal(1), ids: z.record(z.string(), z.string()) });
type StoredIndex = z.infer<typeof storedIndex>;

/** A backup on disk: what the list shows, and what its name says. */
export interface StoredBackup {
  info: BackupInfo;
  name: BackupName;
}

/** The id kept in a workbook's settings; null when it has none or they cannot be read. */
export function readWorkbookId(sqlite: Database.Database): string | null {
  try {
    const value = sqlite
      .prepare('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(WORKBOOK_ID_KEY) as string | undefined;
    const id = value === undefined ? null : (JSON.parse(value) as unknown);
    return typeof id === 'string' && UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Keeps `id` in the workbook's settings (its own small transaction). */
export function writeWorkbookId(sqlite: Database.Database, id: string, now: Date): void {
  sqlite
    .prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
    .run(WORKBOOK_ID_KEY, JSON.stringify(id), now.toISOString());
}

/** A copy is another workbook: it gets an id of its own the first time it is opened. */
export function forgetWorkbookId(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM settings WHERE key = ?').run(WORKBOOK_ID_KEY);
}

export class BackupStore {
  constructor(private readonly dataDir: string) {}

  get root(): string {
    return path.join(this.dataDir, 'backups');
  }

  folder(id: string): string {
    return path.join(this.root, id);
  }

  /**
   * The id of the workbook `sqlite` has open at `file`: from its settings, else from the index;
   * a new one otherwise, kept in the workbook when it may be written. The index learns it.
   */
  idOf(sqlite: Database.Database, file: string, how: { writable: boolean; now: Date }): string {
    let id = readWorkbookId(sqlite);
    if (!id) {
      id = this.recall(file) ?? crypto.randomUUID();
      if (how.writable) writeWorkbookId(sqlite, id, how.now);
    }
    if (this.recall(file) !== id) this.remember(file, id);
    return id;
  }

  /** The id last seen at `file`, for a workbook whose settings cannot be read. */
  recall(file: string): string | null {
    const ids = this.readIndex().ids;
    const key = Object.keys(ids).find((p) => samePath(p, file));
    return key ? (ids[key] ?? null) : null;
  }

  /** The workbook's backups, newest first. */
  list(id: string): StoredBackup[] {
    const folder = this.folder(id);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    const found: StoredBackup[] = [];
    for (const file of names) {
      const name = parseBackupName(file);
      if (!name) continue;
      const full = path.join(folder, file);
      let sizeBytes: number;
      try {
        sizeBytes = fs.statSync(full).size;
      } catch {
        continue; // Deleted (or rotated away) while the folder was read.
      }
      found.push({ name, info: toInfo(full, name, sizeBytes) });
    }
    return found.sort((a, b) => b.name.createdAt.getTime() - a.name.createdAt.getTime());
  }

  /** One of the workbook's backups, by the path the list gave; refused if it is anything else. */
  find(id: string, file: string): StoredBackup {
    const resolved = path.resolve(file);
    const found = samePath(path.dirname(resolved), this.folder(id))
      ? this.list(id).find((b) => samePath(b.info.path, resolved))
      : undefined;
    if (!found) throw new AppError('not_found', 'backup_not_found', {}, 'path');
    return found;
  }

  private remember(file: string, id: string): void {
    const index = this.readIndex();
    for (const key of Object.keys(index.ids)) if (samePath(key, file)) delete index.ids[key];
    index.ids[path.resolve(file)] = id;
    fs.mkdirSync(this.root, { recursive: true });
    const target = path.join(this.root, 'index.json');
    const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(index, null, 2));
      fs.renameSync(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  /** A missing or broken index is an empty one: the workbooks' own ids are the truth. */
  private readIndex(): StoredIndex {
    try {
      const text = fs.readFileSync(path.join(this.root, 'index.json'), 'utf8');
      const parsed = storedIndex.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : { version: 1, ids: {} };
    } catch {
      return { version: 1, ids: {} };
    }
  }
}

function toInfo(file: string, name: BackupName, sizeBytes: number): BackupInfo {
  return {
    path: file,
    kind: name.kind,
    createdAt: name.createdAt.toISOString(),
    sizeBytes,
    clients: name.clients ?? 0,
    // Kept aside when it was found damaged (its name has no fingerprint).
    ...(name.fingerprint === null ? { integrity: 'damaged' as const } : {}),
  };
}
