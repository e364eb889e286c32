/**
 * The start's first calls, sent by the page's first script (`early.ts`, a plain script of its
 * own: see `vite.config.ts`) while the page is still being parsed, before any module of the page
 * has been read from the browser's cache, parsed or run. No imports (types only): the script is
 * this module and a few lines. Each answer waits on `window` until the api client (`client.ts`,
 * which has its own copy of this module) makes the same call and takes it instead of asking
 * again. This module also holds the transport itself (the preload bridge or `POST /api/…`), so
 * both send the same request.
 */
import type { ChannelName, Envelope, InputOf } from '../../../electron/api/contract';

declare global {
  interface Window {
    kartoteka?: { invoke: (channel: string, input: unknown) => Promise<unknown> };
    /** The answers the start asked for, by call, until the api client takes each. */
    kartotekaFirstCalls?: Map<string, Promise<Envelope<unknown>>>;
  }
}

const TOKEN_KEY = 'kartoteka.token';

/**
 * The shell refused this page's key (401): the page is from an earlier start of the shell, which
 * listens on the same address every time but makes a new key. Nothing on the page can mend that;
 * the screen says which link to open.
 */
export class TokenRefusedError extends Error {
  constructor() {
    super('The browser shell refused this page’s token (HTTP 401)');
    this.name = 'TokenRefusedError';
  }

  /**
   * Told by its name, not its class: the early script has its own copy of this module, and a
   * refusal of the start's first calls is made by that copy's class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'TokenRefusedError';
  }
}

/** Takes the token from `#token=…` once, keeps it for reloads, and removes it from the address bar. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function hasTransport(): boolean {
  return Boolean(window.kartoteka) || takeToken() !== null;
}

/** One call to the main process: through the preload bridge, or over HTTP with the token. */
export async function send(channel: string, input: unknown): Promise<Envelope<unknown>> {
  if (window.kartoteka) return (await window.kartoteka.invoke(channel, input)) as Envelope<unknown>;
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${takeToken() ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  if (response.status === 401) throw new TokenRefusedError();
  return (await response.json()) as Envelope<unknown>;
}

/** The screens a start address can open with its answers asked for at once. */
export type FirstScreen = 'today' | 'clients' | 'card' | 'brief';

/** The screen a start address shows (`#/clients`, `#/clients/<id>`, `#/` → Today…). */
export function screenOf(hash: string): FirstScreen | null {
  const parts = hash
    .replace(/^#?\/?/, '')
    .split(/[?#]/)[0]!
    .split('/');
  const [first = '', second] = parts;
  if (first === '' || first === 'today') return 'today';
  if (first === 'clients') return second ? (parts[2] === 'brief' ? 'brief' : 'card') : 'clients';
  return null;
}

/** Rows per page of the client list (`useClientPages.ts` says why 50); the start asks for the first. */
export const LIST_PAGE_SIZE = 50;

/** A call the first screen makes as it mounts, with the input it makes it with. */
export type FirstCall = { [C in ChannelName]: readonly [C, InputOf<C>] }[ChannelName];

/**
 * What a screen reads as it mounts, beyond the settings: the screen's own answers first (the
 * client list's first page is what a user waits for), then the rail's and the frame's.
 */
export function firstCalls(screen: FirstScreen | null): FirstCall[] {
  const frame: FirstCall[] = [
    ['app.info', {}],
    ['workbook.info', {}],
    ['sync.status', {}],
  ];
  if (screen === 'clients') {
    return [
      ['clients.list', { limit: LIST_PAGE_SIZE, offset: 0 }],
      ['fields.list', { includeRetired: false }],
      ['views.list', {}],
      ['managers.names', {}],
      ...frame,
    ];
  }
  if (screen === 'card' || screen === 'brief') {
    return [['managers.names', {}], ['fields.list', { includeRetired: true }], ...frame];
  }
  if (screen === 'today') return [['campaigns.todo', {}], ...frame];
  return frame;
}

const keyOf = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input)}`;

/**
 * Sends the settings' call and the first screen's at once (once per page; nothing without a
 * token or bridge: the page then says so).
 */
export function sendFirstCalls(): void {
  if (window.kartotekaFirstCalls || !hasTransport()) return;
  const waiting = new Map<string, Promise<Envelope<unknown>>>();
  window.kartotekaFirstCalls = waiting;
  const calls: FirstCall[] = [['settings.get', {}], ...firstCalls(screenOf(window.location.hash))];
  for (const [channel, input] of calls) {
    const answer = send(channel, input);
    // Never an unhandled rejection: whoever takes the answer gets the failure.
    answer.catch(() => undefined);
    waiting.set(keyOf(channel, input), answer);
  }
}

/** The answer to this call if the start asked for it and nobody has taken it yet (taken now). */
export function takeFirstAnswer(
  channel: string,
  input: unknown,
): Promise<Envelope<unknown>> | undefined {
  const waiting = window.kartotekaFirstCalls;
  if (!waiting) return undefined;
  const key = keyOf(channel, input);
  const answer = waiting.get(key);
  waiting.delete(key);
  return answer;
}

/** What a first screen needs beyond the main bundle: its chunks and their styles. */
export interface ScreenFiles {
  scripts: readonly string[];
  styles: readonly string[];
}

/**
 * Forgets the answers nobody took (the address changed before the main bundle ran): a later call
 * then asks afresh rather than take an answer from the start.
 */
export function dropFirstAnswers(): void {
  window.kartotekaFirstCalls?.clear();
}

/**
 * Starts reading the chunks of the first screen (the screen's own and those it imports) and its
 * styles, so they are read and parsed while the main bundle is: without this the screen's chunk
 * is asked for only once the main bundle has run. The styles are only fetched here: the screen's
 * loader puts them in the page after the main bundle's, in the order the cascade expects (put in
 * from here they would come before it). `files` by screen, as the build lists them.
 */
export function preloadFirstScreen(files: Partial<Record<FirstScreen, ScreenFiles>>): void {
  const screen = screenOf(window.location.hash);
  const wanted = screen ? files[screen] : undefined;
  if (!wanted) return;
  const add = (rel: string, href: string, as?: string) => {
    const link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    // As the page's own module scripts and styles are asked for (Vite's links say `crossorigin`).
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  };
  for (const href of wanted.scripts) add('modulepreload', href);
  for (const href of wanted.styles) add('preload', href, 'style');
}
