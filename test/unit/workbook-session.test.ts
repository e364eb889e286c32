/**
 * The workbook as a document, through the real dispatch: which workbook is open, opening and
 * creating others (every channel then works on the new one), refusals that leave both the open
 * workbook and the refused file alone, one writer, read-only workbooks, the recent list.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkbook } from '../../db/workbook';
import { createApp, type App } from '../../electron/app';
import type { Envelope, WorkbookInfo } from '../../electron/api/contract';
import { lockFileOf } from '../../electron/services/workbook/lock';
import { makeClient, makeWorld, MIGRATIONS_DIR, tempDir, type World } from '../helpers/world';

const worlds: World[] = [];
const apps: App[] = [];
const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const app of apps.splice(0)) app.close();
  for (const world of worlds.splice(0)) world.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

function world(): World {
  const w = makeWorld();
  worlds.push(w);
  return w;
}

/** A second app (another window or process) on `file`, with its own data folder. */
function otherApp(file: string): App {
  const app = createApp({
    workbookPath: file,
    migrationsDir: MIGRATIONS_DIR,
    dataDir: scratch('kartoteka-data-'),
    shell: 'web',
    version: 'test',
    systemLocale: 'en',
    logger: { info: () => {}, error: () => {} },
  });
  apps.push(app);
  return app;
}

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function failure(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}

async function names(send: App['dispatch']): Promise<string[]> {
  const envelope = await send('clients.list', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.data as { rows: { name: string }[] }).rows.map((r) => r.name);
}

describe('workbook.info', () => {
  it('names the open workbook without its extension and describes it', async () => {
    const w = world();
    const info = await w.call('workbook.info', undefined);
    expect(info).toEqual({
      path: w.file,
      name: 'test',
      schemaVersion: w.app.wb.schemaVersion,
      sizeBytes: fs.statSync(w.file).size,
      encrypted: false,
      readOnly: false,
      portable: false,
      readOnlyReason: null,
      lockedBy: null,
      portableState: null,
      integrity: 'ok',
    } satisfies WorkbookInfo);
    expect(info.schemaVersion).toBeGreaterThan(0);
  });
});

