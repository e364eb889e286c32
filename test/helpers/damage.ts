/**
 * Damaging a real workbook the way a failing disk does: bytes of its b-tree pages overwritten
 * (never the 100-byte header, which still says "SQLite, a Kartoteka workbook"). The workbook
 * must be closed (one file, no WAL beside it).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

function pageOf(file: string, table: string): { offset: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?")
      .pluck()
      .get(table) as number | undefined;
    if (!root) throw new Error(`no table ${table} in ${file}`);
    return { offset: (root - 1) * pageSize };
  } finally {
    db.close();
  }
}

function overwrite(file: string, offset: number, length: number): void {
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
    throw new Error(`${file} is still open: its WAL holds pages`);
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** The root page of `table` overwritten: the workbook opens, but reading that table fails. */
export function damageTable(file: string, table = 'clients'): void {
  overwrite(file, pageOf(file, table).offset, 64);
}

/** The schema's page (page 1, after the header) overwritten: SQLite cannot read a thing. */
export function damageSchema(file: string): void {
  overwrite(file, 100, 64);
}

/**
 * Pages freed by a dropped table, and the first of the free list overwritten: nothing that
 * reads the workbook meets it, but the integrity check does (and so would a write that needs a
 * new page). Made with plain SQLite on the closed workbook.
 */
export function damageFreeList(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.exec('CREATE TABLE junk (x TEXT)');
    const insert = db.prepare('INSERT INTO junk VALUES (?)');
    for (let i = 0; i < 50; i++) insert.run('x'.repeat(4000));
    db.exec('DROP TABLE junk');
  } finally {
    db.close();
  }
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16);
  const trunk = header.readUInt32BE(32);
  if (trunk === 0) throw new Error(`${file} has no free pages`);
  overwrite(file, (trunk - 1) * pageSize, 8);
}
