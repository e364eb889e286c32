/**
 * Work in the background after a workbook opens (the integrity check of a large workbook and
 * the daily backup after it, the analytics worker reading every sale) waits until the window's
 * first screen is up: until no call has been in flight for a moment. On two cores a check that
 * reads a gigabyte, or a backup that copies it, otherwise slows every call of the first screen.
 * It never waits longer than ten quiet times (a screen that keeps asking, an import's progress):
 * the backup is still taken. With no quiet time (unit tests) the work runs at once, as before.
 */
export interface QuietTimer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimer: QuietTimer = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // Waiting work never keeps the process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class QuietGate {
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private timer: unknown = null;
  private cap: unknown = null;

  constructor(
    /** How long no call must be in flight; 0 runs the work at once. */
    private readonly quietMs: number,
    private readonly clock: QuietTimer = systemTimer,
  ) {}

  /** Runs `fn` once the calls have been quiet for a moment (at once without a quiet time). */
  later(fn: () => void): void {
    if (this.quietMs <= 0) return fn();
    this.waiting.push(fn);
    if (this.cap === null) this.cap = this.clock.setTimeout(() => this.run(), this.quietMs * 10);
    this.arm();
  }

  /** Wraps one call: the quiet time starts over when it ends. */
  async during<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    this.disarm();
    try {
      return await call();
    } finally {
      this.inFlight -= 1;
      this.arm();
    }
  }

  private arm(): void {
    this.disarm();
    if (this.inFlight > 0 || this.waiting.length === 0) return;
    this.timer = this.clock.setTimeout(() => this.run(), this.quietMs);
  }

  private run(): void {
    this.disarm();
    if (this.cap !== null) this.clock.clearTimeout(this.cap);
    this.cap = null;
    const due = this.waiting;
    this.waiting = [];
    for (const fn of due) fn();
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
