/**
 * A damaged workbook opens nothing silently: real workbooks with bytes of their b-tree pages
 * overwritten (never the header) open read-only as damaged, refuse every write with `damaged`,
 * offer their newest good backup, and a restore keeps the damaged file aside, byte for byte.
 * Large workbooks are checked in the background (the real worker, bundled here) while the
 * window goes on working.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { damageFreeList, damageSchema, damageTable } from '../helpers/damage';
import { appOn, type TestApp } from '../helpers/backups';
import { steppingClock, tempDir } from '../helpers/world';
import { bundleForNode } from '../helpers/bundle';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.app.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

let worker: string;
/** Inside the project, so that the bundle finds the native driver in its node_modules. */
const workerDir = path.resolve(__dirname, `../../dist/test-integrity-${process.pid}`);
beforeAll(async () => {
  await bundleForNode(
    { 'integrity-worker': 'electron/services/workbook/integrity-worker.ts' },
    workerDir,
  );
  worker = path.join(workerDir, 'integrity-worker.cjs');
}, 60_000);
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));

const sha = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** One clock for every app of a test: time goes on from one opening to the next. */
const now = steppingClock();

function open(file: string, dir: string, options: Parameters<typeof appOn>[2] = {}): TestApp {
  const t = appOn(file, dir, { now, ...options });
  apps.push(t);
  return t;
}

function close(t: TestApp): void {
  t.app.close();
  apps.splice(apps.indexOf(t), 1);
}

/** A workbook with two clients and a manual backup of them, then a third client; closed. */
async function workbookWithBackup() {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'shop.kartoteka');
  const t = open(file, dir);
  const anna = await t.call('clients.create', { name: 'Anna', company: 'Lily' });
  await t.call('clients.create', { name: 'Boris' });
  const backup = await t.call('workbook.backup', undefined);
  await t.call('clients.create', { name: 'Vera' });
  close(t);
  return { dir, file, anna, backup };
}

