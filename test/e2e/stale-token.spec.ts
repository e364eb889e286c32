/**
 * A tab left open from an earlier start: the shell listens on the same address every time but
 * makes a new key, so the old page's calls are refused (401). The page says which link to open,
 * in the browser's language (the workbook's cannot be read), instead of an "unexpected error".
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';

for (const [lang, t, locale] of [
  ['ru', ru, 'ru-RU'],
  ['en', en, 'en-US'],
] as const) {
  test.describe(lang, () => {
    test.use({ locale });
    test(`a page holding the key of an earlier start says to open this start's link (${lang})`, async ({
      page,
      shell,
    }) => {
      const before = (await shell.call('clients.list', {})) as { data: { total: number } };
      await page.addInitScript(() =>
        sessionStorage.setItem('kartoteka.token', 'the-key-of-an-earlier-start'),
      );
      await page.goto(`${shell.origin}/#/clients`);
      const screen = page.getByRole('alert');
      await expect(screen.getByText(t.errors.staleToken)).toBeVisible();
      await expect(screen.getByRole('button', { name: t.errors.reload })).toHaveCount(0);
      await expect(page.getByText(t.errors.fatalTitle)).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/stale-token-${lang}.png` });
      // The link of this start, pasted into the same tab (only the part after `#` changes),
      // opens the workbook there. The init script puts the old key back at that load, as the
      // tab had it; the link's key wins.
      await page.goto(shell.url);
      await expect(page.locator('.rail')).toBeVisible();
      expect(
        ((await shell.call('clients.list', {})) as { data: { total: number } }).data.total,
      ).toBe(before.data.total);
    });
  });
}
