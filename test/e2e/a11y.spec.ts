/**
 * Accessibility: axe-core on every page of the app (Today, the list and its trash, the
 * journal, each tab of a card, dialogs, the dashboard, growth points, each import step,
 * settings, the workbook, backups, sync) with realistic data; no serious or critical violation.
 */
import fs from 'node:fs';
import { ru } from '../../renderer/src/i18n/ru';
import { test } from './fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { DEMO_CSV, seedDemo, tour } from './pages/tour';

// The app's Content-Security-Policy allows no injected script; axe is the test's, not the app's.
test.use({ bypassCSP: true });

test('every page passes axe without serious or critical violations', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const cardId = await seedDemo(shell, 'ru');
  const csv = testInfo.outputPath('clients.csv');
  fs.writeFileSync(csv, DEMO_CSV);
  const failures: string[] = [];
  await tour(page, shell, ru, cardId, csv, async (name) => {
    try {
      await expectNoSeriousA11yViolations(page, name);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  });
  test.expect(failures, failures.join('\n\n')).toEqual([]);
});
