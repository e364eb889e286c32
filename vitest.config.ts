import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // One throwaway PostgreSQL for the sync tests, started only when a test asks for it.
    globalSetup: ['test/helpers/pg-global-setup.ts'],
  },
});
