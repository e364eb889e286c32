/**
 * `workbook.pickFile`: the desktop app's native dialog for a workbook file, through the one
 * dispatch; the browser shell has no dialog and says so (its screens take a typed path).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookPickRequest } from '../../electron/api/context';
import { startWebServer } from '../../electron/web-server';
import { makeWorld, tempDir, type World } from '../helpers/world';

let world: World | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe('workbook.pickFile in the desktop app', () => {
  it('opens the dialog for the mode asked, in the workbook’s language, beside the workbook', async () => {
    const requests: WorkbookPickRequest[] = [];
    const answers: (string | null)[] = ['/media/stick/Салон.kartoteka', null];
    world = makeWorld({
      locale: 'ru',
      platform: {
        pickImportFile: () => Promise.resolve(null),
        pickWorkbookFile: (request) => {
          requests.push(request);
          return Promise.resolve(answers.shift() ?? null);
        },
      },
    });
    expect(await world.call('workbook.pickFile', { mode: 'open' })).toEqual({
      path: '/media/stick/Салон.kartoteka',
    });
    // The user closes the dialog.
    expect(await world.call('workbook.pickFile', { mode: 'saveCopy' })).toEqual({ path: null });
    expect(requests).toEqual([
      { mode: 'open', locale: 'ru', currentPath: world.file },
      { mode: 'saveCopy', locale: 'ru', currentPath: world.file },
    ]);
  });

  it('refuses a mode it does not know, before any dialog', async () => {
    let dialogs = 0;
    world = makeWorld({
      locale: 'en',
      platform: {
        pickImportFile: () => Promise.resolve(null),
        pickWorkbookFile: () => {
          dialogs += 1;
          return Promise.resolve(null);
        },
      },
    });
    for (const input of [{ mode: 'delete' }, {}, { mode: 'open', path: '/etc/passwd' }]) {
      expect(await world.send('workbook.pickFile', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(dialogs).toBe(0);
  });
});

describe('workbook.pickFile in the browser shell', () => {
  it('is refused over HTTP with a message in the workbook’s language', async () => {
    world = makeWorld({ locale: 'ru' });
    const staticDir = tempDir('kartoteka-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>K</title>');
    const app = world.app;
    const server = await startWebServer({
      dispatch: app.dispatch,
      allowImportFile: (file) => app.ctx.importer.allowFile(file),
      token: 'token',
      port: 0,
      staticDir,
      locale: app.ctx.locale,
      logger: { info: () => undefined, error: () => undefined },
      uploadDir: path.join(world.dir, 'uploads'),
    });
    try {
      const ask = async (mode: string) => {
        const response = await fetch(`${server.origin}/api/workbook.pickFile`, {
          method: 'POST',
          headers: { Authorization: 'Bearer token', 'Content-Type': 'application/json' },
          body: JSON.stringify({ mode }),
        });
        return response.json();
      };
      expect(await ask('open')).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message:
            'Выбрать рабочую книгу в диалоге можно только в настольном приложении — введите путь к файлу.',
        },
      });
      await world.call('settings.set', { language: 'en' });
      expect(await ask('create')).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message:
            'Choosing a workbook in a dialog works only in the desktop app; type the path to the file instead.',
        },
      });
    } finally {
      await server.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    }
  });
});
