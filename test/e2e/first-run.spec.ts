/**
 * The first run: an empty workbook's Today offers the first steps instead of six empty cards,
 * and the demo workbook fills every screen at once.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`an empty workbook's Today offers the first steps (${lang})`, async ({ page, shell }) => {
    await shell.call('settings.set', { language: lang });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(shell.url);
    const steps = page.getByTestId('first-steps');
    await expect(steps.getByRole('heading', { name: t.firstRun.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: t.today.sections.due })).toHaveCount(0);
    await expect(steps.getByRole('button', { name: t.firstRun.import.button })).toBeVisible();
    await expect(steps.getByRole('button', { name: t.firstRun.demo.button })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/first-run-${lang}.png` });
    // The first step by hand: the new-client dialog, open on the client list.
    await steps.getByRole('button', { name: t.firstRun.add.button }).click();
    await expect(page).toHaveURL(/#\/clients/);
    await expect(page.getByRole('dialog')).toBeVisible();
  });
}

test('a workbook with clients in the trash only is not new; one with live clients never asks for the trash', async ({
  page,
  shell,
}) => {
  await shell.call('settings.set', { language: 'ru' });
  const gone = (await shell.call('clients.create', { name: 'Удалённый Клиент' })) as { id: string };
  await shell.call('clients.delete', { id: gone.id });
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: ru.today.sections.due })).toBeVisible();
  await expect(page.getByTestId('first-steps')).toHaveCount(0);

  await shell.call('clients.create', { name: 'Петрова Анна' });
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/clients.list')) asked.push(request.postData() ?? '');
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: ru.today.sections.due })).toBeVisible();
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  expect(asked.filter((body) => body.includes('"trash":true'))).toEqual([]);
  await expect(page.getByTestId('first-steps')).toHaveCount(0);
});

test('the first step by hand opens the new-client dialog also when the list is already there', async ({
  page,
  clients,
}) => {
  // Today's button clicked as the list was coming to the screen: the list was already mounted
  // when its address with `?new=1` came, and the dialog never opened.
  await clients.open();
  await page.evaluate(() => {
    window.location.hash = '#/clients?new=1';
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('input[name="name"]')).toBeVisible();
  // Closed, it stays closed: the same visit does not open it again.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('clients-count').click();
  await expect(dialog).toHaveCount(0);
});

test('the demo workbook fills Today, the list and the dashboard', async ({ page, shell }) => {
  await shell.call('settings.set', { language: 'ru' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(shell.url);
  await page
    .getByTestId('first-steps')
    .getByRole('button', { name: ru.firstRun.demo.button })
    .click();
  // The program starts over on the demo: Today with its reminders, no first steps.
  await expect(page.getByRole('heading', { name: ru.today.sections.due })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('first-steps')).toHaveCount(0);
  await expect(page.locator('.rail')).toContainText('Демо');
  await page.screenshot({ path: 'test-results/screens/demo-today-ru.png' });
  const info = (await shell.call('workbook.info')) as { data: { path: string } };
  expect(info.data.path).toMatch(/Демо\.kartoteka$/);
  const list = ((await shell.call('clients.list', { limit: 1 })) as { data: { total: number } })
    .data;
  expect(list.total).toBeGreaterThan(380);

  await page.getByRole('link', { name: ru.nav.clients }).click();
  await expect(page.getByTestId('clients-count')).toContainText(String(list.total));
  await page.screenshot({ path: 'test-results/screens/demo-clients-ru.png' });
  await page.getByRole('link', { name: ru.nav.analytics }).click();
  await expect(page.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/demo-analytics-ru.png' });
});
