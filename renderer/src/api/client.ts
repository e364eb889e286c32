/**
 * The renderer's one way to the main process: `api.call(channel, input)`. In Electron it goes
 * through the preload bridge; in the browser shell, `POST /api/<channel>` with the run's token.
 */
import type {
  ApiErrorBody,
  ApiIssue,
  ChannelName,
  Envelope,
  InputOf,
  OutputOf,
} from '../../../electron/api/contract';

declare global {
  interface Window {
    kartoteka?: { invoke: (channel: string, input: unknown) => Promise<unknown> };
  }
}

/** An expected failure from the main process, with the field it concerns. */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly field: string | undefined;
  readonly issues: ApiIssue[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues ?? [];
  }
  /** The message for one input field, e.g. `phone` or `patch.phone`. */
  messageFor(path: string): string | undefined {
    const issue = this.issues.find((i) => i.path === path);
    if (issue) return issue.message;
    return this.field === path ? this.message : undefined;
  }
}

/** Runs after every successful call: the renderer's cache refreshes what it changed. */
type AfterCall = (channel: ChannelName) => Promise<void>;
let afterCall: AfterCall = () => Promise.resolve();

/**
 * Sets what runs after each successful call (`main.tsx`: invalidate the queries the channel's
 * metadata names). The call resolves once it is done, so a screen that awaits a write shows
 * fresh data.
 */
export function setAfterCall(listener: AfterCall): void {
  afterCall = listener;
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

async function invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
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

export const api = {
  async call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const envelope = await invoke(channel, input);
    if (!envelope.ok) throw new ApiError(envelope.error);
    await afterCall(channel);
    return envelope.data as OutputOf<C>;
  },

  /**
   * Browser shell only: sends a file the user picked to `POST /upload` and returns the path the
   * main process keeps it under (the desktop app picks files with `import.pickFile` instead).
   */
  async upload(file: File): Promise<string> {
    const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${takeToken() ?? ''}`,
        'Content-Type': 'application/octet-stream',
      },
      body: file,
    });
    if (response.status === 401) throw new TokenRefusedError();
    let envelope: Envelope<{ path: string }>;
    try {
      envelope = (await response.json()) as Envelope<{ path: string }>;
    } catch {
      throw new ApiError({
        code: 'internal',
        message: `${response.status} ${response.statusText}`,
      });
    }
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.data.path;
  },
};
