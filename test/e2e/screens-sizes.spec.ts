/**
 * Every page at 1366×768 and 1024×768, in Russian and English, with realistic data: saved to
 * test-results/screens/<page>-<lang>-<width>.png for a person to look at, and no page scrolls
 * sideways as a whole (a wide table scrolls inside its own frame).
 */
import fs from 'node:fs';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';
import { DEMO_CSV, seedDemo, tour } from './pages/tour';

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  for (const width of [1366, 1024]) {
    test(`every page fits ${width}×768 in ${lang}`, async ({ page, shell }, testInfo) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 768 });
      const cardId = await seedDemo(shell, lang);
      const csv = testInfo.outputPath('clients.csv');
      fs.writeFileSync(csv, DEMO_CSV);
      const wide: string[] = [];
      await tour(page, shell, t, cardId, csv, async (name) => {
        await page.screenshot({ path: `test-results/screens/${name}-${lang}-${width}.png` });
        const sideways = await page.evaluate(() => {
          const main = document.querySelector('main');
          const root = document.documentElement;
          return (
            root.scrollWidth > root.clientWidth ||
            (main ? main.scrollWidth > main.clientWidth : false)
          );
        });
        if (sideways) wide.push(name);
      });
      expect(wide, 'pages that scroll sideways as a whole').toEqual([]);
    });
  }
}
