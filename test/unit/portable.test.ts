/**
 * Portable mode on real files: a workbook on a "stick" (a temp folder the app treats as
 * removable) is worked on in a local working copy; the stick's file changes only when saved
 * back, atomically, the previous version kept as `.bak`; a lock file beside it names who holds
 * it; pulling the stick out loses nothing, and the next save (or one to another place) gets
 * the changes out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../electron/api/contract';
import { lockFileOf } from '../../electron/services/workbook/lock';
import { backupOf } from '../../electron/services/workbook/portable-save';
import { checksum, integrityOf, makeStick, namesIn, type Stick } from '../helpers/stick';

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

/** Files on the stick other than the workbook, its `.bak` and its lock. */
function strayFiles(s: Stick): string[] {
  const expected = new Set([
    path.basename(s.source),
    path.basename(backupOf(s.source)),
    path.basename(lockFileOf(s.source)),
  ]);
  return fs.readdirSync(s.folder).filter((f) => !expected.has(f));
}

/** Byte 18 of the header: 1 for a file at rest in rollback mode, 2 for WAL. */
const journalByte = (file: string) => fs.readFileSync(file).subarray(18, 19)[0];

describe('opening a workbook on a stick', () => {
  it('works on a local copy: the stick holds no live database, and its file changes only when saved', async () => {
    const s = await stick();
    const pc = s.computer();
    const before = checksum(s.source);
    const info = await pc.openSource();
    expect(info).toMatchObject({
      path: s.source,
      name: 'Клиенты',
      portable: true,
      readOnly: false,
    });
    const state = info.portableState!;
    expect(state).toMatchObject({ source: s.source, unsaved: false, saveError: null });
    expect(state.workingCopy.startsWith(path.join(pc.dataDir, 'working'))).toBe(true);
    expect(pc.app.wb.file).toBe(state.workingCopy);

    await pc.addClient('Борис, записан в пути');
    expect(await pc.names()).toEqual(['Анна с флешки', 'Борис, записан в пути']);
    expect((await pc.info()).portableState?.unsaved).toBe(true);
    // Nothing of the session on the stick: no WAL, no shared memory, the file as it was.
    expect(checksum(s.source)).toBe(before);
    expect(strayFiles(s)).toEqual([]);

    const saved = await pc.call<{ portableState: { unsaved: boolean; lastSavedAt: string } }>(
      'workbook.save',
      {},
    );
    expect(saved.portableState.unsaved).toBe(false);
    expect(saved.portableState.lastSavedAt).toEqual(expect.any(String));
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Борис, записан в пути']);
    expect(integrityOf(s.source)).toBe('ok');
    // One file at rest, which opens anywhere (also read-only from a write-protected stick).
    expect(journalByte(s.source)).toBe(1);
    // The previous version kept beside it.
    expect(namesIn(backupOf(s.source))).toEqual(['Анна с флешки']);
    expect(strayFiles(s)).toEqual([]);
  });

  it('a lock file beside it names the computer and the user; a second computer is told who holds it', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    const lock = JSON.parse(fs.readFileSync(lockFileOf(s.source), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(lock).toMatchObject({ app: 'kartoteka', pid: process.pid });
    expect(lock['machine']).toEqual(expect.any(String));
    expect(lock['user']).toEqual(expect.any(String));

    const other = s.computer({
      lockEnv: {
        machine: 'ноутбук-директора',
        user: 'olga',
        pid: 4242,
        now: () => new Date(),
        alive: () => true,
        bootedAt: () => 0,
      },
    });
    const refused = failure(await other.send('workbook.open', { path: s.source }));
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain(`on ${String(lock['machine'])} by ${String(lock['user'])}`);
    // Closing the first releases it: the second opens it.
    await pc.call('workbook.open', { path: path.join(pc.dataDir, 'workbook.kartoteka') });
    expect(fs.existsSync(lockFileOf(s.source))).toBe(false);
    expect((await other.openSource()).portable).toBe(true);
  });

  it('saves back when the workbook closes, and every few minutes while changed', async () => {
    const s = await stick();
    const pc = s.computer();
    await pc.openSource();
    await pc.addClient('Вера, до закрытия');
    pc.app.close();
    expect(namesIn(s.source)).toEqual(['Анна с флешки', 'Вера, до закрытия']);
    expect(fs.existsSync(lockFileOf(s.source))).toBe(false);
    expect(strayFiles(s)).toEqual([]);

    const timed = s.computer({ saveEveryMs: 50 });
    await timed.openSource();
    await timed.addClient('Глеб, по таймеру');
    await vi.waitFor(() => expect(namesIn(s.source)).toContain('Глеб, по таймеру'), {
      timeout: 5000,
      interval: 50,
    });
    await vi.waitFor(async () => expect((await timed.info()).portableState?.unsaved).toBe(false));
  });

  it('a workbook opened as the shell starts (a double-click on the stick) is portable too', async () => {
    const s = await stick();
    const pc = s.computer();
    pc.app.close();
    const { createApp } = await import('../../electron/app');
    const { MIGRATIONS_DIR } = await import('../helpers/world');
    const app = createApp({
      workbookPath: s.source,
      migrationsDir: MIGRATIONS_DIR,
      dataDir: pc.dataDir,
      shell: 'web',
      version: 'test',
      portableRoots: [s.folder],
      logger: { info: () => {}, error: () => {} },
    });
    s.apps.push(app);
    expect(app.session.info()).toMatchObject({ path: s.source, portable: true });
    expect(app.wb.file).not.toBe(s.source);
  });

  it('a workbook on a local disk can be asked to open in portable mode', async () => {
    const s = await stick();
    const pc = s.computer();
    const local = path.join(s.root, 'local.kartoteka');
    fs.copyFileSync(s.source, local);
    const plain = await pc.call<{ portable: boolean }>('workbook.open', { path: local });
    expect(plain.portable).toBe(false);
    await pc.call('workbook.open', { path: path.join(pc.dataDir, 'workbook.kartoteka') });
    const asked = await pc.call<{ portable: boolean }>('workbook.open', {
      path: local,
      portable: true,
    });
    expect(asked.portable).toBe(true);
  });

  it('a workbook that is not portable has nothing to save', async () => {
    const s = await stick();
    const pc = s.computer();
    expect(failure(await pc.send('workbook.save', {}))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('saved as you work') as unknown,
    });
  });
});
