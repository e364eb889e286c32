/** Money in the workbook's currency: chosen in Settings, shown on the card and the dashboard. */
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';

test('a workbook kept in euros shows euros on the card', async ({ page, shell }) => {
  await shell.call('settings.set', { language: 'ru' });
  const created = (await shell.call('clients.create', { name: 'Иванова Мария' })) as {
    data: { id: string };
  };
  await shell.call('sales.add', { clientId: created.data.id, date: '2026-11-02', amount: 150050 });
  await page.goto(shell.url);
  await page.getByRole('link', { name: ru.nav.settings }).click();
  const currency = page.locator('select[name="currency"]');
  await expect(currency).toHaveValue('RUB');
  await currency.selectOption({ label: ru.settings.currencies.EUR });
  await expect(currency).toHaveValue('EUR');
  await page.screenshot({ path: 'test-results/screens/settings-currency-ru.png' });
  const stored = (await shell.call('settings.get')) as { data: { currency: string } };
  expect(stored.data.currency).toBe('EUR');

  await page.goto(new URL(`/?visit#/clients/${created.data.id}`, page.url()).toString());
  await page.getByRole('tab', { name: ru.sales.tabs.sales }).click();
  await expect(page.getByTestId('sales-total')).toHaveText(/^1\s500,50\s€$/);
});
