import fs from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIpcInvoke, RENDERER_ORIGIN } from '../../electron/ipc';
import { testClockFor } from '../../electron/test-clock';
import {
  DEFAULT_PORT,
  startOnPreferredPort,
  startWebServer,
  type WebServer,
} from '../../electron/web-server';
import { listenForPage } from '../../electron/web-listen';
import { makeWorld, tempDir, type World } from '../helpers/world';

const TOKEN = 'test-token-123';
let world: World;
let server: WebServer;
let staticDir: string;

beforeEach(async () => {
  world = makeWorld();
  staticDir = tempDir('kartoteka-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>K</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.info(1)');
  server = await startWebServer({
    dispatch: world.app.dispatch,
    allowImportFile: (file) => world.app.ctx.importer.allowFile(file),
    token: TOKEN,
    port: 0,
    staticDir,
    locale: world.app.ctx.locale,
    logger: { info: () => undefined, error: () => undefined },
    uploadDir: path.join(world.dir, 'uploads'),
  });
});
afterEach(async () => {
  await server.close();
  world.dispose();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function post(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only and answers API calls with the envelope', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await post('clients.create', { name: 'Анна' });
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { ok: boolean; data: { name: string } };
    expect(envelope).toMatchObject({ ok: true, data: { name: 'Анна' } });
  });

  it('refuses calls without the token, with a wrong one, or from a foreign page, and touches nothing', async () => {
    const before = world.count('clients');
    const noToken = await fetch(`${server.origin}/api/clients.create`, {
      method: 'POST',
      body: '{"name":"X"}',
    });
    expect(noToken.status).toBe(401);
    const wrong = await post('clients.create', { name: 'X' }, { Authorization: 'Bearer wrong' });
    expect(wrong.status).toBe(401);
    // A tab left open from an earlier start (the same port, another token) is told what to do.
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      'Open the address it printed at this start',
    );
    expect(
      (await post('clients.create', { name: 'X' }, { Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(world.count('clients')).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) before doing anything', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/clients.create',
          method: 'POST',
          headers: { Host: 'attacker.example', Authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{"name":"X"}');
    });
    expect(status).toBe(403);
    expect(world.count('clients')).toBe(0);
  });

  it('explains a body that is not JSON, a body that is too large and a wrong method', async () => {
    const notJson = await post('clients.create', '{name:');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const huge = await post(
      'clients.create',
      JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    const get = await fetch(`${server.origin}/api/clients.list`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(get.status).toBe(405);
    expect(world.count('clients')).toBe(0);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe');
    expect((await fetch(`${server.origin}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await fetch(`${server.origin}/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe('both transports carry the same envelope', () => {
  it('IPC and HTTP return the same results for the same calls', async () => {
    const calls: [string, unknown][] = [
      ['clients.list', {}],
      ['clients.create', { name: 'X', phone: 'letters' }],
      ['clients.nope', {}],
      ['settings.get', undefined],
    ];
    for (const [channel, input] of calls) {
      const viaIpc = await handleIpcInvoke(world.app.dispatch, RENDERER_ORIGIN, channel, input);
      const viaHttp = await (await post(channel, input === undefined ? '' : input)).json();
      expect(viaHttp, channel).toEqual(viaIpc);
    }
  });

  it('IPC refuses frames that are not the app', async () => {
    const result = await handleIpcInvoke(
      world.app.dispatch,
      'https://example.com/',
      'clients.list',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('takes an uploaded import file with the token only, into its private folder', async () => {
    const upload = (headers: Record<string, string>, body: string) =>
      fetch(`${server.origin}/upload?name=${encodeURIComponent('../../клиенты.csv')}`, {
        method: 'POST',
        headers,
        body,
      });
    expect((await upload({}, 'Имя\nАнна\n')).status).toBe(401);
    expect(
      (await upload({ Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' }, 'x'))
        .status,
    ).toBe(403);
    const response = await upload({ Authorization: `Bearer ${TOKEN}` }, 'Имя\nАнна\n');
    const envelope = (await response.json()) as { ok: true; data: { path: string } };
    expect(envelope.ok).toBe(true);
    // The name cannot climb out of the folder.
    expect(path.dirname(envelope.data.path)).toBe(path.join(world.dir, 'uploads'));
    expect(path.basename(envelope.data.path)).toMatch(/^[0-9a-f]{16}-клиенты\.csv$/);
    expect(fs.readFileSync(envelope.data.path, 'utf8')).toBe('Имя\nАнна\n');
    const preview = (await (
      await post('import.preview', { path: envelope.data.path, target: 'clients' })
    ).json()) as {
      data: { suggestedMapping: Record<string, string> };
    };
    expect(preview.data.suggestedMapping).toEqual({ Имя: 'name' });
  });

  it('refuses an Excel upload larger than the import limit before storing it', async () => {
    const { port } = server;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/upload?name=big.xlsx',
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Length': String(3 * 1024 ** 3) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write('x'.repeat(1000));
    });
    expect(status).toBe(413);
    const dir = path.join(world.dir, 'uploads');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });
});

describe('the test clock', () => {
  it('is not there in a normal run: the route answers 404 and the option needs a test run', async () => {
    const response = await fetch(`${server.origin}/test/clock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 86_400_000 }),
    });
    expect(response.status).toBe(404);
    expect(testClockFor(false, { KARTOTEKA_TEST: '1' })).toBeNull();
    expect(() => testClockFor(true, {})).toThrow(/test runs only/);
  });

  it('moves forward (never back) and needs the token', async () => {
    const clock = testClockFor(true, { KARTOTEKA_TEST: '1' })!;
    await server.close();
    server = await startWebServer({
      dispatch: world.app.dispatch,
      allowImportFile: () => undefined,
      token: TOKEN,
      port: 0,
      staticDir,
      locale: world.app.ctx.locale,
      logger: { info: () => undefined, error: () => undefined },
      testClock: clock,
    });
    const move = (body: unknown) =>
      fetch(`${server.origin}/test/clock`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      });
    const before = Date.now();
    const moved = (await (await move({ advanceMs: 3_600_000 })).json()) as {
      data: { now: string };
    };
    expect(Date.parse(moved.data.now)).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect((await move({ advanceMs: -1 })).status).toBe(400);
    const noToken = await fetch(`${server.origin}/test/clock`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
  });
});

describe('the port the shell takes', () => {
  /** A port that was free a moment ago, from the system. */
  async function freePort(): Promise<number> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }
  const start = (port: number) =>
    startWebServer({
      dispatch: world.app.dispatch,
      allowImportFile: () => undefined,
      token: TOKEN,
      port,
      staticDir,
      locale: world.app.ctx.locale,
      logger: { info: () => undefined, error: () => undefined },
    });

  it('is the usual one at every start, and any free one while another program holds it', async () => {
    await server.close();
    const usual = await freePort();
    server = await startOnPreferredPort(usual, start);
    expect(server.port).toBe(usual);
    // A second shell: the usual port is taken, so it listens elsewhere and still serves.
    const second = await startOnPreferredPort(usual, start);
    try {
      expect(second.port).not.toBe(usual);
      expect((await fetch(`${second.origin}/`)).status).toBe(200);
    } finally {
      await second.close();
    }
    // Asked for no particular port: any free one.
    const any = await startOnPreferredPort(null, start);
    try {
      expect(any.port).toBeGreaterThan(0);
    } finally {
      await any.close();
    }
    expect(DEFAULT_PORT).toBeGreaterThan(1024);
  });
});

describe('a shell that listens before its workbook is open', () => {
  it('serves the page at once, and answers calls (token checked) only once the workbook is open', async () => {
    let open: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const asked: string[] = [];
    const early = await startWebServer({
      dispatch: world.app.dispatch,
      allowImportFile: () => undefined,
      token: TOKEN,
      port: 0,
      staticDir,
      locale: world.app.ctx.locale,
      logger: { info: () => undefined, error: () => undefined },
      ready,
      onDemand: () => asked.push('asked'),
    });
    try {
      const page = await fetch(`${early.origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>K</title>');
      // The page's file sent: the shell is told to open the workbook.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(asked.length).toBeGreaterThan(0);
      const before = world.count('clients');
      let answered = false;
      const call = fetch(`${early.origin}/api/clients.create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Анна' }),
      }).then((r) => {
        answered = true;
        return r;
      });
      const wrong = fetch(`${early.origin}/api/clients.create`, {
        method: 'POST',
        headers: { Authorization: 'Bearer wrong', 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'X' }),
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Not answered, nothing written while the workbook is not open.
      expect(answered).toBe(false);
      expect(world.count('clients')).toBe(before);
      open();
      const response = await call;
      expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
      expect((await wrong).status).toBe(401);
      expect(world.count('clients')).toBe(before + 1);
    } finally {
      await early.close();
    }
  });
});

describe("the loader's server, before the bundle is loaded", () => {
  it('serves the page at once and keeps the calls, answered by the full server once it takes over', async () => {
    const page = await listenForPage(staticDir, 0);
    let full: WebServer | null = null;
    try {
      const html = await fetch(`${page.origin}/`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
      await page.asked;
      const before = world.count('clients');
      let answered = false;
      const call = fetch(`${page.origin}/api/clients.create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Анна' }),
      }).then((r) => {
        answered = true;
        return r;
      });
      // A foreign Host is not served the page: kept for the full server, which refuses it.
      const foreign = new Promise<number>((resolve) => {
        http
          .get(`${page.origin}/`, { headers: { Host: 'evil.example' } }, (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          })
          .on('error', () => resolve(-1));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered).toBe(false);
      expect(world.count('clients')).toBe(before);
      full = await startWebServer({
        dispatch: world.app.dispatch,
        allowImportFile: () => undefined,
        token: TOKEN,
        port: 0,
        staticDir,
        locale: world.app.ctx.locale,
        logger: { info: () => undefined, error: () => undefined },
        page,
      });
      expect(full.origin).toBe(page.origin);
      expect(((await (await call).json()) as { ok: boolean }).ok).toBe(true);
      expect(await foreign).toBe(403);
      expect(world.count('clients')).toBe(before + 1);
    } finally {
      if (full) await full.close();
      else page.server.close();
    }
  });
});
