/**
 * The `app://` protocol of the desktop window: the built renderer's files and nothing else,
 * with the same Content-Security-Policy as the browser shell. Electron-free (Fetch API types).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './web-server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function serveRendererFile(rendererDir: string, request: Request): Response {
  const url = new URL(request.url);
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const file = path.resolve(rendererDir, relative);
  if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) {
    return new Response('Not found', { status: 404 });
  }
  return new Response(fs.readFileSync(file), {
    headers: {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
