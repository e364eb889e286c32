/**
 * What the browser shell does before its bundle (3 MB: the API, the workbook, the workers'
 * clients) is loaded: it takes its port and serves the page's files, so the browser loads and
 * runs the page's scripts while the bundle loads and the workbook opens. Everything else (the
 * calls, a file not in the page, a foreign Host) waits, untouched, for the full server
 * (`web-server.ts`), which takes the same port over. Node's built-ins only: the loader
 * (`web-start.ts`) runs this before any of the bundle.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

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

/** Sent with every answer, a file of the page or a call's. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

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
export function listStaticFiles(root: string): Map<string, string> {
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

/** Sends a listed file of the page (`GET` or `HEAD`): cached for good but for the HTML. */
export function sendPageFile(req: http.IncomingMessage, res: http.ServerResponse, file: string) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}

/** The Host headers a request may carry: this address only (no DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * The port the browser shell takes when none is given: the same at every start, so the browser
 * finds the page's scripts, and the code it compiled from them, in its cache, as it does for a
 * site it has been to (a start takes about a second less than with an empty cache).
 */
export const DEFAULT_PORT = 47310;

/** `--port`: none → null (the usual one); else a number from 0 (any free port) to 65535. */
export function portArg(value: string | undefined): number | null {
  if (value === undefined) return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/**
 * Starts the server on `preferred`, or on any free port when that one is taken (another shell,
 * another program). `null`: any free port at once.
 */
export async function startOnPreferredPort<S>(
  preferred: number | null,
  start: (port: number) => Promise<S>,
): Promise<S> {
  if (preferred === null || preferred === 0) return start(0);
  try {
    return await start(preferred);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

/** A listening server that serves the page's files until the full server takes it over. */
export interface PageServer {
  server: http.Server;
  port: number;
  origin: string;
  /** Settles when a file of the page has been sent, or a request it keeps for later has come. */
  asked: Promise<void>;
  /** From now on `listener` answers every request, the ones kept waiting first. */
  handOver(listener: http.RequestListener): void;
}

/** Listens on 127.0.0.1 (`port` 0: any free one) and serves the page's files in `staticDir`. */
export function listenForPage(staticDir: string, port: number): Promise<PageServer> {
  const files = listStaticFiles(staticDir);
  const kept: [http.IncomingMessage, http.ServerResponse][] = [];
  let wake: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (wake = resolve));
  let bound = 0;
  const early: http.RequestListener = (req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]!);
    const plain = req.method === 'GET' || req.method === 'HEAD';
    if (file && plain && allowedHosts(bound).includes(req.headers.host ?? '')) {
      sendPageFile(req, res, file);
      // A turn of the event loop first: the response's last bytes leave before the bundle's
      // load takes the thread.
      res.once('finish', () => setTimeout(wake, 0));
    } else {
      // Calls, and whatever the full server refuses or explains: answered by it.
      kept.push([req, res]);
      wake();
    }
  };
  const server = http.createServer(early);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      bound = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        port: bound,
        origin: `http://127.0.0.1:${bound}`,
        asked,
        handOver: (listener) => {
          server.off('request', early);
          server.on('request', listener);
          for (const [req, res] of kept.splice(0)) listener(req, res);
        },
      });
    });
  });
}
