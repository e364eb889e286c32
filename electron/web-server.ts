/**
 * The browser shell's HTTP server: the renderer build and `POST /api/<channel>`, on loopback
 * only. Every API call needs the per-run bearer token; a foreign Host or Origin is refused
 * before anything is read, so a web page elsewhere cannot reach the workbook.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type stream from 'node:stream';
import type { Envelope, Locale } from './api/contract';
import type { Dispatch } from './api/dispatch';
import type { Logger } from './api/logger';
import { translate } from './api/messages';
import { envelopeBytes } from './services/workers/json-text';
import type { TestClock } from './test-clock';
import { afterBody, channelFromPath, parseBody, readBody } from './web-request';
import { receiveUpload } from './web-upload';
import {
  allowedHosts,
  listStaticFiles,
  SECURITY_HEADERS,
  sendPageFile,
  type PageServer,
} from './web-listen';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export { CONTENT_SECURITY_POLICY, DEFAULT_PORT, startOnPreferredPort } from './web-listen';

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
  /** Registers an uploaded file with the import service: only those may be imported. */
  allowImportFile: (file: string) => void;
  /** Test runs only (see `test-clock.ts`): `POST /test/clock` moves it; absent → 404. */
  testClock?: TestClock | null | undefined;
  /**
   * Settles once the workbook is open: until then the page is served, and the calls (with the
   * token's check, the uploads, the test clock) wait for it. None: open already.
   */
  ready?: Promise<unknown>;
  /**
   * Told when a file of the page has been sent or a call has come before `ready` (the shell then
   * opens the workbook).
   */
  onDemand?: () => void;
  /** Already listening and serving the page (`listenForPage`): taken over, its port kept. */
  page?: PageServer;
}

export interface WebServer {
  port: number;
  /** The address to print: `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

/** `POST /test/clock {"advanceMs": n}` → `{ ok: true, data: { now } }`; 404 without a test clock. */
function moveClock(
  req: http.IncomingMessage,
  clock: TestClock | null | undefined,
  sendJson: (status: number, body: unknown) => void,
  refuse: (status: number, code: 'unavailable' | 'invalid_input', message: string) => void,
): void {
  if (!clock) return refuse(404, 'unavailable', 'Not found');
  readBody(req, 1024, (read) => {
    const body = read.ok ? parseBody(read.bytes) : null;
    const ms = body?.ok ? (body.input as { advanceMs?: unknown } | null)?.advanceMs : undefined;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      return refuse(400, 'invalid_input', 'advanceMs: a number of milliseconds ≥ 0');
    }
    sendJson(200, { ok: true, data: { now: clock.advance(ms).toISOString() } });
  });
}

/** The paths of calls (the API, uploads, the test clock), as against the page's files. */
function isCall(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname === '/upload' || pathname === '/test/clock';
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const files = listStaticFiles(options.staticDir);
  const expectedAuth = Buffer.from(`Bearer ${options.token}`);
  let port = 0;
  let opened = options.ready === undefined;
  const ready = (options.ready ?? Promise.resolve()).then(() => {
    opened = true;
  });

  const handle = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    securityHeaders: Record<string, string>,
    sendJson: (status: number, body: unknown) => void,
    refuse: (status: number, code: 'unavailable' | 'invalid_input', message: string) => void,
    sendText: (status: number, json: string | Buffer) => void,
  ): void => {
    const hosts = allowedHosts(port);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hosts.includes(req.headers.host ?? '')) {
      return refuse(403, 'unavailable', 'Forbidden host');
    }
    if (isCall(url.pathname)) {
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
        return refuse(403, 'unavailable', 'Forbidden origin');
      }
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== expectedAuth.length || !crypto.timingSafeEqual(auth, expectedAuth)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return refuse(401, 'unavailable', translate(options.locale(), 'wrong_token'));
      }
      if (req.method !== 'POST') return refuse(405, 'unavailable', 'Use POST');
      const locale = options.locale();
      if (url.pathname === '/test/clock')
        return moveClock(req, options.testClock, sendJson, refuse);
      if (url.pathname === '/upload') {
        return receiveUpload(req, url, options, (status, body) => {
          if (status !== 200) req.resume();
          sendJson(status, body);
        });
      }
      const channel = channelFromPath(url.pathname);
      if (channel === null) return refuse(400, 'invalid_input', translate(locale, 'bad_request'));
      return readBody(req, MAX_BODY_BYTES, (read) => {
        if (!read.ok) {
          return refuse(
            413,
            'invalid_input',
            translate(locale, 'too_large', { max: MAX_BODY_BYTES }),
          );
        }
        const body = parseBody(read.bytes);
        if (!body.ok) {
          const key = body.reason === 'not_utf8' ? 'body_not_utf8' : 'invalid_json';
          return refuse(400, 'invalid_input', translate(locale, key));
        }
        options.dispatch(channel, body.input, { json: true }).then(
          (envelope) => sendText(200, envelopeBytes(envelope)),
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
      return void res.end('Not found');
    }
    sendPageFile(req, res, file);
    if (!opened && options.onDemand) res.once('finish', options.onDemand);
  };

  const listener: http.RequestListener = (req, res) => {
    const securityHeaders = SECURITY_HEADERS;
    const sendText = (status: number, json: string | Buffer) => {
      // The client may have gone, or an answer may be on its way already: say nothing twice.
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, {
        ...securityHeaders,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(json);
    };
    const sendJson = (status: number, body: unknown) => sendText(status, JSON.stringify(body));
    const refuse = (status: number, code: 'unavailable' | 'invalid_input', message: string) => {
      const body: Envelope<never> = { ok: false, error: { code, message } };
      // Too large: answer at once; the rest of the body is not worth reading.
      if (status === 413) {
        req.resume();
        return sendJson(status, body);
      }
      afterBody(req, MAX_BODY_BYTES, () => sendJson(status, body));
    };
    const serve = () => {
      try {
        handle(req, res, securityHeaders, sendJson, refuse, sendText);
      } catch (error) {
        // Whatever a request carries, the shell stays up for the next one.
        options.logger.error(`request ${String(req.url).slice(0, 200)} failed`, error);
        refuse(400, 'invalid_input', translate(options.locale(), 'bad_request'));
      }
    };
    // A call before the workbook is open is answered, its checks and all, once it is (a shell
    // that cannot open it exits).
    if (!opened && isCall((req.url ?? '/').split('?')[0]!)) {
      options.onDemand?.();
      return void ready.then(serve, () => req.socket.destroy());
    }
    serve();
  };

  // Requests Node's parser refuses before they reach the handler (bytes not allowed in the
  // request line, broken headers): the same envelope, then the connection is closed.
  const onClientError = (error: NodeJS.ErrnoException, socket: stream.Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      ok: false,
      error: { code: 'invalid_input', message: translate(options.locale(), 'bad_request') },
    } satisfies Envelope<never>);
    socket.end(
      [
        tooLarge ? 'HTTP/1.1 431 Request Header Fields Too Large' : 'HTTP/1.1 400 Bad Request',
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  };

  const serving = (server: http.Server, bound: number): WebServer => {
    port = bound;
    server.on('clientError', onClientError);
    return {
      port,
      origin: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    };
  };
  const page = options.page;
  if (page) {
    const taken = serving(page.server, page.port);
    page.handOver(listener);
    return Promise.resolve(taken);
  }
  const server = http.createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      resolve(
        serving(server, typeof address === 'object' && address ? address.port : options.port),
      );
    });
  });
}
