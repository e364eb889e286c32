/**
 * What the first screen needs, asked for at the very start: its chunk and the answers the rail
 * and the screen read when they mount, all at once while the settings are read, instead of one
 * after another as each component mounts and asks (measured: half a second of a start to the
 * client list went to that chain). The calls themselves went out earlier still, from the page's
 * first script (`early.ts`, `early-calls.ts`); here their answers land in the query cache under
 * the keys the components use, so they find them there.
 */
import { channelQuery } from '../api/channel-query';
import { api, ApiError, hasTransport } from '../api/client';
import { detectLocale } from '../i18n/detect';
import { firstCalls, screenOf } from '../api/early-calls';
import type { InputOf } from '../../../electron/api/contract';
import type { Currency } from '../../../electron/api/contract/enums';
import { markPrefetched, queryClient } from './query-client';
import { preloadScreen } from './screens';

/** The first screen's chunk, loading (settled at once when the address shows no known screen). */
let chunk: Promise<void> = Promise.resolve();

function prefetchFirstScreen(hash: string): void {
  const screen = screenOf(hash);
  if (screen) chunk = preloadScreen(screen);
  // The same calls `early.ts` sent: each takes its answer (`takeFirstAnswer`) into the cache.
  for (const [channel, input] of firstCalls(screen)) {
    const query = channelQuery(channel, input as InputOf<typeof channel>);
    markPrefetched(queryClient.getQueryCache().build(queryClient, query).queryHash);
    void queryClient.prefetchQuery(query);
  }
}

type Settings = { language: 'ru' | 'en' | null; currency?: Currency };

let settings: Promise<Settings> | null = null;

/**
 * Starts the start's reads once: the settings first (the start waits for them), then the first
 * screen's chunk and answers (each call's answer the one `early.ts` asked for, when it did).
 */
export function startFirstScreen(): void {
  if (settings || !hasTransport()) return;
  settings = readSettings();
  // Never an unhandled rejection: `firstSettings` hands the same failure to the start.
  settings.catch(() => undefined);
  prefetchFirstScreen(window.location.hash);
}

/**
 * The first screen's chunk, loaded (or failed) — asked for with the settings, it is there by the
 * time they are: the first render then shows the screen at once, not an empty frame first.
 */
export function firstScreenChunk(): Promise<void> {
  return chunk;
}

/** The settings the start asked for (asked now when nothing has yet). */
export function firstSettings(): Promise<Settings> {
  return settings ?? readSettings();
}

/**
 * The workbook's settings; none while an encrypted first workbook waits for its password (the
 * app then asks for it in the OS language, and nothing is remembered in any workbook).
 */
async function readSettings(): Promise<Settings> {
  try {
    return await api.call('settings.get', {});
  } catch (error) {
    // A damaged workbook may not give its settings: it opens all the same, to offer a backup.
    if (error instanceof ApiError && ['password_required', 'damaged'].includes(error.code)) {
      return { language: detectLocale() };
    }
    throw error;
  }
}
