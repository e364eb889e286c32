/**
 * The History tab offers no Restore on creation entries (a sale as it was added, a client as
 * it was created): there is nothing earlier to go back to. A later edit keeps its Restore.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as
    { ok: true; data: T } | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`no Restore on creation entries in History (${lang})`, async ({ page, shell, card }) => {
    await call(shell, 'settings.set', { language: lang });
    const client = await call<{ id: string }>(shell, 'clients.create', {
      name: 'Иванова Мария',
      email: 'maria@example.ru',
    });
    const sale = await call<{ id: string }>(shell, 'sales.add', {
      clientId: client.id,
      date: '2026-05-14',
      amount: 150_000,
    });
    await call(shell, 'sales.update', { id: sale.id, patch: { amount: 120_000 } });
    await page.goto(shell.url);
    await page.locator('.rail').waitFor();
    await page.goto(`${shell.origin}/#/clients/${client.id}`);
    await card.tab(t.cardx.tabs.history).click();
    const history = page.getByTestId('history');
    const restore = { name: t.cardx.feed.restore };

    const saleDate = history.locator('.history__change[data-entity="sale"][data-field="date"]');
    await expect(saleDate).toHaveCount(1);
    const saleGroup = history.locator('.history__group', {
      has: page.locator('[data-entity="sale"][data-field="date"]'),
    });
    await expect(saleGroup).toContainText(t.sales.addedInHistory);
    await expect(saleDate.getByRole('button', restore)).toHaveCount(0);
    const amounts = history.locator('.history__change[data-entity="sale"][data-field="amount"]');
    await expect(amounts).toHaveCount(2);
    // Newest first: the edit (restorable), then the amount as the sale was added (not).
    await expect(amounts.nth(0).getByRole('button', restore)).toHaveCount(1);
    await expect(amounts.nth(1).getByRole('button', restore)).toHaveCount(0);
    const created = history.locator('.history__change[data-entity="client"][data-field="name"]');
    await expect(created).toHaveCount(1);
    await expect(created.getByRole('button', restore)).toHaveCount(0);
    await page.screenshot({ path: `test-results/screens/history-creation-${lang}.png` });
  });
}
