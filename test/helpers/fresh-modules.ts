/**
 * Unit test files that run in a process of their own, with a fresh module graph (vitest.config's
 * `fresh` project); the others share their worker's modules. One asserts the state modules start
 * in (the contract's schemas not built yet); the others set the process's time zone
 * (`process.env.TZ`), which would hold for the files run after them in a shared process
 * (`fresh-modules.test.ts` finds any such file missing here).
 */
export const FRESH_MODULES = [
  'test/unit/dispatch-order.test.ts',
  'test/unit/local-date.test.ts',
  'test/unit/local-day-figures.test.ts',
  'test/unit/local-day-sql.test.ts',
  'test/unit/local-today.test.ts',
  'test/unit/repeat.test.ts',
];
