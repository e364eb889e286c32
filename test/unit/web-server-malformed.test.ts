/**
 * The browser shell under malformed requests (found by an attack run): a bad percent-encoding,
 * a body that is not JSON or not UTF-8, a huge channel name, a request cut off half-way. Each
 * gets a 400 with the envelope (or the connection is simply closed), and the server keeps
 * answering the next good request. Then a few hundred generated requests of the same kinds.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rng } from '../../db/demo/prng';
import { startWebServer, type WebServer } from '../../electron/web-server';
import { makeWorld, tempDir, type World } from '../helpers/world';

const TOKEN = 'test-token-malformed';
let world: World;
let server: WebServer;
let staticDir: string;
let logged: string[];

beforeEach(async () => {
  world = makeWorld();
  staticDir = tempDir('kartoteka-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>K</title>');
  logged = [];
  server = await startWebServer({
    dispatch: world.app.dispatch,
    allowImportFile: (file) => world.app.ctx.importer.allowFile(file),
    token: TOKEN,
    port: 0,
    staticDir,
    locale: world.app.ctx.locale,
    logger: { info: () => undefined, error: (m) => logged.push(m) },
    uploadDir: path.join(world.dir, 'uploads'),
  });
});
afterEach(async () => {
  await server.close();
  world.dispose();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * Writes a request byte for byte (fetch and http.request would refuse or repair the bad ones)
 * and reads the answer; null when the server closed the connection without one.
 */
function raw(
  target: string | Buffer,
  body: Buffer | string = '',
  options: { headers?: string[]; cutAfter?: number } = {},
): Promise<RawAnswer | null> {
  const bodyBytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const head = Buffer.concat([
    Buffer.from('POST '),
    Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'),
    Buffer.from(
      [
        ' HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        `Authorization: Bearer ${TOKEN}`,
        'Content-Type: application/json',
        `Content-Length: ${bodyBytes.length}`,
        'Connection: close',
        ...(options.headers ?? []),
        '',
        '',
      ].join('\r\n'),
    ),
  ]);
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(null);
      else reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!status) return resolve(null);
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split).toLowerCase();
      const rest = text.slice(split + 4);
      const body = head.includes('transfer-encoding: chunked') ? dechunk(rest) : rest;
      resolve({ status: Number(status[1]), body });
    });
    const whole = Buffer.concat([head, bodyBytes]);
    if (options.cutAfter === undefined) {
      // No half-close: a browser keeps its side open until the answer (`Connection: close`).
      socket.write(whole);
    } else {
      socket.write(whole.subarray(0, head.length + options.cutAfter), () => socket.destroy());
    }
  });
}

/** The body of a chunked answer (`<hex size>\\r\\n<data>\\r\\n` … `0\\r\\n\\r\\n`). */
function dechunk(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts).toString('utf8');
}

async function expectAlive(): Promise<void> {
  const good = await raw('/api/clients.list', '{}');
  expect(good?.status).toBe(200);
  expect(JSON.parse(good?.body ?? '')).toMatchObject({ ok: true });
}

function envelopeOf(answer: RawAnswer | null) {
  expect(answer).not.toBeNull();
  return JSON.parse(answer?.body ?? '') as { ok: boolean; error?: { code: string } };
}

describe('malformed requests get a 400 and the shell lives', () => {
  it('a channel with a broken percent-encoding', async () => {
    const answer = await raw('/api/%E0%A4%A', '{}');
    expect(answer?.status).toBe(400);
    expect(envelopeOf(answer)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expectAlive();
  });

  it('a body that is not JSON, and one that is not UTF-8', async () => {
    const notJson = await raw('/api/clients.create', '{"name":');
    expect(notJson?.status).toBe(400);
    expect(envelopeOf(notJson)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Windows-1251 bytes of «Анна»: as UTF-8 they are not text at all.
    const cp1251 = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xc0, 0xed, 0xed, 0xe0]),
      Buffer.from('"}'),
    ]);
    const notUtf8 = await raw('/api/clients.create', cp1251);
    expect(notUtf8?.status).toBe(400);
    expect(envelopeOf(notUtf8)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(world.count('clients')).toBe(0);
    await expectAlive();
  });

  it('a huge channel name', async () => {
    const answer = await raw(`/api/${'clients.'.repeat(1000)}list`, '{}');
    expect(answer?.status).toBe(400);
    const envelope = envelopeOf(answer);
    expect(envelope.ok).toBe(false);
    await expectAlive();
  });

  it('a request whose body is cut off half-way', async () => {
    expect(await raw('/api/clients.create', '{"name":"Анна Петрова"}', { cutAfter: 5 })).toBeNull();
    await expectAlive();
    expect(world.count('clients')).toBe(0);
  });

  it('an upload with a broken name and one cut off half-way', async () => {
    const badName = await raw('/upload?name=%E0%A4%A.csv', 'Имя\nАнна\n');
    expect(badName?.status).toBe(400);
    expect(await raw('/upload?name=a.csv', 'Имя\nАнна\n', { cutAfter: 3 })).toBeNull();
    await expectAlive();
  });
});

describe('fuzz: generated requests never bring the shell down', () => {
  const PIECES = [
    'clients.list',
    'clients.create',
    'import.preview',
    '%',
    '%E0',
    '%A4%A',
    '%C0%AF',
    '%FF',
    '%00',
    '..',
    '/',
    '%2F',
    'щ',
    '%D1%89',
    '?x=%',
    '#',
    ';',
    'a'.repeat(300),
  ];
  const BODIES = [
    '',
    '{}',
    'null',
    '[]',
    '"x"',
    '{"name":',
    '{"name":"\uD800"}',
    '{"path":"/etc/passwd","target":"clients"}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    '{"__proto__":{"x":1}}',
    '1e999999',
  ];

  it('answers every one of 300 generated requests with an envelope, then a good one', async () => {
    const rng = new Rng(11);
    for (let i = 0; i < 300; i += 1) {
      const parts = Array.from({ length: rng.int(1, 4) }, () => rng.pick(PIECES));
      const base = rng.chance(0.15) ? '/upload?name=' : '/api/';
      const target = Buffer.from(base + parts.join(''), 'utf8');
      let body: Buffer = Buffer.from(rng.pick(BODIES), 'utf8');
      if (rng.chance(0.3)) {
        body = Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255)));
      }
      const cut = body.length > 0 && rng.chance(0.1) ? rng.int(0, body.length - 1) : undefined;
      const answer = await raw(target, body, cut === undefined ? {} : { cutAfter: cut });
      const label = `${target.toString('latin1')} ${body.toString('hex').slice(0, 40)}`;
      if (cut !== undefined) {
        expect(answer === null || answer.status >= 400, label).toBe(true);
        continue;
      }
      expect(answer, label).not.toBeNull();
      expect([200, 400, 404, 405, 413], label).toContain(answer?.status);
      const envelope = JSON.parse(answer?.body ?? '') as { ok: boolean };
      expect(typeof envelope.ok, label).toBe('boolean');
    }
    await expectAlive();
    expect(logged.filter((m) => m.includes('dispatch rejected'))).toEqual([]);
  });
});
