/**
 * The portable .exe: started from a stick (electron-builder sets PORTABLE_EXECUTABLE_DIR), the
 * program starts on the workbook beside the .exe, in portable mode (worked on in a copy on this
 * computer, saved back to the stick); installed, on the workbook in its data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app';
import { startPlace } from '../../electron/desktop/portable-exe';
import { MIGRATIONS_DIR, tempDir } from '../helpers/world';

const apps: App[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string | undefined>, dataDir: string): App {
  const app = createApp({
    ...startPlace(env, dataDir),
    migrationsDir: MIGRATIONS_DIR,
    dataDir,
    shell: 'electron',
    version: 'test',
    logger: { info: () => {}, error: () => {} },
  });
  apps.push(app);
  return app;
}

describe('the portable .exe', () => {
  it('starts on the workbook beside the .exe, in portable mode, and saves it back there', async () => {
    const root = tempDir();
    dirs.push(root);
    const stick = path.join(root, 'E');
    const pc = path.join(root, 'AppData', 'Kartoteka');
    fs.mkdirSync(stick, { recursive: true });
    const app = start({ PORTABLE_EXECUTABLE_DIR: stick }, pc);
    const onStick = path.join(stick, 'workbook.kartoteka');
    expect(app.session.info()).toMatchObject({ path: onStick, portable: true });
    // The work happens in a copy on this computer, not on the stick.
    expect(app.wb.file.startsWith(pc)).toBe(true);
    await app.dispatch('clients.create', { name: 'Соколова Анна' });
    await app.dispatch('workbook.save', {});
    app.close();
    apps.splice(0);
    // The stick holds the workbook whole (and the version before the last save), nothing else.
    expect(fs.readdirSync(stick).sort()).toEqual(['workbook.kartoteka', 'workbook.kartoteka.bak']);

    // Next time, on another computer: the client is in the workbook on the stick.
    const other = start({ PORTABLE_EXECUTABLE_DIR: stick }, path.join(root, 'Other PC'));
    const list = (await other.dispatch('clients.list', {})) as {
      ok: boolean;
      data: { rows: { name: string }[] };
    };
    expect(list.data.rows.map((r) => r.name)).toEqual(['Соколова Анна']);
  });

  it('installed, starts on the workbook in its data folder as before', () => {
    const dataDir = '/home/anna/.config/Kartoteka';
    expect(startPlace({}, dataDir)).toEqual({
      workbookPath: path.join(dataDir, 'workbook.kartoteka'),
    });
    // A relative or empty folder is not a start folder electron-builder would give.
    expect(startPlace({ PORTABLE_EXECUTABLE_DIR: ' ' }, dataDir)).toEqual(startPlace({}, dataDir));
    expect(startPlace({ PORTABLE_EXECUTABLE_DIR: 'E' }, dataDir)).toEqual(startPlace({}, dataDir));
    expect(
      startPlace(
        { PORTABLE_EXECUTABLE_DIR: '/media/E', KARTOTEKA_PORTABLE_ROOTS: '/mnt/share' },
        dataDir,
      ),
    ).toEqual({
      workbookPath: path.join('/media/E', 'workbook.kartoteka'),
      portableRoots: ['/mnt/share', '/media/E'],
    });
  });
});
