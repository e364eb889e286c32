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
import { send, takeFirstAnswer, takeToken, TokenRefusedError } from './early-calls';

export { hasTransport, takeToken, TokenRefusedError } from './early-calls';

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

/** A call's envelope: the start's answer when `early.ts` asked for this call already. */
function invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
  return takeFirstAnswer(channel, input) ?? send(channel, input);
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
