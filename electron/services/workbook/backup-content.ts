/**
 * What a backup's name records of its content, read through any connection to a workbook (of
 * any schema version; a damaged one gives nulls): the clients not in the trash, and a short
 * fingerprint that changes whenever the workbook does (a new change or batch in the history, a
 * client created or removed for good, a setting, a manager, a field, a view, a lost reason), so the daily backup can tell whether
 * there is anything new to keep. Each part is an index lookup or a small table: fast on a
 * workbook of any size.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export interface Content {
  clients: number | null;
  fingerprint: string | null;
}

/** Tables whose last row or last edit moves with every change the user makes. */
const GROWING = ['changes', 'batches'];
const SMALL = ['settings', 'managers', 'field_defs', 'saved_views', 'lost_reasons'];

/** The workbook's own id is kept in settings; it is the same in every backup of it. */
const IGNORED_SETTING = 'workbookId';

export function readContent(sqlite: Database.Database): Content {
  try {
    const tables = new Set(
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[],
    );
    // Every client, and those not in the trash: emptying the trash changes the first.
    const [all, clients] = tables.has('clients')
      ? (sqlite
          .prepare('SELECT count(*), coalesce(sum(deleted_at IS NULL), 0) FROM clients')
          .raw()
          .get() as [number, number])
      : [0, 0];
    const parts: unknown[] = [all, clients];
    for (const t of GROWING) {
      if (tables.has(t)) parts.push(sqlite.prepare(`SELECT max(rowid) FROM "${t}"`).pluck().get());
    }
    for (const t of SMALL) {
      if (!tables.has(t)) continue;
      const where = t === 'settings' ? ` WHERE key <> '${IGNORED_SETTING}'` : '';
      parts.push(
        sqlite.prepare(`SELECT count(*), max(updated_at) FROM "${t}"${where}`).raw().get(),
      );
    }
    const fingerprint = crypto
      .createHash('sha256')
      .update(JSON.stringify(parts))
      .digest('hex')
      .slice(0, 8);
    return { clients, fingerprint };
  } catch {
    // A damaged workbook kept aside: its name says the count and the fingerprint are unknown.
    return { clients: null, fingerprint: null };
  }
}

/** Whether the workbook holds anything the user made (a new, empty one needs no backup). */
export function hasHistory(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT EXISTS (SELECT 1 FROM batches)').pluck().get() === 1;
}
