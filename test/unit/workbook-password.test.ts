/**
 * Password protection on real files through the real dispatch: a workbook made with a password
 * is unreadable without it (plain SQLite fails on it), opens with the right password only, and
 * a wrong one changes nothing; setting, changing and removing the password keep every row and
 * retire the old password; a copy is encrypted too; the password is never written anywhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookKey } from '../../db/workbook-key';
import { createApp, type App } from '../../electron/app';
import { reencrypt } from '../../electron/services/workbook/password';
import type { Envelope } from '../../electron/api/contract';
import { makeClient, makeWorld, MIGRATIONS_DIR, tempDir, type World } from '../helpers/world';

const worlds: World[] = [];
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  for (const world of worlds.splice(0)) world.dispose();
});

function world(locale: 'ru' | 'en' = 'en'): World {
  const w = makeWorld({ locale });
  worlds.push(w);
  return w;
}

/** A password with everything that could break quoting: quotes, a backslash, Cyrillic, spaces. */
const TRICKY = `it's "my" \\ ключ; DROP TABLE clients; --`;

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function failure(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}

async function names(w: World): Promise<string[]> {
  return (await w.call('clients.list', {})).rows.map((r) => r.name);
}

/** What plain SQLite (no key) makes of the file. */
function plainRead(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT name FROM clients').pluck().all());
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    db.close();
  }
}

const header = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1');

/** An encrypted workbook with one client, left closed: the world is back on its own workbook. */
async function encryptedWorkbook(w: World, password = TRICKY, back?: string): Promise<string> {
  const file = path.join(w.dir, 'Секрет.kartoteka');
  await w.call('workbook.create', { path: file, password });
  await w.call('clients.create', makeClient({ name: 'Анна Секретная' }));
  await w.call('workbook.open', { path: w.file, ...(back ? { password: back } : {}) });
  return file;
}

describe('a workbook made with a password', () => {
  it('is encrypted from its first byte: plain SQLite cannot read it, the header is not readable', async () => {
    const w = world();
    const file = await encryptedWorkbook(w);
    expect(header(file)).not.toBe('SQLite format 3\0');
    expect(plainRead(file)).toBe('SQLITE_NOTADB');
    // No side file holds the content unencrypted either.
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('Секрет'))).toEqual([
      'Секрет.kartoteka',
    ]);
    expect(fs.readFileSync(file).includes(Buffer.from('Анна Секретная'))).toBe(false);
  });

  it('asks for its password, refuses a wrong one leaving the file as it was, opens with the right one', async () => {
    const w = world();
    const file = await encryptedWorkbook(w);
    await w.call('clients.create', makeClient({ name: 'Борис Открытый' }));
    const before = checksum(file);

    const asked = failure(await w.send('workbook.open', { path: file }));
    expect(asked).toEqual({
      code: 'password_required',
      field: 'password',
      message:
        '"Секрет" is encrypted (or it is not a workbook at all): enter its password to open it.',
    });
    const wrong = failure(await w.send('workbook.open', { path: file, password: 'secret' }));
    expect(wrong).toMatchObject({ code: 'wrong_password', field: 'password' });
    expect(wrong.message).toContain('This password does not open "Секрет"');
    expect(checksum(file)).toBe(before);
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('Секрет'))).toEqual([
      'Секрет.kartoteka',
    ]);
    // The open workbook was never left.
    expect(await names(w)).toEqual(['Борис Открытый']);

    const info = await w.call('workbook.open', { path: file, password: TRICKY });
    expect(info).toMatchObject({ name: 'Секрет', encrypted: true, readOnly: false });
    expect(await names(w)).toEqual(['Анна Секретная']);
    expect((await w.call('workbook.recent', undefined)).slice(0, 2)).toMatchObject([
      { name: 'Секрет', encrypted: true },
      { name: 'test', encrypted: false },
    ]);
  });

  it('in Russian: the request for a password and the refusal of a wrong one', async () => {
    const w = world('ru');
    const file = await encryptedWorkbook(w);
    expect(failure(await w.send('workbook.open', { path: file })).message).toBe(
      '«Секрет» зашифрована (или это вовсе не рабочая книга): введите её пароль, чтобы открыть.',
    );
    expect(failure(await w.send('workbook.open', { path: file, password: 'x' })).message).toMatch(
      /^Этот пароль не открывает «Секрет»\./,
    );
  });

  it('opens read-only with its password, and "open for writing" keeps the password', async () => {
    const w = world();
    const file = await encryptedWorkbook(w);
    const ro = await w.call('workbook.open', { path: file, password: TRICKY, readOnly: true });
    expect(ro).toMatchObject({ readOnly: true, encrypted: true });
    expect(await names(w)).toEqual(['Анна Секретная']);
    const rw = await w.call('workbook.open', { path: file });
    expect(rw).toMatchObject({ readOnly: false, encrypted: true });
  });
});

