/**
 * The browser shell's HTTP server: the renderer build and `POST /api/<channel>`, on loopback
 * only. Every API call needs the per-run bearer token; a foreign Host or Origin is refused
 * before anything is read, so a web page elsewhere cannot reach the workbook.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, Locale } from './api/contract';
import type { Dispatch } from './api/dispatch';
import type { Logger } from './api/logger';
import { translate } from './api/messages';
import { formatSize, MAX_FILE_BYTES } from './services/import/source';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebServerOptions {
  dispatch: Dispatch;
  token: string;
  /** 0 picks any free port. */
  port: number;
  /** Folder of the built renderer; its files are listed once at start. */
  staticDir: string;
  locale: () => Locale;
  logger: Logger;
  /** Where uploaded import files are kept (the browser cannot hand over a path). */
  uploadDir?: string;
}

export interface WebServer {
  port: number;
  /** The address to print: `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Maps URL paths to files; only what is listed here is ever served (no path traversal). */
function listStaticFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(`/${path.relative(root, full).split(path.sep).join('/')}`, full);
    }
  };
  walk(root);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const files = listStaticFiles(options.staticDir);
  const expectedAuth = Buffer.from(`Bearer ${options.token}`);
  let port = 0;

  const server = http.createServer((req, res) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const securityHeaders = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const sendJson = (status: number, body: unknown) => {
      res.writeHead(status, {
        ...securityHeaders,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify(body));
    };
    const refuse = (status: number, code: 'unavailable' | 'invalid_input', message: string) => {
      const body: Envelope<never> = { ok: false, error: { code, message } };
      req.resume();
      sendJson(status, body);
    };

    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return refuse(403, 'unavailable', 'Forbidden host');
    }
    if (url.pathname.startsWith('/api/') || url.pathname === '/upload') {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
        return refuse(403, 'unavailable', 'Forbidden origin');
      }
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== expectedAuth.length || !crypto.timingSafeEqual(auth, expectedAuth)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return refuse(401, 'unavailable', 'Missing or wrong token');
      }
      if (req.method !== 'POST') return refuse(405, 'unavailable', 'Use POST');
      if (url.pathname === '/upload') {
        return receiveUpload(req, url, options, (status, body) => {
          if (status !== 200) req.resume();
          sendJson(status, body);
        });
      }
      return readBody(req, (error, body) => {
        const locale = options.locale();
        if (error === 'too_large') {
          return refuse(
            413,
            'invalid_input',
            translate(locale, 'too_large', { max: MAX_BODY_BYTES / 1024 / 1024 }),
          );
        }
        let input: unknown;
        try {
          input = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
        } catch {
          return refuse(400, 'invalid_input', translate(locale, 'invalid_json'));
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        options.dispatch(channel, input).then(
          (envelope) => sendJson(200, envelope),
          (failure: unknown) => {
            options.logger.error('dispatch rejected', failure);
            sendJson(500, { ok: false, error: { code: 'internal', message: String(failure) } });
          },
        );
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'unavailable', 'Use GET');
    const file = files.get(url.pathname);
    if (!file) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * `POST /upload?name=<file name>`: the raw bytes of a file the user picked in the browser,
 * streamed to a private temporary folder; answers `{ ok, data: { path } }` for `import.preview`.
 */
function receiveUpload(
  req: http.IncomingMessage,
  url: URL,
  options: WebServerOptions,
  send: (status: number, body: Envelope<{ path: string }>) => void,
): void {
  const locale = options.locale();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_FILE_BYTES) {
    const message = translate(locale, 'import_too_large', {
      size: formatSize(declared),
      max: formatSize(MAX_FILE_BYTES),
    });
    return send(413, { ok: false, error: { code: 'invalid_input', message, field: 'path' } });
  }
  const dir = options.uploadDir ?? path.join(os.tmpdir(), 'kartoteka-uploads');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = path
    .basename(url.searchParams.get('name') ?? 'upload.csv')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_');
  const file = path.join(
    dir,
    `${crypto.randomBytes(8).toString('hex')}-${name.slice(-120) || 'upload'}`,
  );
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let size = 0;
  let failed = false;
  const fail = (status: number, message: string) => {
    if (failed) return;
    failed = true;
    out.destroy();
    fs.rm(file, { force: true }, () => undefined);
    send(status, { ok: false, error: { code: 'invalid_input', message, field: 'path' } });
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) {
      fail(
        413,
        translate(locale, 'import_too_large', {
          size: formatSize(size),
          max: formatSize(MAX_FILE_BYTES),
        }),
      );
    }
  });
  req.on('error', (error) =>
    fail(400, translate(locale, 'import_upload_failed', { details: error.message })),
  );
  out.on('error', (error) =>
    fail(500, translate(locale, 'import_upload_failed', { details: error.message })),
  );
  out.on('finish', () => {
    if (!failed) send(200, { ok: true, data: { path: file } });
  });
  req.pipe(out);
}

function readBody(
  req: http.IncomingMessage,
  done: (error: 'too_large' | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      finished = true;
      done('too_large', Buffer.alloc(0));
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!finished) done(null, Buffer.concat(chunks));
  });
}
