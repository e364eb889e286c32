/**
 * Portable mode with a password: an encrypted workbook on a stick opens (with its password only)
 * in a local working copy that stays encrypted, and what is saved back to the stick, and the
 * `.bak` kept beside it, are encrypted with the same key; a password set while the workbook is
 * portable reaches the stick with the next save. Plain SQLite cannot read any of these files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { unlock, WorkbookKey } from '../../db/workbook-key';
import type { Envelope, WorkbookInfo } from '../../electron/api/contract';
import { backupOf } from '../../electron/services/workbook/portable-save';
import { createApp } from '../../electron/app';
import { makeStick, namesIn, type Stick } from '../helpers/stick';
import { MIGRATIONS_DIR } from '../helpers/world';

const PASSWORD = 'флешка потеряется';

const sticks: Stick[] = [];
afterEach(() => {
  for (const stick of sticks.splice(0)) stick.dispose();
});

async function stick(): Promise<Stick> {
  const s = await makeStick();
  sticks.push(s);
  return s;
}

function failure(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}

/** Client names read with the key, as another copy of the program would with the password. */
function namesWithKey(file: string, password: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    unlock(db, new WorkbookKey(password));
    return db.prepare('SELECT name FROM clients ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Plain SQLite (no key) cannot read the file at all. */
function unreadableWithoutKey(file: string): boolean {
  try {
    namesIn(file);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'SQLITE_NOTADB';
  }
}

/** The stick's workbook encrypted with `PASSWORD` (set by a computer of its own, then closed). */
async function encryptedStick(): Promise<Stick> {
  const s = await stick();
  const pc = s.computer({ name: 'setup' });
  await pc.openSource();
  await pc.call('workbook.setPassword', { new: PASSWORD });
  pc.app.close();
  expect(unreadableWithoutKey(s.source)).toBe(true);
  return s;
}

describe('portable mode with a password', () => {
  it('a password set on a portable workbook reaches the stick encrypted, and no plain version is kept beside it as .bak', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    const set = await pc.call<WorkbookInfo>('workbook.setPassword', { new: PASSWORD });
    expect(set).toMatchObject({ portable: true, encrypted: true, path: s.source });
    expect(set.portableState?.unsaved).toBe(true);
    const workingCopy = set.portableState!.workingCopy;
    expect(unreadableWithoutKey(workingCopy)).toBe(true);

    await pc.call('workbook.save', {});
    expect(unreadableWithoutKey(s.source)).toBe(true);
    expect(namesWithKey(s.source, PASSWORD)).toEqual(['Анна с флешки']);
    // The version before the password would give the clients away on a lost stick.
    expect(fs.existsSync(backupOf(s.source))).toBe(false);

    await pc.addClient('Борис, записан в пути');
    await pc.call('workbook.save', {});
    expect(unreadableWithoutKey(backupOf(s.source))).toBe(true);
    expect(namesWithKey(backupOf(s.source), PASSWORD)).toEqual(['Анна с флешки']);
  });

  it('an encrypted workbook on a stick opens with its password only, and stays encrypted in the working copy, on the stick and in the .bak', async () => {
    const s = await encryptedStick();
    const pc = s.computer();
    expect(failure(await pc.send('workbook.open', { path: s.source })).code).toBe(
      'password_required',
    );
    expect(
      failure(await pc.send('workbook.open', { path: s.source, password: 'не тот' })).code,
    ).toBe('wrong_password');

    const info = await pc.call<WorkbookInfo>('workbook.open', {
      path: s.source,
      password: PASSWORD,
    });
    expect(info).toMatchObject({ portable: true, encrypted: true, path: s.source });
    const workingCopy = info.portableState!.workingCopy;
    expect(unreadableWithoutKey(workingCopy)).toBe(true);

    await pc.addClient('Борис, записан в пути');
    const saved = await pc.call<WorkbookInfo>('workbook.save', {});
    expect(saved.portableState).toMatchObject({ unsaved: false, saveError: null });
    expect(unreadableWithoutKey(s.source)).toBe(true);
    expect(namesWithKey(s.source, PASSWORD)).toEqual(['Анна с флешки', 'Борис, записан в пути']);
    expect(unreadableWithoutKey(backupOf(s.source))).toBe(true);
    expect(namesWithKey(backupOf(s.source), PASSWORD)).toEqual(['Анна с флешки']);

    // Saved back as it closes, too: still encrypted with the same key.
    await pc.addClient('Вера, перед уходом');
    pc.app.close();
    expect(unreadableWithoutKey(s.source)).toBe(true);
    expect(namesWithKey(s.source, PASSWORD)).toEqual([
      'Анна с флешки',
      'Борис, записан в пути',
      'Вера, перед уходом',
    ]);
    expect(fs.readdirSync(s.folder).sort()).toEqual(
      ['Клиенты.kartoteka', 'Клиенты.kartoteka.bak'].sort(),
    );
  });

  it('started on an encrypted workbook on a stick (a double-click), the program waits for its password, then works on a copy here', async () => {
    const s = await encryptedStick();
    const dataDir = path.join(s.root, 'double-click');
    const app = createApp({
      workbookPath: s.source,
      migrationsDir: MIGRATIONS_DIR,
      dataDir,
      shell: 'web',
      version: 'test',
      portableRoots: [s.folder],
      logger: { info: () => {}, error: () => {} },
    });
    s.apps.push(app);
    const waiting = await app.dispatch('workbook.awaitingPassword', {});
    expect(waiting).toMatchObject({ ok: true, data: { path: s.source, name: 'Клиенты' } });

    const opened = await app.dispatch('workbook.open', { path: s.source, password: PASSWORD });
    if (!opened.ok) throw new Error(opened.error.message);
    const info = opened.data as WorkbookInfo;
    expect(info).toMatchObject({ path: s.source, portable: true, encrypted: true });
    expect(info.portableState!.workingCopy.startsWith(dataDir)).toBe(true);
    expect(unreadableWithoutKey(info.portableState!.workingCopy)).toBe(true);
  });
});
