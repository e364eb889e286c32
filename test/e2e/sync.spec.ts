/**
 * Settings → Sync through the real UI: the connection form, and (against a throwaway
 * PostgreSQL) two browser shells on two workbooks that meet through one hub.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';
import { SyncPage } from './pages/sync-page';

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the connection form says what is missing before anything is sent (${lang})`, async ({
    page,
    shell,
  }) => {
    await shell.call('settings.set', { language: lang });
    const sync = new SyncPage(page, shell);
    await sync.open();
    await expect(page.getByRole('heading', { name: t.sync.connect.title })).toBeVisible();
    await expect(sync.field('port')).toHaveValue('5432');

    await sync.button(t.sync.connect.connect).click();
    for (const name of ['host', 'database', 'user', 'deviceName']) {
      await expect(sync.errorOf(name)).toHaveText(t.sync.connect.required);
      await expect(sync.field(name)).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(sync.errorOf('port')).toHaveCount(0);
    await expect(sync.errorOf('password')).toHaveCount(0);

    await sync.field('port').fill('99999');
    await sync.field('host').fill('shop-pc');
    await expect(sync.errorOf('port')).toHaveText(t.sync.connect.badPort);
    await expect(sync.errorOf('host')).toHaveCount(0);

    // "Verify" asks for the CA file, and an empty one is said like any other.
    await expect(sync.field('caFile')).toHaveCount(0);
    await sync.field('tls').selectOption('verify');
    await expect(sync.errorOf('caFile')).toHaveText(t.sync.connect.required);
    await sync.field('caFile').fill('/etc/kartoteka/hub-ca.pem');
    await expect(sync.errorOf('caFile')).toHaveCount(0);
    await page.screenshot({ path: `test-results/screens/sync-form-${lang}.png`, fullPage: true });
  });
}
