/**
 * The import reads only files handed to it by the user: uploaded to this browser shell, or
 * picked in the desktop app's dialog. Any other path (`/etc/passwd`, another user's file, a
 * file that does not exist) is refused with the same message before anything is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web-server';
import { makeWorld, tempDir, type World } from '../helpers/world';

const TOKEN = 'test-token-paths';
let world: World | undefined;
let server: WebServer | undefined;
let staticDir: string | undefined;

afterEach(async () => {
  await server?.close();
  world?.dispose();
  if (staticDir) fs.rmSync(staticDir, { recursive: true, force: true });
  server = undefined;
  world = undefined;
  staticDir = undefined;
});

const CSV = 'Имя;Телефон\nАнна Петрова;+7 912 345-67-89\n';
const RUN = {
  target: 'clients',
  mapping: { Имя: 'name' },
  onDuplicate: 'update',
  onInvalid: 'skip',
};

async function startShell(w: World): Promise<WebServer> {
  staticDir = tempDir('kartoteka-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  return startWebServer({
    dispatch: w.app.dispatch,
    allowImportFile: (file) => w.app.ctx.importer.allowFile(file),
    token: TOKEN,
    port: 0,
    staticDir,
    locale: w.app.ctx.locale,
    logger: { info: () => undefined, error: () => undefined },
    uploadDir: path.join(w.dir, 'uploads'),
  });
}

async function post(channel: string, body: unknown) {
  const response = await fetch(`${server?.origin}/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await response.json()) as {
    ok: boolean;
    data?: { path: string; headers: string[]; rows: string[][] };
    error?: { code: string; field?: string; message: string };
  };
}

describe('the browser shell imports only files uploaded to it', () => {
  it('refuses /etc/passwd, a file of the same folder that was not uploaded, and a missing one alike', async () => {
    world = makeWorld({ locale: 'en' });
    server = await startShell(world);
    const uploaded = await post('upload?name=clients.csv', CSV);
    expect(uploaded.ok).toBe(true);
    const upload = uploaded.data?.path ?? '';
    const preview = await post('api/import.preview', { path: upload, target: 'clients' });
    expect(preview.data?.rows).toEqual([['Анна Петрова', '+7 912 345-67-89']]);

    // Planted beside the upload, but never uploaded.
    const planted = path.join(path.dirname(upload), 'planted.csv');
    fs.writeFileSync(planted, CSV);
    const refusals = [];
    for (const file of [
      '/etc/passwd',
      planted,
      path.join(world.dir, 'nope.csv'),
      '../etc/passwd',
    ]) {
      for (const channel of ['import.preview', 'import.check', 'import.run']) {
        const input =
          channel === 'import.preview' ? { path: file, target: 'clients' } : { path: file, ...RUN };
        const envelope = await post(`api/${channel}`, input);
        expect(envelope.ok, `${channel} ${file}`).toBe(false);
        expect(envelope.error).toMatchObject({ code: 'invalid_input', field: 'path' });
        refusals.push(envelope.error?.message);
      }
    }
    // One message for all: it tells nothing about which files exist.
    expect(new Set(refusals)).toEqual(
      new Set([
        'Kartoteka imports only a file chosen in the first step of the import (uploaded to this window or picked in the file dialog). Choose the file again.',
      ]),
    );
    expect(JSON.stringify(refusals)).not.toContain('root:');
    expect(world.count('clients')).toBe(0);

    const run = await post('api/import.run', { path: upload, ...RUN });
    expect(run).toMatchObject({ ok: true, data: { inserted: 1 } });
  });

  it('says so in Russian too', async () => {
    world = makeWorld({ locale: 'ru' });
    const envelope = await world.send('import.preview', { path: '/etc/passwd', target: 'clients' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    if (envelope.ok) throw new Error('unreachable');
    expect(envelope.error.message).toBe(
      'Картотека импортирует только файл, выбранный на первом шаге импорта (загруженный в это окно или выбранный в диалоге). Выберите файл ещё раз.',
    );
  });
});

describe('the desktop app imports only files the user picked', () => {
  it('reads the picked file and refuses any other', async () => {
    const dir = tempDir();
    const picked = path.join(dir, 'picked.csv');
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(picked, CSV);
    fs.writeFileSync(other, CSV);
    let next: string | null = null;
    world = makeWorld({ locale: 'en', platform: { pickImportFile: () => Promise.resolve(next) } });
    try {
      expect(await world.send('import.preview', { path: picked, target: 'clients' })).toMatchObject(
        {
          ok: false,
          error: { field: 'path' },
        },
      );
      // The user closes the dialog: nothing becomes readable.
      expect(await world.call('import.pickFile', undefined)).toEqual({ path: null });
      next = picked;
      expect(await world.call('import.pickFile', undefined)).toEqual({ path: picked });
      const preview = await world.call('import.preview', { path: picked, target: 'clients' });
      expect(preview.rows).toEqual([['Анна Петрова', '+7 912 345-67-89']]);
      expect(await world.send('import.preview', { path: other, target: 'clients' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'path' },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
