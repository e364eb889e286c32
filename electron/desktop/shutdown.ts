/**
 * Closing the workbook once, however the program ends: the menu's Quit, the last window
 * closed, Cmd+Q, the system shutting down, SIGINT or SIGTERM. Closing checkpoints the WAL into
 * the one file, so a workbook copied after the program ended is complete. Electron-free: main.ts
 * calls `beforeQuit` from `before-quit` and `now` from the signals and the system's shutdown.
 */
export interface ShutdownDeps {
  /** Closes the open workbook (and what works on it); may finish later. */
  close(): void | Promise<void>;
  /** Asks the program to quit (Electron's `app.quit`, which emits `before-quit` again). */
  quit(): void;
  /** A close that failed is logged, and the program quits all the same. */
  onError(error: unknown): void;
}

export interface Shutdown {
  /**
   * From `before-quit`: closes the workbook if still open. `'wait'` means the caller must
   * prevent this quit: closing goes on, and quits when done.
   */
  beforeQuit(): 'proceed' | 'wait';
  /** A signal or the system shutting down: close now and quit. */
  now(): void;
  /** Whether the workbook has been closed. */
  closed(): boolean;
}

function isPromise(value: unknown): value is Promise<void> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

export function createShutdown(deps: ShutdownDeps): Shutdown {
  let state: 'open' | 'closing' | 'closed' = 'open';

  const finish = () => {
    state = 'closed';
    deps.quit();
  };

  const beforeQuit = (): 'proceed' | 'wait' => {
    if (state === 'closed') return 'proceed';
    if (state === 'closing') return 'wait';
    let pending: void | Promise<void>;
    try {
      pending = deps.close();
    } catch (error) {
      deps.onError(error);
      state = 'closed';
      return 'proceed';
    }
    if (!isPromise(pending)) {
      state = 'closed';
      return 'proceed';
    }
    state = 'closing';
    pending.then(finish, (error: unknown) => {
      deps.onError(error);
      finish();
    });
    return 'wait';
  };

  return {
    beforeQuit,
    now: () => {
      if (beforeQuit() === 'proceed') deps.quit();
    },
    closed: () => state === 'closed',
  };
}