describe('files that are not workbooks', () => {
  it('random bytes in whole pages may be encrypted: a password is asked for, a wrong one changes nothing', async () => {
    const w = world();
    const file = path.join(w.dir, 'noise.bin');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = checksum(file);
    expect(failure(await w.send('workbook.open', { path: file })).code).toBe('password_required');
    expect(failure(await w.send('workbook.open', { path: file, password: 'p' })).code).toBe(
      'wrong_password',
    );
    expect(checksum(file)).toBe(before);
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('noise'))).toEqual(['noise.bin']);
  });

  it('a text file is not a workbook, whatever the password', async () => {
    const w = world();
    const file = path.join(w.dir, 'notes.txt');
    fs.writeFileSync(file, 'Позвонить Анне в четверг.\n'.repeat(40));
    for (const input of [{ path: file }, { path: file, password: 'p' }]) {
      expect(failure(await w.send('workbook.open', input))).toMatchObject({
        code: 'invalid_input',
        field: 'path',
      });
    }
  });
});

describe('workbook.setPassword', () => {
  it('sets a password: the same workbook, now unreadable without it', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Вера' }));
    const info = await w.call('workbook.setPassword', { new: TRICKY });
    expect(info).toMatchObject({ path: w.file, encrypted: true, readOnly: false });
    expect(await names(w)).toEqual(['Вера']);
    await w.call('clients.create', makeClient({ name: 'Глеб' }));
    expect(plainRead(w.file)).toBe('SQLITE_NOTADB');
    expect(fs.readFileSync(w.file).includes(Buffer.from('Вера'))).toBe(false);
    // Nothing beside it: no temporary or unencrypted file left.
    expect(fs.readdirSync(w.dir).filter((f) => /rekey|\.tmp|\.copy/.test(f))).toEqual([]);
    expect((await w.call('workbook.recent', undefined))[0]).toMatchObject({ encrypted: true });
  });

  it('changes it: the old password no longer opens the workbook, the new one does', async () => {
    const w = world();
    await w.call('workbook.setPassword', { new: 'first' });
    await w.call('clients.create', makeClient({ name: 'Дарья' }));
    const wrongOld = failure(await w.send('workbook.setPassword', { old: 'frist', new: 'second' }));
    expect(wrongOld).toMatchObject({ code: 'wrong_password', field: 'old' });
    const noOld = failure(await w.send('workbook.setPassword', { new: 'second' }));
    expect(noOld).toMatchObject({ code: 'invalid_input', field: 'old' });
    await w.call('workbook.setPassword', { old: 'first', new: 'second' });
    expect(await names(w)).toEqual(['Дарья']);

    await w.call('workbook.create', { path: path.join(w.dir, 'other.kartoteka') });
    expect(failure(await w.send('workbook.open', { path: w.file, password: 'first' })).code).toBe(
      'wrong_password',
    );
    await w.call('workbook.open', { path: w.file, password: 'second' });
    expect(await names(w)).toEqual(['Дарья']);
  });

  it('removes it: the file is plain SQLite again with every row', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Егор' }));
    await w.call('workbook.setPassword', { new: 'first' });
    const info = await w.call('workbook.setPassword', { old: 'first' });
    expect(info.encrypted).toBe(false);
    expect(header(w.file)).toBe('SQLite format 3\0');
    await w.call('workbook.open', { path: path.join(w.dir, 'test.kartoteka') });
    w.app.close();
    expect(plainRead(w.file)).toBe(JSON.stringify(['Егор']));
  });

  it('a wrong current password leaves the file byte for byte as it was', async () => {
    const w = world();
    await w.call('workbook.setPassword', { new: 'first' });
    w.app.wb.checkpoint();
    const before = checksum(w.file);
    expect(failure(await w.send('workbook.setPassword', { old: 'wrong' })).code).toBe(
      'wrong_password',
    );
    expect(checksum(w.file)).toBe(before);
  });
});

