/**
 * Backups of an encrypted workbook, on real files: encrypted with its password (plain SQLite
 * cannot read them), listed with their clients, restored under the password the workbook has
 * now (a backup from before the password too), the workbook kept aside encrypted; a backup made
 * under an earlier password is refused and changes nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookKey } from '../../db/workbook-key';
import { unlock } from '../../db/workbook-key';
import { makeWorld, type World } from '../helpers/world';

let world: World | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

/** What plain SQLite (no key) makes of the file. */
function plainRead(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT count(*) FROM clients').pluck().get());
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    db.close();
  }
}

/** A client's company read from the file with `password`. */
function companyWith(file: string, password: string, id: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    unlock(db, new WorkbookKey(password));
    return db.prepare('SELECT company FROM clients WHERE id = ?').pluck().get(id);
  } finally {
    db.close();
  }
}

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('backups of an encrypted workbook', () => {
  it('are encrypted, listed with their clients, and restore the old value under the password', async () => {
    const w = (world = makeWorld());
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    await w.call('workbook.setPassword', { new: 'секрет' });
    expect(await w.call('workbook.info', undefined)).toMatchObject({
      encrypted: true,
      integrity: 'ok',
      readOnly: false,
    });
    const backup = await w.call('workbook.backup', undefined);
    expect(backup).toMatchObject({ kind: 'manual', clients: 1 });
    expect(backup.integrity).toBeUndefined();
    expect(plainRead(backup.path)).toBe('SQLITE_NOTADB');
    expect(companyWith(backup.path, 'секрет', anna.id)).toBe('Lily');

    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    const result = await w.call('workbook.restore', { path: backup.path });
    expect(result.workbook).toMatchObject({ encrypted: true, integrity: 'ok', readOnly: false });
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Lily');
    expect(plainRead(w.file)).toBe('SQLITE_NOTADB');
    // The workbook as it was is kept aside encrypted too, and counted.
    expect(plainRead(result.keptAs)).toBe('SQLITE_NOTADB');
    expect(companyWith(result.keptAs, 'секрет', anna.id)).toBe('Rose');
    const kept = (await w.call('workbook.backups', undefined))[0];
    expect(kept).toMatchObject({ kind: 'before-restore', clients: 1, path: result.keptAs });
    expect(kept?.integrity).toBeUndefined();
  });

  it('a backup from before the password is restored under the password, never as a plain file', async () => {
    const w = (world = makeWorld());
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    const plain = await w.call('workbook.backup', undefined);
    await w.call('workbook.setPassword', { new: 'pw-1' });
    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    const result = await w.call('workbook.restore', { path: plain.path });
    expect(result.workbook.encrypted).toBe(true);
    expect(plainRead(w.file)).toBe('SQLITE_NOTADB');
    expect(companyWith(w.file, 'pw-1', anna.id)).toBe('Lily');
    // The backup itself is left as it was.
    expect(plainRead(plain.path)).toBe('1');
  });

  it('a backup made under an earlier password is refused, and the workbook is as it was', async () => {
    const w = (world = makeWorld());
    const anna = await w.call('clients.create', { name: 'Anna', company: 'Lily' });
    await w.call('workbook.setPassword', { new: 'old-pw' });
    const early = await w.call('workbook.backup', undefined);
    await w.call('workbook.setPassword', { old: 'old-pw', new: 'new-pw' });
    await w.call('clients.update', { id: anna.id, patch: { company: 'Rose' } });
    w.app.wb.checkpoint();
    const before = checksum(w.file);
    const listed = await w.call('workbook.backups', undefined);
    const refused = await w.send('workbook.restore', { path: early.path });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('wrong_password');
      expect(refused.error.message).toContain('earlier password');
    }
    expect(checksum(w.file)).toBe(before);
    expect((await w.call('clients.get', { id: anna.id })).company).toBe('Rose');
    expect(await w.call('workbook.backups', undefined)).toEqual(listed);
    // Looking for a good backup does not call it damaged.
    const found = await w.call('workbook.backups', { findGood: true });
    expect(found.find((b) => b.path === early.path)?.integrity).toBeUndefined();
  });
});
