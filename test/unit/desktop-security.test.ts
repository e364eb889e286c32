/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
 * test per item, under plain Node: the locks live in electron/desktop/lock-down.ts and are run
 * here on stand-ins with the members Electron's own objects have (the type checker holds
 * main.ts to those shapes). Items covered elsewhere say where.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME,
  externalLink,
  isAppUrl,
  lockDown,
  permissionAllowed,
  secureWebPreferences,
  type GuardedSession,
} from '../../electron/desktop/lock-down';
import { handleIpcInvoke, IPC_INVOKE, RENDERER_ORIGIN } from '../../electron/ipc';
import { serveRendererFile } from '../../electron/renderer-protocol';
import { tempDir } from '../helpers/world';

const ROOT = path.resolve(__dirname, '../..');
const PAGE = `${RENDERER_ORIGIN}#/today`;

/** Electron's session and app as far as lockDown uses them; records what it installs. */
function lockedDown() {
  let request: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | undefined;
  let check: Parameters<GuardedSession['setPermissionCheckHandler']>[0] | undefined;
  let device: (() => boolean) | undefined;
  const app = new EventEmitter();
  /** What was handed to the system (shell.openExternal). */
  const external: string[] = [];
  lockDown(
    app,
    {
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
      setDevicePermissionHandler: (handler) => (device = handler),
    },
    (url) => external.push(url),
  );
  /** A new web contents (window, frame host) as Electron announces it. */
  const contents = () => {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const target = Object.assign(emitter, {
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) =>
        (openHandler = handler),
    });
    app.emit('web-contents-created', {}, target);
    /** Emits a cancellable event; true when a listener cancelled it. */
    const prevented = (event: string, ...args: unknown[]): boolean => {
      const preventDefault = vi.fn();
      emitter.emit(event, { preventDefault }, ...args);
      return preventDefault.mock.calls.length > 0;
    };
    return {
      prevented,
      open: (url = 'https://example.com/') => openHandler?.({ url }),
      listens: (e: string) => emitter.listenerCount(e),
    };
  };
  const asked = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | undefined;
    request?.({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the request handler never answered');
    return granted;
  };
  const checked = (permission: string, origin: string): boolean | undefined =>
    check?.({}, permission, origin, { requestingUrl: `${origin}/` });
  return { contents, asked, checked, device: () => device?.(), external };
}

