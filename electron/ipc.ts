/**
 * The IPC adapter, kept free of Electron so it is tested under plain Node: the one IPC channel
 * between preload and main, and what main does with a call on it.
 */
import type { Envelope } from './api/contract';
import type { Dispatch } from './api/dispatch';

export const IPC_INVOKE = 'kartoteka:invoke';
export const RENDERER_ORIGIN = 'app://kartoteka/';

/** Forwards a renderer call to dispatch, refusing frames that are not the app's own pages. */
export function handleIpcInvoke(
  dispatch: Dispatch,
  senderUrl: string | undefined,
  channel: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!senderUrl?.startsWith(RENDERER_ORIGIN)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'unavailable', message: 'Forbidden sender' },
    });
  }
  return dispatch(typeof channel === 'string' ? channel : '', input);
}