describe('copies of an encrypted workbook', () => {
  it('workbook.saveCopy writes a copy encrypted with the same password', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Жанна' }));
    await w.call('workbook.setPassword', { new: TRICKY });
    const copy = path.join(w.dir, 'copy.kartoteka');
    await w.call('workbook.saveCopy', { path: copy });
    expect(plainRead(copy)).toBe('SQLITE_NOTADB');
    expect(fs.readdirSync(w.dir).filter((f) => f.includes('copy'))).toEqual(['copy.kartoteka']);
    expect(failure(await w.send('workbook.open', { path: copy })).code).toBe('password_required');
    await w.call('workbook.open', { path: copy, password: TRICKY });
    expect(await names(w)).toEqual(['Жанна']);
  });
});

describe('the backup before a migration', () => {
  it('of an encrypted workbook is encrypted with the same password', async () => {
    const w = world();
    const old = path.join(w.dir, 'Старая.kartoteka');
    fs.copyFileSync(
      path.resolve(__dirname, '../fixtures/workbooks/0005_nps_deleted_at.kartoteka'),
      old,
    );
    reencrypt(old, null, new WorkbookKey('давний'));
    await w.call('workbook.open', { path: old, password: 'давний' });
    const backups = (await w.call('workbook.backups', undefined)).filter(
      (b) => b.kind === 'before-migration',
    );
    expect(backups).toHaveLength(1);
    const backup = backups[0]!.path;
    expect(plainRead(backup)).toBe('SQLITE_NOTADB');
    const db = new Database(backup, { readonly: true });
    try {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = '${'давний'}'`);
      expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(
        w.app.wb.sqlite.prepare('SELECT count(*) FROM clients').pluck().get(),
      );
    } finally {
      db.close();
    }
  });
});

describe('the first workbook, encrypted', () => {
  it('waits for its password: nothing is open, the window is told which workbook to unlock', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Зоя' }));
    await w.call('workbook.setPassword', { new: 'first' });
    w.app.close();
    const app = createApp({
      workbookPath: w.file,
      migrationsDir: MIGRATIONS_DIR,
      dataDir: tempDir('kartoteka-data-'),
      shell: 'web',
      version: 'test',
      systemLocale: 'en',
      logger: { info: () => {}, error: () => {} },
    });
    apps.push(app);
    expect(failure(await app.dispatch('workbook.info', undefined))).toMatchObject({
      code: 'password_required',
      field: 'password',
    });
    expect(failure(await app.dispatch('clients.list', {})).code).toBe('password_required');
    expect(await app.dispatch('workbook.awaitingPassword', undefined)).toEqual({
      ok: true,
      data: { path: w.file, name: 'test' },
    });
    const opened = await app.dispatch('workbook.open', { path: w.file, password: 'first' });
    expect(opened).toMatchObject({ ok: true, data: { encrypted: true } });
    expect(await app.dispatch('workbook.awaitingPassword', undefined)).toEqual({
      ok: true,
      data: null,
    });
    const list = await app.dispatch('clients.list', {});
    expect(list).toMatchObject({ ok: true, data: { rows: [{ name: 'Зоя' }] } });
  });
});

describe('the password is kept in memory only', () => {
  it('appears in no file beside the workbook, in no setting, and in no log line', async () => {
    const w = world();
    const password = 'Unforgettable-Пароль-42';
    await w.call('workbook.setPassword', { new: password });
    await w.send('workbook.setPassword', { old: `${password}x`, new: 'y' });
    await w.send('workbook.open', { path: path.join(w.dir, 'missing.kartoteka'), password });
    const file = await encryptedWorkbook(w, password, password);
    await w.send('workbook.open', { path: file, password: 'wrong' });
    await w.call('workbook.open', { path: file, password });
    const settings = JSON.stringify(w.app.wb.sqlite.prepare('SELECT * FROM settings').all());
    expect(settings).not.toContain(password);
    // The data folder is the workbook's folder here: its backups and their index are read too.
    await w.call('workbook.backup', undefined);
    const files = fs
      .readdirSync(w.dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => fs.statSync(path.join(w.dir, name)).isFile());
    expect(files.some((name) => name.startsWith('backups'))).toBe(true);
    for (const name of files) {
      const content = fs.readFileSync(path.join(w.dir, name));
      expect(content.includes(Buffer.from(password)), name).toBe(false);
    }
    expect(w.logged.join('\n')).not.toContain(password);
    expect(JSON.stringify(w.app.wb.key)).toBe('"[password]"');
    expect(String(w.app.wb.key)).toBe('[password]');
  });
});