describe('Electron security checklist', () => {
  it('1 and 18: only the app’s own secure scheme, never file:// or http', () => {
    expect(RENDERER_ORIGIN).toBe('app://kartoteka/');
    expect(APP_SCHEME).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(isAppUrl(PAGE)).toBe(true);
    for (const other of [
      'file:///etc/passwd',
      'http://kartoteka/',
      'https://example.com/',
      'app://kartoteka.evil/',
      'app://other/',
      'not a url',
      undefined,
    ]) {
      expect(isAppUrl(other), String(other)).toBe(false);
    }
    const main = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toContain('window.loadURL(RENDERER_ORIGIN)');
    expect(main).not.toMatch(/loadFile|file:\/\//);
  });

  it('2, 3, 4, 6, 8, 9, 10, 11: the window’s web preferences, each spelled out', () => {
    const prefs: Record<string, unknown> = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      nodeIntegration: false, // 2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true, // 3
      sandbox: true, // 4
      webSecurity: true, // 6
      allowRunningInsecureContent: false, // 8
      experimentalFeatures: false, // 9
      webviewTag: false, // 11
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures'); // 10
    const main = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toContain(
      "webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'))",
    );
  });

  it('5: a permission is asked for or checked: only the clipboard write, only for the app', () => {
    const { asked, checked, device } = lockedDown();
    const app = RENDERER_ORIGIN.slice(0, -1);
    expect(asked('clipboard-sanitized-write', PAGE)).toBe(true);
    expect(checked('clipboard-sanitized-write', app)).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(checked('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    for (const unused of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
      'hid',
      'serial',
      'usb',
      'fileSystem',
      'display-capture',
      'storage-access',
      'unknown',
    ]) {
      expect(asked(unused, PAGE), unused).toBe(false);
      expect(checked(unused, app), unused).toBe(false);
    }
    expect(device()).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('7: every page comes with a strict Content-Security-Policy', async () => {
    const dir = tempDir('kartoteka-csp-');
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      const response = serveRendererFile(dir, new Request(RENDERER_ORIGIN));
      const policy = response.headers.get('Content-Security-Policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/unsafe-(inline|eval)/);
      await response.arrayBuffer();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('12: a webview is never attached', () => {
    const window = lockedDown().contents();
    expect(window.prevented('will-attach-webview', {}, {})).toBe(true);
  });

  it('13: no navigation away from the app, by a link or by a redirect', () => {
    const window = lockedDown().contents();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(window.listens(event), event).toBe(1);
      expect(window.prevented(event, 'https://example.com/phish'), event).toBe(true);
      expect(window.prevented(event, 'file:///etc/passwd'), event).toBe(true);
      expect(window.prevented(event, 'app://elsewhere/'), event).toBe(true);
      // The app's own routes (a reload after switching workbooks) go through.
      expect(window.prevented(event, `${RENDERER_ORIGIN}#/clients`), event).toBe(false);
    }
  });

  it('14: no new windows', () => {
    const locked = lockedDown();
    expect(locked.contents().open()).toEqual({ action: 'deny' });
    expect(locked.contents().open('mailto:anna@example.ru')).toEqual({ action: 'deny' });
    expect(locked.external).toEqual(['mailto:anna@example.ru']);
  });

  it('15: shell.openExternal gets only the phone, e-mail and messenger links', () => {
    const locked = lockedDown();
    const window = locked.contents();
    // The card's links leave the window for the dialler and the mail program…
    expect(window.prevented('will-navigate', 'tel:+79031112233')).toBe(true);
    expect(window.prevented('will-navigate', 'mailto:anna@example.ru?subject=Hi')).toBe(true);
    // …and a campaign's message for a WhatsApp or Telegram chat, opened as a new window…
    window.open('https://wa.me/79031112233?text=%D0%94%D0%B0');
    window.open('https://t.me/+79031112233');
    // …nothing else does, however it arrives: other hosts, look-alikes, a login part, http.
    for (const url of [
      'https://example.com/phish',
      'http://wa.me/79031112233',
      'https://wa.me.example.com/79031112233',
      'https://evil@t.me/+7903',
      'https://t.me:8443/+7903',
      'https://web.whatsapp.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'not a url',
    ]) {
      expect(window.prevented('will-navigate', url), url).toBe(true);
      window.open(url);
    }
    expect(locked.external).toEqual([
      'tel:+79031112233',
      'mailto:anna@example.ru?subject=Hi',
      'https://wa.me/79031112233?text=%D0%94%D0%B0',
      'https://t.me/+79031112233',
    ]);
    expect(externalLink('TEL:+7 903')).toBe('tel:+7 903');
    // The system is reached only through lock-down's filter: main.ts hands it shell.openExternal.
    const sources = fs
      .readdirSync(path.join(ROOT, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(50);
    const callers = sources.filter((file) =>
      fs.readFileSync(path.join(ROOT, 'electron', file), 'utf8').includes('openExternal('),
    );
    expect(callers).toEqual(['main.ts']);
    const main = fs.readFileSync(path.join(ROOT, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain(
      'lockDown(app, session.defaultSession, (link) => void shell.openExternal(link))',
    );
  });

  it('16: the Electron packaged is the one installed and typed against', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const version = lock.packages['node_modules/electron']?.version ?? '0';
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(41);
    const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).not.toMatch(/^electronVersion:/m);
  });

  it('17: IPC answers only the app’s own frames', async () => {
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, data: null }));
    for (const sender of ['https://example.com/', 'file:///x.html', undefined]) {
      expect(await handleIpcInvoke(dispatch, sender, 'clients.list', {})).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    await handleIpcInvoke(dispatch, PAGE, 'clients.list', {});
    expect(dispatch).toHaveBeenCalledWith('clients.list', {});
  });

  it('19: the fuses are flipped at packaging (test/unit/packaging.test.ts checks each)', () => {
    const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/^electronFuses:\n {2}runAsNode: false$/m);
  });

  it('20: the page gets one function, invoke, and no Electron API', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(() => Promise.resolve('answer'));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke },
    }));
    await import('../../electron/preload');
    vi.doUnmock('electron');
    expect([...exposed.keys()]).toEqual(['kartoteka']);
    const api = exposed.get('kartoteka') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(await api['invoke']?.('clients.list', { q: 'Анна' })).toBe('answer');
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE, 'clients.list', { q: 'Анна' });
  });
});
