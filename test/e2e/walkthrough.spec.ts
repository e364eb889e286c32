/**
 * The client-card issue end to end, as an owner would do it: define a custom field, fill it on
 * a card, search, filter on it, save the view, bulk-assign a manager and undo that.
 */
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { SettingsPage } from './pages/settings-page';

interface Envelope<T> {
  ok: boolean;
  data: T;
}

test('define a field, fill it, search, filter, save a view, bulk-assign a manager, undo', async ({
  page,
  shell,
  clients,
}) => {
  for (const name of ['Альфа Строй', 'Бета Декор', 'Гамма Плитка']) {
    await shell.call('clients.create', { name, stage: 'regular' });
  }
  const manager = (await shell.call('managers.add', { name: 'Петров Олег' })) as Envelope<{
    id: string;
  }>;

  // 1. Settings: a custom field for the shop area.
  const settings = new SettingsPage(page, shell, ru);
  await settings.open();
  const form = await settings.defineField({
    label: 'Площадь магазина, м²',
    type: ru.admin.types.number,
  });
  await form.getByRole('button', { name: ru.admin.fields.create }).click();
  await expect(settings.fieldRow('Площадь магазина, м²')).toBeVisible();

  // 2. Fill it on two cards.
  const card = new ClientCardPage(page);
  for (const [name, area] of [
    ['Альфа Строй', '250'],
    ['Гамма Плитка', '60'],
  ] as const) {
    await page.getByRole('link', { name: ru.nav.clients, exact: true }).click();
    await clients.search().fill(name.split(' ')[0]!);
    await clients.row(name).getByRole('link').click();
    await card.edit('custom.ploshchad_magazina_m2', area);
    await expect(card.custom('ploshchad_magazina_m2')).toContainText(area);
  }

  // 3. Search and filter on the new field.
  await page.getByRole('link', { name: ru.nav.clients, exact: true }).click();
  await clients.search().fill('');
  await expect(page.getByTestId('clients-count')).toHaveText('3 клиента');
  await page.getByRole('button', { name: ru.list.addFilter }).click();
  await page.locator('select[name="filter-field"]').selectOption({ label: 'Площадь магазина, м²' });
  await page.locator('select[name="filter-op"]').selectOption('gte');
  await page.locator('input[name="filter-value"]').fill('100');
  await page.getByRole('button', { name: ru.list.apply }).click();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await expect(clients.row('Альфа Строй')).toBeVisible();

  // 4. Save the view; it comes back after switching away.
  await page.getByRole('button', { name: ru.list.saveView }).click();
  await page.locator('input[name="view-name"]').fill('Большие магазины');
  await page.getByRole('button', { name: ru.list.save, exact: true }).click();
  // The saved view becomes the open one once it is stored.
  await expect(page.locator('select[name="view"] option:checked')).toHaveText('Большие магазины');
  await page.locator('select[name="view"]').selectOption({ label: ru.list.allClients });
  await expect(page.getByTestId('clients-count')).toHaveText('3 клиента');
  await page.locator('select[name="view"]').selectOption({ label: 'Большие магазины' });
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');

  // 5. Bulk-assign the manager to the whole filter result, then undo it.
  await clients.row('Альфа Строй').getByRole('checkbox').check();
  await page.locator('select[name="bulk-manager"]').selectOption(manager.data.id);
  await page.getByRole('button', { name: 'Применить к 1' }).click();
  await expect(clients.row('Альфа Строй')).toContainText('Петров Олег');
  await page.getByRole('status').getByRole('button', { name: ru.list.bulk.undo }).click();
  await expect(page.getByRole('status')).toContainText('Отменено');
  await expect(clients.row('Альфа Строй')).not.toContainText('Петров Олег');

  const stored = (await shell.call('clients.list', { query: 'альфа' })) as Envelope<{
    rows: { managerId: string | null; custom: Record<string, unknown> }[];
  }>;
  expect(stored.data.rows[0]).toMatchObject({
    managerId: null,
    custom: { ploshchad_magazina_m2: 250 },
  });
});
