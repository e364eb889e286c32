/**
 * The browser shell in the bench: the app's dispatch served on 127.0.0.1 by the real web
 * server, called with `fetch` as an outside tool calls it (token, JSON body, envelope parsed).
 */
import os from 'node:os';
import path from 'node:path';
import type { App } from '../electron/app';
import { startWebServer, type WebServer } from '../electron/web-server';

export interface BenchShell {
  call<T>(channel: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startBenchShell(app: App, log: (m: string) => void): Promise<BenchShell> {
  const token = `bench-${process.pid}`;
  const server: WebServer = await startWebServer({
    dispatch: app.dispatch,
    token,
    port: 0,
    // No renderer is served: only `/api/*` is called.
    staticDir: path.join(os.tmpdir(), 'kartoteka-bench-no-renderer'),
    locale: app.ctx.locale,
    logger: { info: () => undefined, error: (m) => log(m) },
    allowImportFile: () => undefined,
  });
  return {
    async call<T>(channel: string, input: unknown): Promise<T> {
      const response = await fetch(`${server.origin}/api/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      const envelope = (await response.json()) as
        { ok: true; data: T } | { ok: false; error: { message: string } };
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
      return envelope.data;
    },
    close: () => server.close(),
  };
}