describe('a damaged workbook', () => {
  it('opens read-only as damaged, refuses writes, offers its newest good backup; a restore keeps the damaged file', async () => {
    const { dir, file, anna, backup } = await workbookWithBackup();
    damageTable(file, 'clients');
    const damagedSum = sha(file);

    const t = open(file, dir);
    expect(await t.call('workbook.info', undefined)).toMatchObject({
      readOnly: true,
      readOnlyReason: 'damaged',
      integrity: 'damaged',
    });
    expect(await t.app.dispatch('clients.create', { name: 'Gleb' })).toEqual({
      ok: false,
      error: {
        code: 'damaged',
        message:
          '"shop" is damaged, so it is open read-only and nothing was changed. Restore its newest good backup on the Backups screen: the damaged file is kept aside.',
      },
    });
    // A read that meets the damaged pages says the same, not "something went wrong".
    expect(await t.app.dispatch('clients.list', {})).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
    expect(await t.app.dispatch('workbook.backup', undefined)).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
    await t.app.ctx.guard.idle();
    // No daily backup of a damaged workbook: the good ones stay the newest.
    expect(await t.call('workbook.backups', undefined)).toEqual([backup]);
    expect(sha(file)).toBe(damagedSum);

    const offered = await t.call('workbook.backups', { findGood: true });
    expect(offered).toEqual([{ ...backup, integrity: 'ok' }]);

    const result = await t.call('workbook.restore', { path: backup.path });
    expect(result.workbook).toMatchObject({
      readOnly: false,
      integrity: 'ok',
      readOnlyReason: null,
    });
    expect((await t.call('clients.get', { id: anna.id })).company).toBe('Lily');
    expect((await t.call('clients.list', {})).total).toBe(2);
    // The damaged file is kept aside as it was, marked damaged in the list.
    expect(sha(result.keptAs)).toBe(damagedSum);
    const [kept] = await t.call('workbook.backups', undefined);
    expect(kept).toMatchObject({
      path: result.keptAs,
      kind: 'before-restore',
      integrity: 'damaged',
    });
    await t.call('clients.create', { name: 'Gleb' });
  });

  it('a backup that is damaged too is passed over for an older good one', async () => {
    const { dir, file, backup } = await workbookWithBackup();
    const t = open(file, dir);
    await t.call('clients.create', { name: 'Gleb' });
    const newer = await t.call('workbook.backup', undefined);
    close(t);
    damageTable(newer.path, 'clients');
    damageTable(file, 'clients');
    const again = open(file, dir);
    const offered = await again.call('workbook.backups', { findGood: true });
    // Newest first: the one made by hand, the daily one taken when it was opened, the first.
    expect(offered.map((b) => [b.path, b.kind, b.integrity])).toEqual([
      [newer.path, 'manual', 'damaged'],
      [expect.any(String), 'daily', 'ok'],
      [backup.path, 'manual', undefined],
    ]);
  });

  it('whose schema page SQLite cannot read still opens, as damaged, and can be restored', async () => {
    const { dir, file, anna, backup } = await workbookWithBackup();
    damageSchema(file);
    const t = open(file, dir, { systemLocale: 'ru' });
    expect(await t.call('workbook.info', undefined)).toMatchObject({
      name: 'shop',
      readOnlyReason: 'damaged',
      integrity: 'damaged',
    });
    expect(await t.app.dispatch('settings.get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'damaged', message: expect.stringMatching(/^«shop» повреждена/) as string },
    });
    // Its backups are found through the index of paths, its id being unreadable.
    expect(await t.call('workbook.backups', undefined)).toEqual([backup]);
    await t.call('workbook.restore', { path: backup.path });
    expect((await t.call('clients.get', { id: anna.id })).name).toBe('Anna');
  });

  it('a damaged file without the workbook mark is refused and left byte for byte as it was', async () => {
    const { dir, file } = await workbookWithBackup();
    const other = path.join(dir, 'other.kartoteka');
    fs.copyFileSync(file, other);
    // Unmark it (as a database of another program would be), then damage it.
    const header = fs.openSync(other, 'r+');
    fs.writeSync(header, Buffer.alloc(4), 0, 4, 68);
    fs.closeSync(header);
    damageSchema(other);
    const before = sha(other);
    const t = open(file, dir);
    expect(await t.app.dispatch('workbook.open', { path: other })).toMatchObject({
      ok: false,
      error: { code: 'damaged', field: 'path' },
    });
    expect(sha(other)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('other'))).toEqual(['other.kartoteka']);
    expect(await t.call('workbook.info', undefined)).toMatchObject({ path: file, integrity: 'ok' });
  });
});

describe('the integrity check of a large workbook', () => {
  it('runs in the background: `checking`, work goes on, then `ok`', async () => {
    const { dir, file } = await workbookWithBackup();
    const t = open(file, dir, { integrityWorker: worker, syncCheckBytes: 0 });
    expect(await t.call('workbook.info', undefined)).toMatchObject({
      integrity: 'checking',
      readOnly: false,
    });
    await t.call('clients.create', { name: 'Gleb' });
    await t.app.ctx.guard.idle();
    expect(await t.call('workbook.info', undefined)).toMatchObject({ integrity: 'ok' });
    expect(t.logged).toEqual([]);
  });

  it('finds the damage in the background, and from then on nothing is written', async () => {
    const { dir, file } = await workbookWithBackup();
    damageFreeList(file);
    const t = open(file, dir, { integrityWorker: worker, syncCheckBytes: 0 });
    expect(await t.call('workbook.info', undefined)).toMatchObject({ integrity: 'checking' });
    await t.app.ctx.guard.idle();
    expect(await t.call('workbook.info', undefined)).toMatchObject({
      integrity: 'damaged',
      readOnly: true,
      readOnlyReason: 'damaged',
    });
    expect(await t.app.dispatch('clients.create', { name: 'Gleb' })).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
    expect((await t.call('clients.list', {})).total).toBe(3);
    expect(t.logged).toEqual([]);
  });

  it('a damaged page met by a read before the check ends marks the workbook damaged', async () => {
    const { dir, file } = await workbookWithBackup();
    damageTable(file, 'clients');
    // No worker: the check waits for its turn on this thread, after the read.
    const t = open(file, dir, { syncCheckBytes: 0 });
    expect(await t.app.dispatch('clients.list', {})).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
    expect(await t.call('workbook.info', undefined)).toMatchObject({
      integrity: 'damaged',
      readOnly: true,
    });
  });
});
