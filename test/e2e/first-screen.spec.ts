/**
 * The start as a user sees it. The first screen comes in one piece: the rail never shows beside
 * an empty screen (an empty frame first held the list back by up to 300 ms after its answers).
 * The list's search answers the first letter typed after a pause at once, and waits for the
 * typing to settle after that.
 */
import type { Page } from '@playwright/test';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, visit } from './fixtures';

/**
 * Watches each page load: whether the screen's heading was there when the rail first was
 * (`window.__firstScreen`: 'whole', or 'rail alone').
 */
async function watchFirstScreen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = window as unknown as { __firstScreen?: string };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.rail')) return;
      seen.__firstScreen = document.querySelector('#main h1') ? 'whole' : 'rail alone';
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const firstScreen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __firstScreen?: string }).__firstScreen);

test('the first screen shows with the rail, on Today and on the list', async ({ page, shell }) => {
  await shell.call('clients.create', { name: 'Петрова Анна' });
  await watchFirstScreen(page);
  await page.goto(shell.url);
  await expect(page.locator('#main h1')).toHaveText(ru.nav.today);
  expect(await firstScreen(page)).toBe('whole');

  await visit(page, '/clients');
  await expect(page.locator('#main h1')).toHaveText(ru.clients.title);
  await expect(page.getByRole('row').filter({ hasText: 'Петрова Анна' })).toBeVisible();
  expect(await firstScreen(page)).toBe('whole');
});

test('the first letter typed is searched at once, the rest when typing settles', async ({
  page,
  shell,
  clients,
}) => {
  for (const name of ['Петрова Анна', 'Павлов Олег', 'Иванов Пётр']) {
    await shell.call('clients.create', { name });
  }
  await clients.open();
  await expect(page.getByTestId('clients-count')).toHaveText('3 клиента');
  const searched: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/clients.list')) return;
    const input = JSON.parse(request.postData() ?? '{}') as { query?: string };
    if (input.query) searched.push(input.query);
  });

  await clients.search().pressSequentially('Петрова');
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await expect(page.getByRole('row').filter({ hasText: 'Петрова Анна' })).toBeVisible();
  // «П» on its own, at once; then, however the keystrokes came, the whole surname last.
  expect(searched[0]).toBe('П');
  expect(searched.at(-1)).toBe('Петрова');
});

test('a long list reads its first page only, and the others as it scrolls, to the last client', async ({
  page,
  shell,
  clients,
}) => {
  const names = Array.from({ length: 130 }, (_, i) => `Клиент ${String(i + 1).padStart(3, '0')}`);
  for (const name of names) await shell.call('clients.create', { name });
  const offsets: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/clients.list')) return;
    const input = JSON.parse(request.postData() ?? '{}') as { limit?: number; offset?: number };
    // Pages of rows (the screens also ask whether there is any client at all, with a limit of 1).
    if ((input.limit ?? 0) > 1) offsets.push(input.offset ?? 0);
  });
  await clients.open();
  await expect(page.getByTestId('clients-count')).toHaveText('130 клиентов');
  await expect(clients.row('Клиент 001')).toBeVisible();
  // A screenful of rows is one page: nothing below it is read before the user scrolls.
  expect(offsets).toEqual([0]);
  const body = page.locator('.table__body');
  // The middle of the second page, then the end of the third.
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight * (75 / 130) }));
  await expect(clients.row('Клиент 076')).toBeVisible();
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(clients.row('Клиент 130')).toBeVisible();
  await expect(clients.row('Клиент 001')).toHaveCount(0);
});

test('the start asks for the first screen’s answers while the page is still being read, each once', async ({
  page,
  shell,
}) => {
  await shell.call('clients.create', { name: 'Петрова Анна' });
  // Every call the page makes, with how far the page had been read when it was made.
  await page.addInitScript(() => {
    const calls: [string, string][] = [];
    (window as unknown as { __calls: typeof calls }).__calls = calls;
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      // The calls' bodies are JSON text.
      const body = typeof init?.body === 'string' ? init.body : '';
      if (url.includes('/api/'))
        calls.push([`${url.split('/api/')[1]} ${body}`, document.readyState]);
      return fetch(input, init);
    };
  });
  await page.goto(shell.url);
  await expect(page.locator('#main h1')).toHaveText(ru.nav.today);
  // A start on the list (the page loaded again, its key kept).
  await visit(page, '/clients');
  await expect(page.getByRole('row').filter({ hasText: 'Петрова Анна' })).toBeVisible();
  const calls = await page.evaluate(
    () => (window as unknown as { __calls: [string, string][] }).__calls,
  );
  const first = [
    'settings.get {}',
    'clients.list {"limit":50,"offset":0}',
    'fields.list {"includeRetired":false}',
    'views.list {}',
    'managers.names {}',
    'app.info {}',
    'workbook.info {}',
    'sync.status {}',
  ];
  // Sent before the parser had reached the page's modules: React had not even been read.
  expect(calls.slice(0, first.length)).toEqual(first.map((call) => [call, 'loading']));
  // The screens took those answers: none of them was asked for again.
  for (const call of first) expect(calls.filter(([c]) => c === call)).toHaveLength(1);
  // The list's styles, read early, apply after the main bundle's, as the cascade was written for.
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
  );
  const main = sheets.findIndex((href) => /\/index-[\w-]+\.css$/.test(href ?? ''));
  const list = sheets.findIndex((href) => /\/list-[\w-]+\.css$/.test(href ?? ''));
  expect(main).toBeGreaterThanOrEqual(0);
  expect(list).toBeGreaterThan(main);
});
