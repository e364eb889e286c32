/**
 * Every page at 1366×768 and 1024×768, in Russian and English, with realistic data: saved to
 * test-results/screens/<page>-<lang>-<width>.png for a person to look at, and no page scrolls
 * sideways as a whole (a wide table scrolls inside its own frame).
 */
import fs from 'node:fs';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_CSV, seedDemo, tour } from './pages/tour';

/**
 * Buttons, fields and text areas that stick out of the box that clips them (a panel, a card),
 * except inside a table that scrolls sideways on purpose.
 */
function cutControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'main button, main input, main select, main textarea',
    )) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let box = el.parentElement;
      while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      const edge = box ? box.getBoundingClientRect().right : document.documentElement.clientWidth;
      if (rect.right <= edge + 1) continue;
      if (box?.querySelector('table, [role="table"]') && box.scrollWidth > box.clientWidth)
        continue;
      found.push(
        `${el.tagName.toLowerCase()} «${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}» ${Math.round(rect.right)} > ${Math.round(edge)}`,
      );
    }
    return found;
  });
}

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
      const cut: string[] = [];
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
        cut.push(...(await cutControls(page)).map((c) => `${name}: ${c}`));
      });
      expect(wide, 'pages that scroll sideways as a whole').toEqual([]);
      expect(cut, 'controls cut by the edge of their panel').toEqual([]);
    });
  }
}
