/**
 * Automatic backups of a real workbook: daily while it is used (at the open for writing and at
 * each hourly look, once a local day, only when it changed), rotated, and before a migration
 * (in the backups folder, not beside the file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appOn, Clock, DAY, peek, type TestApp } from '../helpers/backups';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.app.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function place() {
  const dir = tempDir();
  dirs.push(dir);
  return { dir, file: path.join(dir, 'shop.kartoteka') };
}

function open(file: string, dir: string, clock: Clock, migrationsDir = MIGRATIONS_DIR) {
  const t = appOn(file, dir, { now: clock.now, migrationsDir });
  apps.push(t);
  return t;
}

function close(t: TestApp): void {
  t.app.close();
  apps.splice(apps.indexOf(t), 1);
}

const kinds = async (t: TestApp) =>
  (await t.call('workbook.backups', undefined)).map((b) => `${b.createdAt} ${b.kind}`);

/** `local` (a wall-clock time here) as the ISO timestamp a backup records. */
const iso = (local: string) => new Date(local).toISOString();

describe('daily backups', () => {
  it('are taken once a day while the workbook is used, and only when it changed', async () => {
    const { dir, file } = place();
    const clock = new Clock('2026-11-12T09:00:00');
    let t = open(file, dir, clock);
    await t.app.ctx.guard.idle();
    // A new, empty workbook: nothing to keep yet.
    expect(await kinds(t)).toEqual([]);

    await t.call('clients.create', { name: 'Anna' });
    clock.set('2026-11-12T10:00:00');
    await t.app.ctx.guard.tick();
    expect(await kinds(t)).toEqual([`${iso('2026-11-12T10:00:00')} daily`]);

    // Changed again the same day: the next hourly look leaves it for tomorrow.
    await t.call('clients.create', { name: 'Boris' });
    clock.set('2026-11-12T11:00:00');
    await t.app.ctx.guard.tick();
    expect(await kinds(t)).toHaveLength(1);

    // The next day, the first look keeps Boris.
    clock.set('2026-11-13T08:30:00');
    await t.app.ctx.guard.tick();
    const [latest] = await t.call('workbook.backups', undefined);
    expect(latest).toMatchObject({
      kind: 'daily',
      clients: 2,
      createdAt: iso('2026-11-13T08:30:00'),
    });

    // A day with nothing new: no backup.
    clock.set('2026-11-14T09:00:00');
    await t.app.ctx.guard.tick();
    expect(await kinds(t)).toHaveLength(2);

    // Changed late in the evening and closed; opened the next morning: backed up at the open.
    clock.set('2026-11-14T22:00:00');
    await t.call('clients.create', { name: 'Vera' });
    close(t);
    clock.set('2026-11-15T08:00:00');
    t = open(file, dir, clock);
    await t.app.ctx.guard.idle();
    expect((await t.call('workbook.backups', undefined))[0]).toMatchObject({
      kind: 'daily',
      clients: 3,
      createdAt: iso('2026-11-15T08:00:00'),
    });
  });

  it('are not taken of a workbook that cannot be written', async () => {
    const { dir, file } = place();
    const clock = new Clock('2026-11-12T09:00:00');
    const first = open(file, dir, clock);
    await first.call('clients.create', { name: 'Anna' });
    close(first);
    fs.chmodSync(file, 0o444);
    const t = open(file, dir, clock);
    await t.app.ctx.guard.idle();
    expect(await t.call('workbook.info', undefined)).toMatchObject({ readOnlyReason: 'file' });
    expect(await kinds(t)).toEqual([]);
  });

  it('rotate: after three weeks of daily work, 7 daily backups and older weekly ones remain', async () => {
    const { dir, file } = place();
    const clock = new Clock('2026-10-01T09:00:00');
    const t = open(file, dir, clock);
    for (let day = 0; day < 21; day++) {
      await t.call('clients.create', { name: `Client ${day}` });
      clock.advance(DAY);
      await t.app.ctx.guard.tick();
    }
    const list = await t.call('workbook.backups', undefined);
    expect(list.filter((b) => b.kind === 'daily')).toHaveLength(7);
    expect(list.filter((b) => b.kind === 'weekly').length).toBeGreaterThanOrEqual(2);
    // The folder holds exactly what the list shows: nothing half-written, nothing forgotten.
    const folder = path.dirname(list[0]!.path);
    expect(fs.readdirSync(folder).sort()).toEqual(list.map((b) => path.basename(b.path)).sort());
  });
});

describe('the backup before a migration', () => {
  /** The real migrations plus one more, as a newer version of the program would bring. */
  function newerMigrations(): string {
    const dir = path.join(tempDir('kartoteka-migrations-'), 'migrations');
    dirs.push(path.dirname(dir));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: object[] };
    fs.writeFileSync(
      path.join(dir, '0099_vip.sql'),
      'ALTER TABLE `clients` ADD `vip` integer DEFAULT 0 NOT NULL;',
    );
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: 4102444800000,
      tag: '0099_vip',
      breakpoints: true,
    });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    return dir;
  }

  it('is kept with the workbook’s backups, as it was before the upgrade', async () => {
    const { dir, file } = place();
    const clock = new Clock('2026-11-12T09:00:00');
    const old = open(file, dir, clock);
    await old.call('clients.create', { name: 'Anna' });
    close(old);
    const upgraded = open(file, dir, clock, newerMigrations());
    const [backup] = await upgraded.call('workbook.backups', undefined);
    expect(backup).toMatchObject({ kind: 'before-migration', clients: 1 });
    // No copy beside the workbook; the backup has the old format, the workbook the new one.
    expect(fs.readdirSync(dir).filter((f) => /\.bak$|before-migration/.test(f))).toEqual([]);
    expect(
      peek(backup!.path, "SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'vip'"),
    ).toBe(0);
    expect(peek(file, "SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'vip'")).toBe(
      1,
    );
    expect(fs.existsSync(`${backup!.path}-wal`)).toBe(false);
  });
});
