/**
 * Reading what a browser-shell request carries, without trusting any of it: the channel from
 * the path, a query parameter, the body as UTF-8 JSON. Each returns null (or a reason) for a
 * malformed request instead of throwing, so one bad request can never bring the shell down.
 */
import type http from 'node:http';

/** A channel name is `domain.verb`: letters and dots, short. Anything else is malformed. */
const CHANNEL_SHAPE = /^[A-Za-z]+(\.[A-Za-z]+)+$/;
const MAX_CHANNEL_LENGTH = 100;

/** `decodeURIComponent` without the throw (bad `%` sequences, bytes that are not UTF-8). */
export function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The channel of `/api/<channel>`, or null when the path cannot be a channel name. */
export function channelFromPath(pathname: string): string | null {
  const channel = decodeComponent(pathname.slice('/api/'.length));
  if (channel === null || channel.length > MAX_CHANNEL_LENGTH) return null;
  return CHANNEL_SHAPE.test(channel) ? channel : null;
}

/**
 * One query parameter, decoded strictly (URLSearchParams would quietly turn a broken `%`
 * sequence into U+FFFD). Undefined when absent, null when malformed.
 */
export function queryParam(search: string, name: string): string | null | undefined {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const [key = '', value = ''] = pair.split('=', 2);
    if (decodeComponent(key) === name) return decodeComponent(value.replace(/\+/g, ' '));
  }
  return undefined;
}

export type BodyResult =
  { ok: true; input: unknown } | { ok: false; reason: 'too_large' | 'not_utf8' | 'invalid_json' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a request body as JSON; an empty body is no input. */
export function parseBody(bytes: Buffer): BodyResult {
  if (bytes.length === 0) return { ok: true, input: undefined };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not_utf8' };
  }
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
}

/**
 * Collects a body up to `maxBytes`. Calls `done` once: with the bytes, with `too_large`, or
 * not at all when the client went away (there is nobody left to answer).
 */
export function readBody(
  req: http.IncomingMessage,
  maxBytes: number,
  done: (result: { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' }) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > maxBytes) {
      finished = true;
      done({ ok: false, reason: 'too_large' });
      return;
    }
    chunks.push(chunk);
  });
  // A client that hangs up half-way: drop what came, answer nothing.
  req.on('error', () => {
    finished = true;
  });
  req.on('end', () => {
    if (!finished) done({ ok: true, bytes: Buffer.concat(chunks) });
  });
}

/**
 * Runs `then` once the rest of the body has been read and dropped. Answering earlier and
 * closing the connection with bytes still unread makes the client see a reset instead of the
 * answer. Past `maxBytes` (or when the client hangs up) it answers without waiting.
 */
export function afterBody(req: http.IncomingMessage, maxBytes: number, then: () => void): void {
  if (req.complete) return then();
  let size = 0;
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) once();
  });
  req.on('end', once);
  req.on('error', once);
  req.resume();
}