describe('opening and creating workbooks', () => {
  it('every channel works on the workbook opened last, and the one left is released', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Анна из первой' }));
    const second = await w.call('workbook.create', { path: path.join(w.dir, 'Вторая') });
    expect(second).toMatchObject({ name: 'Вторая', path: path.join(w.dir, 'Вторая.kartoteka') });
    expect(await names(w.app.dispatch)).toEqual([]);
    await w.call('clients.create', makeClient({ name: 'Борис из второй' }));
    expect(fs.existsSync(lockFileOf(w.file))).toBe(false);
    expect(fs.existsSync(lockFileOf(second.path))).toBe(true);

    await w.call('workbook.open', { path: w.file });
    expect(await names(w.app.dispatch)).toEqual(['Анна из первой']);
    expect((await w.call('app.info', undefined)).workbookPath).toBe(w.file);
    expect(fs.existsSync(lockFileOf(second.path))).toBe(false);
    // The one left is whole: one file, with its client.
    expect(fs.existsSync(`${second.path}-wal`)).toBe(false);
    const db = new Database(second.path, { readonly: true });
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Борис из второй']);
    db.close();
  });

  it('a file that is not a workbook is refused; it stays as it was and the open workbook works on', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Вера' }));
    const foreign = path.join(w.dir, 'photos.db');
    const db = new Database(foreign);
    db.exec(
      "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a.jpg')",
    );
    db.close();
    const before = checksum(foreign);
    const error = failure(await w.send('workbook.open', { path: foreign }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'path' });
    expect(error.message).toBe(
      '"photos.db" is a database of another program, not a Kartoteka workbook, so it was not opened. The file was left as it was.',
    );
    expect(checksum(foreign)).toBe(before);
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('photos'))).toEqual(['photos.db']);
    expect(await names(w.app.dispatch)).toEqual(['Вера']);
  });

  it('says which path is wrong: not a full path, no such file, a file already there, a folder missing', async () => {
    const w = world();
    expect(failure(await w.send('workbook.open', { path: 'clients.kartoteka' }))).toMatchObject({
      code: 'invalid_input',
      field: 'path',
    });
    const missing = path.join(w.dir, 'нет.kartoteka');
    expect(failure(await w.send('workbook.open', { path: missing }))).toEqual({
      code: 'not_found',
      field: 'path',
      message: `There is no file at ${missing}.`,
    });
    expect(failure(await w.send('workbook.create', { path: w.file }))).toMatchObject({
      code: 'conflict',
      message: `There is a file at ${w.file} already. Choose another name.`,
    });
    const nowhere = path.join(w.dir, 'нет', 'книга.kartoteka');
    expect(failure(await w.send('workbook.create', { path: nowhere }))).toMatchObject({
      code: 'not_found',
    });
    expect(fs.existsSync(path.dirname(nowhere))).toBe(false);
  });

  it('a switch that fails half-way opens the previous workbook again', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Глеб' }));
    // A workbook of the previous version whose upgrade finds a broken reference.
    const older = path.join(scratch('kartoteka-migrations-'), 'migrations');
    fs.cpSync(MIGRATIONS_DIR, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const broken = path.join(w.dir, 'broken.kartoteka');
    const old = openWorkbook(broken, { migrationsDir: older });
    old.sqlite.pragma('foreign_keys = OFF');
    old.sqlite
      .prepare(
        "INSERT INTO comments (id, client_id, kind, author, body, at, created_at, updated_at) VALUES ('c', 'nobody', 'note', 'a', 'b', 'x', 'x', 'x')",
      )
      .run();
    old.close();

    const error = failure(await w.send('workbook.open', { path: broken }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('"broken" could not be upgraded');
    expect((await w.call('workbook.info', undefined)).path).toBe(w.file);
    expect(await names(w.app.dispatch)).toEqual(['Глеб']);
    await w.call('clients.create', makeClient({ name: 'Дина' }));
    expect(fs.existsSync(lockFileOf(broken))).toBe(false);
  });

  it('tells listeners of every switch and of the close', async () => {
    const w = world();
    const seen: (string | null)[] = [];
    w.app.session.onChange((info) => seen.push(info?.name ?? null));
    await w.call('workbook.create', { path: path.join(w.dir, 'Другая.kartoteka') });
    await w.call('workbook.open', { path: w.file });
    w.app.close();
    expect(seen).toEqual(['Другая', 'test', null]);
  });
});

