import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time. Vitest's default is one less than the cores, so one file at a time on
    // this 2-core machine: 16 minutes, two thirds of them the crash test and the sync property
    // test, which now run beside the rest. The whole suite passed this way at load 5–7.
    maxWorkers: 2,
    testTimeout: 20_000,
    // One throwaway PostgreSQL for the sync tests, started only when a test asks for it.
    globalSetup: ['test/helpers/pg-global-setup.ts'],
  },
});
