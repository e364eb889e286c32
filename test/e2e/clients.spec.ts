import { ru } from '../../renderer/src/i18n/ru';
import { en } from '../../renderer/src/i18n/en';
import { expect, test } from './fixtures';

test('create a client, reload, find it, edit its phone and see old and new phone in history', async ({
  page,
  clients,
  card,
  shell,
}) => {
  await clients.open();
  await expect(page.getByRole('heading', { name: ru.clients.emptyTitle })).toBeVisible();

  await clients.createClient(
    { name: 'Иванова Мария', phone: '+7 912 345-67-89', company: 'Салон «Лилия»' },
    ru.clients.new,
    ru.newClient.save,
  );
  await expect(card.field('name')).toContainText('Иванова Мария');

  await page.reload();
  await page.goto(shell.origin + '/');
  await expect(page.getByRole('link', { name: ru.nav.clients })).toBeVisible();
  await page.getByRole('link', { name: ru.nav.clients }).click();
  await clients.search().fill('иванова');
  await expect(clients.row('Иванова Мария')).toBeVisible();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await clients.row('Иванова Мария').getByRole('link').click();

  await card.edit('phone', '+7 912 000-00-00');
  await expect(card.field('phone')).toContainText('+7 912 000-00-00');
  const change = card.change('phone').filter({ hasText: '→' });
  await expect(change).toContainText('+7 912 345-67-89');
  await expect(change).toContainText('+7 912 000-00-00');
  await expect(change.locator('.history__old')).toHaveText('+7 912 345-67-89');
  await expect(change.locator('.history__new')).toHaveText('+7 912 000-00-00');

  await page.screenshot({ path: 'test-results/screens/card-ru.png', fullPage: true });

  // The change is in the workbook, not only on screen.
  const list = (await shell.call('clients.list', { query: '9120000000' })) as {
    data: { total: number };
  };
  expect(list.data.total).toBe(1);
});

test('a phone with letters is explained under the field and nothing changes', async ({
  page,
  clients,
  card,
  shell,
}) => {
  const created = (await shell.call('clients.create', {
    name: 'Петров Олег',
    phone: '+7 900 111-22-33',
  })) as { data: { id: string } };
  await clients.open();
  await clients.row('Петров Олег').getByRole('link').click();
  await card.edit('phone', 'позвонить вечером');
  await expect(card.field('phone').getByRole('alert')).toHaveText(
    'В телефоне допустимы только цифры, пробелы, +, -, ( и ).',
  );
  await card.field('phone').locator('input').press('Escape');
  await expect(card.field('phone')).toContainText('+7 900 111-22-33');
  const stored = (await shell.call('clients.get', { id: created.data.id })) as {
    data: { phone: string };
  };
  expect(stored.data.phone).toBe('+7 900 111-22-33');
  const history = (await shell.call('history.list', { clientId: created.data.id })) as {
    data: unknown[];
  };
  expect(
    history.data.filter((h) => (h as { batchKind: string }).batchKind === 'edit'),
  ).toHaveLength(0);
  await expect(page.getByText(ru.history.created)).toBeVisible();
});

test('switching the language to English changes the whole screen and is remembered', async ({
  page,
  clients,
}) => {
  await clients.open();
  await page.getByRole('link', { name: ru.nav.settings }).click();
  await page.locator('select[name="language"]').selectOption('en');
  await expect(page.getByRole('heading', { name: en.settings.title })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: en.nav.clients })).toBeVisible();
  await page.getByRole('link', { name: en.nav.clients }).click();
  await expect(page.getByRole('heading', { name: en.clients.emptyTitle })).toBeVisible();
});

test('internationalised e-mails and phones in any format: new client, card, filter, search', async ({
  page,
  clients,
  card,
  shell,
}) => {
  await clients.open();
  await clients.createClient(
    { name: 'Петрова Анна', phone: '8 (912) 345-67-89', email: 'имя@почта.рф' },
    ru.clients.new,
    ru.newClient.save,
  );
  // Saved and shown as typed: the Cyrillic domain is not turned into xn--….
  await expect(card.field('email')).toContainText('имя@почта.рф');
  await expect(card.field('phone')).toContainText('8 (912) 345-67-89');
  await card.edit('email', 'c1@пример.рф');
  await expect(card.field('email')).toContainText('c1@пример.рф');
  await expect(card.field('email').getByRole('alert')).toHaveCount(0);
  await shell.call('clients.create', { name: 'Борис', phone: '+7 900 111-22-33' });

  // The phone filter matches another spelling of the same number.
  await page.locator('.rail').getByRole('link', { name: ru.nav.clients }).click();
  await page.getByRole('button', { name: ru.list.addFilter }).click();
  await page.locator('select[name="filter-field"]').selectOption('phone');
  await page.locator('select[name="filter-op"]').selectOption('eq');
  await page.locator('input[name="filter-value"]').fill('+7 912 345 67 89');
  await page.getByRole('button', { name: ru.list.apply }).click();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await expect(clients.row('Петрова Анна')).toBeVisible();
  // So does search.
  await page.getByTestId('filter-chip').getByRole('button').click();
  await clients.search().fill('+7 912 345');
  await expect(clients.row('Петрова Анна')).toBeVisible();
  await expect(clients.row('Борис')).toHaveCount(0);
});