describe('one writer', () => {
  it('a workbook open in another app is refused for writing, says who holds it, and opens read-only', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Ефим' }));
    const other = otherApp(path.join(w.dir, 'other.kartoteka'));
    const error = failure(await other.dispatch('workbook.open', { path: w.file }));
    expect(error.code).toBe('locked');
    const user = (JSON.parse(fs.readFileSync(lockFileOf(w.file), 'utf8')) as { user: string }).user;
    expect(error.message).toMatch(
      new RegExp(
        `^"test" is open for writing on .+ by ${user} since .+\\. You can open it read-only\\.$`,
      ),
    );
    expect(
      (await other.dispatch('workbook.info', undefined)) as Envelope<WorkbookInfo>,
    ).toMatchObject({
      ok: true,
      data: { name: 'other' },
    });

    const info = (await other.dispatch('workbook.open', {
      path: w.file,
      readOnly: true,
    })) as Envelope<WorkbookInfo>;
    expect(info).toMatchObject({
      ok: true,
      data: { readOnly: true, readOnlyReason: 'locked', lockedBy: { user } },
    });
    expect(await names(other.dispatch)).toEqual(['Ефим']);
    expect(failure(await other.dispatch('clients.create', makeClient()))).toEqual({
      code: 'read_only',
      message: 'The workbook is open read-only, so nothing was changed.',
    });
    // The writer is not disturbed.
    await w.call('clients.create', makeClient({ name: 'Жанна' }));
    expect(await names(other.dispatch)).toEqual(['Ефим', 'Жанна']);
  });

  it('names the holder on another machine in the words of the screens', async () => {
    const w = makeWorld({ locale: 'ru' });
    worlds.push(w);
    const held = path.join(w.dir, 'Склад.kartoteka');
    otherApp(held).close();
    apps.pop();
    const since = new Date(2026, 10, 12, 9, 5);
    fs.writeFileSync(
      lockFileOf(held),
      JSON.stringify({
        app: 'kartoteka',
        id: 'l',
        machine: 'LAPTOP',
        user: 'vera',
        pid: 1,
        since: since.toISOString(),
      }),
    );
    expect(failure(await w.send('workbook.open', { path: held }))).toEqual({
      code: 'locked',
      message:
        '«Склад» открыта для записи на компьютере LAPTOP пользователем vera с 12 ноя 2026, 09:05. Её можно открыть только для чтения.',
    });
    await w.call('settings.set', { language: 'en' });
    expect(failure(await w.send('workbook.open', { path: held })).message).toBe(
      '"Склад" is open for writing on LAPTOP by vera since Nov 12, 2026, 09:05. You can open it read-only.',
    );
  });

  it("a shell's first workbook held by another app opens read-only, naming the holder", () => {
    const w = world();
    const other = otherApp(w.file);
    expect(other.session.info()).toMatchObject({
      readOnly: true,
      readOnlyReason: 'locked',
      lockedBy: { user: expect.any(String) as string, machine: expect.any(String) as string },
    });
  });

  it('two paths to one file (a link) meet the same lock', async () => {
    const w = world();
    fs.mkdirSync(path.join(w.dir, 'links'));
    const link = path.join(w.dir, 'links', 'shortcut.kartoteka');
    fs.symlinkSync(w.file, link);
    const other = otherApp(path.join(w.dir, 'other.kartoteka'));
    expect(failure(await other.dispatch('workbook.open', { path: link })).code).toBe('locked');
  });

  it('a lock left by a crashed process is taken over', async () => {
    const w = world();
    const file = w.file;
    w.app.close();
    fs.writeFileSync(
      lockFileOf(file),
      JSON.stringify({
        app: 'kartoteka',
        id: 'crashed',
        machine: (await import('node:os')).hostname(),
        user: 'anna',
        pid: 2 ** 22 + 7,
        since: new Date().toISOString(),
      }),
    );
    const app = otherApp(file);
    expect(app.session.info().readOnly).toBe(false);
    expect(await app.dispatch('clients.create', makeClient())).toMatchObject({ ok: true });
  });

  it('a lock taken away while open (the heartbeat finds another holder) makes the workbook read-only', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const w = world();
    fs.writeFileSync(
      lockFileOf(w.file),
      JSON.stringify({
        app: 'kartoteka',
        id: 'theirs',
        machine: 'LAPTOP',
        user: 'vera',
        pid: 1,
        since: new Date().toISOString(),
      }),
    );
    vi.advanceTimersByTime(31_000);
    expect(w.app.session.info()).toMatchObject({
      readOnly: true,
      readOnlyReason: 'locked',
      lockedBy: { machine: 'LAPTOP', user: 'vera' },
    });
    expect(failure(await w.send('clients.create', makeClient())).code).toBe('read_only');
  });
});

describe('read-only workbooks', () => {
  it('a read-only file opens read-only: reads work, writes are refused, the file is unchanged', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Зоя' }));
    const file = w.file;
    w.app.close();
    fs.chmodSync(file, 0o444);
    const before = checksum(file);
    const app = otherApp(file);
    expect(app.session.info()).toMatchObject({
      readOnly: true,
      readOnlyReason: 'file',
      lockedBy: null,
    });
    expect(await names(app.dispatch)).toEqual(['Зоя']);
    expect(await app.dispatch('analytics.dashboard', {})).toMatchObject({ ok: true });
    for (const [channel, input] of [
      ['clients.create', makeClient()],
      ['settings.set', { userName: 'Иван' }],
      ['trash.empty', undefined],
    ] as const) {
      expect(failure(await app.dispatch(channel, input)).code, channel).toBe('read_only');
    }
    app.close();
    apps.pop();
    expect(checksum(file)).toBe(before);
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('test.'))).toEqual(['test.kartoteka']);
  });
});

