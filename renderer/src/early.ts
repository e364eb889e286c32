/**
 * The page's first script: a plain script (not a module), built on its own as a few hundred
 * bytes with nothing imported at run time, and run as soon as the parser meets it. It sends the
 * settings' call and the first screen's at once and starts reading the first screen's chunks, so
 * they travel while the page's modules (React, the query cache, the translations) are still
 * being read, parsed and run (`early-calls.ts`; the build: `vite.config.ts`).
 */
import {
  preloadFirstScreen,
  sendFirstCalls,
  type FirstScreen,
  type ScreenFiles,
} from './api/early-calls';

/** The chunks each first screen needs, by screen: written in by the build. */
declare const FIRST_SCREEN_CHUNKS: Partial<Record<FirstScreen, ScreenFiles>>;

sendFirstCalls();
preloadFirstScreen(FIRST_SCREEN_CHUNKS);
