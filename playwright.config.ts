import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download cannot run on these machines. */
export const CHROMIUM = process.env['KARTOTEKA_CHROMIUM'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a failing test.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
    // No trace: recording one for every test (to keep it only on a failure) made the suite about
    // 30% slower (the browser encodes a screencast all the while). A failure prints its error and
    // keeps a screenshot; `npx playwright test --trace on <spec>` records one when needed.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