describe('saving a copy', () => {
  it('writes a complete copy while the app runs: plain SQLite finds the last change in it', async () => {
    const w = world();
    const { id } = await w.call('clients.create', makeClient({ name: 'Игорь' }));
    await w.call('clients.update', { id, patch: { company: 'ООО Последнее изменение' } });
    expect(fs.statSync(`${w.file}-wal`).size).toBeGreaterThan(0);
    const copy = await w.call('workbook.saveCopy', { path: path.join(w.dir, 'Копия') });
    const target = path.join(w.dir, 'Копия.kartoteka');
    expect(copy).toEqual({ path: target, sizeBytes: fs.statSync(target).size });
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('Копия'))).toEqual(['Копия.kartoteka']);
    const db = new Database(target, { readonly: true });
    expect(db.prepare('SELECT company FROM clients WHERE id = ?').pluck().get(id)).toBe(
      'ООО Последнее изменение',
    );
    expect(db.pragma('application_id', { simple: true })).toBe(0x4b415254);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // The app works on as before.
    await w.call('clients.update', { id, patch: { company: 'ООО После копии' } });
  });

  it('does not replace a file unless told to, and never the open workbook itself', async () => {
    const w = world();
    const target = path.join(w.dir, 'копия.kartoteka');
    fs.writeFileSync(target, 'не трогать');
    expect(failure(await w.send('workbook.saveCopy', { path: target }))).toMatchObject({
      code: 'conflict',
      field: 'overwrite',
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('не трогать');
    expect(failure(await w.send('workbook.saveCopy', { path: w.file })).code).toBe('conflict');
    await w.call('workbook.saveCopy', { path: target, overwrite: true });
    expect(fs.readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('the recent list', () => {
  it('lists the workbooks opened here, newest first, and marks those no longer there', async () => {
    const w = world();
    const other = path.join(w.dir, 'Склад.kartoteka');
    await w.call('workbook.create', { path: other });
    await w.call('workbook.open', { path: w.file });
    const recent = await w.call('workbook.recent', undefined);
    expect(recent.map((r) => [r.name, r.path, r.exists])).toEqual([
      ['test', w.file, true],
      ['Склад', other, true],
    ]);
    fs.rmSync(other);
    expect((await w.call('workbook.recent', undefined)).map((r) => r.exists)).toEqual([
      true,
      false,
    ]);
    expect(fs.existsSync(path.join(w.dir, 'recent.json'))).toBe(true);
    fs.writeFileSync(path.join(w.dir, 'recent.json'), '{ broken');
    expect(await w.call('workbook.recent', undefined)).toEqual([]);
  });
});

describe('closing', () => {
  it('leaves one file with every change in it, and no lock', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Кира' }));
    w.app.close();
    expect(fs.readdirSync(w.dir).filter((f) => f.startsWith('test.'))).toEqual(['test.kartoteka']);
    const db = new Database(w.file, { readonly: true });
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Кира']);
    db.close();
  });
});

describe('replacing the file (restore, re-encrypt)', () => {
  it('closes the workbook, keeps it locked while the file is swapped, and opens what is there', async () => {
    const w = world();
    await w.call('clients.create', makeClient({ name: 'Старая' }));
    const source = path.join(w.dir, 'source.kartoteka');
    const maker = otherApp(source);
    await maker.dispatch('clients.create', makeClient({ name: 'Новая' }));
    maker.close();
    apps.pop();

    let duringSwap: { locked?: string; call?: string } = {};
    const info = await w.app.session.replaceFile(async (file) => {
      const other = otherApp(path.join(w.dir, 'third.kartoteka'));
      duringSwap = {
        locked: failure(await other.dispatch('workbook.open', { path: file })).code,
        call: failure(await w.send('clients.list', {})).code,
      };
      fs.copyFileSync(source, file);
    });
    expect(duringSwap).toEqual({ locked: 'locked', call: 'unavailable' });
    expect(info.path).toBe(w.file);
    expect(await names(w.app.dispatch)).toEqual(['Новая']);
  });
});

describe('while an import runs', () => {
  it('another workbook is not opened (the import worker has this one open)', async () => {
    const w = world();
    const { WorkbookSession } = await import('../../electron/services/workbook/session');
    const session = new WorkbookSession({
      migrationsDir: MIGRATIONS_DIR,
      dataDir: w.dir,
      now: () => new Date(),
      logger: { info: () => {}, error: () => {} },
      locale: () => 'en',
      workers: { busy: () => true, stop: () => {}, start: () => {} },
    });
    session.openFirst(path.join(w.dir, 'import.kartoteka'));
    try {
      expect(() => session.open(w.file)).toThrow(
        expect.objectContaining({ code: 'conflict', key: 'workbook_switch_busy' }),
      );
      expect(session.info().name).toBe('import');
    } finally {
      session.close();
    }
  });
});
