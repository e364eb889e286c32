/**
 * The browser shell's clock for end-to-end tests: the real time plus an offset that a test moves
 * forward (`POST /test/clock {"advanceMs": 2000}`), so a spec that needs "a moment between two
 * changes" moves the clock instead of sleeping. It exists only when the shell is started with
 * `--test-clock` AND the environment says this is a test run (`KARTOTEKA_TEST=1`); a normal run
 * has neither, and the route answers 404.
 */
export class TestClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves the clock forward (never back: stored times must not go backwards). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceMs must be ≥ 0');
    this.offsetMs += ms;
    return this.now();
  }
}

/** The test clock the shell's options ask for, or null; refuses one outside a test run. */
export function testClockFor(
  requested: boolean,
  env: Record<string, string | undefined>,
): TestClock | null {
  if (!requested) return null;
  if (env['KARTOTEKA_TEST'] !== '1') {
    throw new Error('--test-clock is for test runs only (KARTOTEKA_TEST=1)');
  }
  return new TestClock();
}
