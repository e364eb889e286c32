/**
 * Walks every screen in Russian and English with realistic data and saves screenshots to
 * test-results/screens/ for a person to look at; asserts each screen speaks its language.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

const PEOPLE = [
  ['Иванова Мария', 'Салон «Лилия»', '+7 912 345-67-89', 'maria@liliya.ru', 'regular'],
  ['Петров Олег', 'ООО «Строймаркет»', '+7 900 111-22-33', 'oleg@stroy.ru', 'first_purchase'],
  ['Smith John', 'Smith & Sons', '+44 20 7946 0958', 'john@smith.co.uk', 'prospect'],
  ['Сидорова Анна', null, '8 (343) 222-33-44', null, 'lost'],
  ['Кузнецов Игорь', 'ИП Кузнецов', '+7 922 765-43-21', 'igor@mail.ru', 'advocate'],
] as const;

async function seed(shell: Shell): Promise<string> {
  let firstId = '';
  for (let i = 0; i < 40; i++) {
    const [name, company, phone, email, stage] = PEOPLE[i % PEOPLE.length]!;
    const created = (await shell.call('clients.create', {
      name: i < PEOPLE.length ? name : `${name} ${i}`,
      company,
      phone,
      email,
      stage,
      ...(stage === 'lost' ? { lostReason: 'Цена' } : {}),
      birthday: '1985-03-14',
    })) as { data: { id: string } };
    if (i === 0) firstId = created.data.id;
  }
  await shell.call('clients.update', {
    id: firstId,
    patch: { phone: '+7 912 000-00-00', note: 'Любит звонки после 18:00' },
  });
  await shell.call('clients.update', { id: firstId, patch: { stage: 'advocate' } });
  return firstId;
}

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`screens in ${lang}`, async ({ page, shell, clients }) => {
    await shell.call('settings.set', {
      language: lang,
      userName: lang === 'ru' ? 'Петров' : 'Peters',
    });
    await clients.open();
    await expect(page.getByRole('heading', { name: t.clients.emptyTitle })).toBeVisible();
    // The first screen offers both first steps: a client by hand, or a file.
    await expect(page.getByRole('button', { name: t.clients.importFirst })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/clients-empty-${lang}.png` });

    const id = await seed(shell);
    await page.reload();
    await expect(page.getByTestId('clients-count')).toContainText('40');
    await expect(page.getByTestId('actor')).toHaveText(lang === 'ru' ? 'Петров' : 'Peters');
    await page.screenshot({ path: `test-results/screens/clients-${lang}.png` });

    await clients.search().fill('нет такого');
    await expect(page.getByText(t.clients.clearSearch)).toBeVisible();
    await clients.search().fill('');
    // The empty trash: nothing was searched, so nothing to reset.
    await page.getByRole('button', { name: t.list.trash }).click();
    await expect(page.getByText(t.list.trashEmpty)).toBeVisible();
    await expect(page.getByText(t.clients.clearSearch)).toHaveCount(0);
    await page.screenshot({ path: `test-results/screens/trash-empty-${lang}.png` });
    await page.getByRole('button', { name: t.list.backToClients }).click();

    await page.getByRole('button', { name: t.clients.new }).click();
    await page.getByRole('dialog').locator('input[name="name"]').fill('Тест');
    await page.getByRole('dialog').locator('input[name="email"]').fill('not-an-email');
    await page.getByRole('dialog').getByRole('button', { name: t.newClient.save }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/new-client-error-${lang}.png` });
    await page.getByRole('dialog').getByRole('button', { name: t.newClient.cancel }).click();

    await page.goto(`${shell.origin}/#/clients/${id}`);
    await expect(page.getByRole('tab', { name: t.cardx.tabs.history })).toBeVisible();
    await expect(page.locator('.field[data-field="stage"]')).toContainText(t.stages.advocate);
    await page.screenshot({ path: `test-results/screens/card-${lang}.png` });

    await page.getByRole('link', { name: t.nav.settings }).click();
    await expect(page.getByRole('heading', { name: t.settings.title })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/settings-${lang}.png` });
  });
}

test('the dark theme follows the OS', async ({ page, shell, clients }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const id = await seed(shell);
  await clients.open();
  await page.screenshot({ path: 'test-results/screens/clients-dark-ru.png' });
  await page.goto(`${shell.origin}/#/clients/${id}`);
  await expect(page.getByRole('tab', { name: ru.cardx.tabs.history })).toBeVisible();
  const background = await page
    .locator('.card__portrait')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(27, 31, 39)');
  await page.screenshot({ path: 'test-results/screens/card-dark-ru.png' });
});
