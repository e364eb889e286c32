/**
 * A sales import reads on the card's History tab as one line per client, «Импорт «sales.csv»:
 * добавлено 3 продажи», not a line per sale, and offers no Restore on it (undo the import).
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

/** Hands the file to the shell as the browser does when the user picks it. */
async function upload(shell: Shell, name: string, text: string): Promise<string> {
  const response = await fetch(`${shell.origin}/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shell.token}` },
    body: text,
  });
  const body = (await response.json()) as { ok: boolean; data: { path: string } };
  if (!body.ok) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.data.path;
}

// The browser shell stores an upload under a unique prefix; the batch is labelled with that name.
const lines = {
  ru: /^Импорт «\w+-sales\.csv»: добавлено 3 продажи$/,
  en: /^Import “\w+-sales\.csv”: 3 sales added$/,
};

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`a sales import is one line on the card's History (${lang})`, async ({
    page,
    shell,
    card,
  }) => {
    await call(shell, 'settings.set', { language: lang });
    const client = await call<{ id: string }>(shell, 'clients.create', {
      name: 'Иванова Мария',
      externalId: 'C-1',
    });
    const file = await upload(
      shell,
      'sales.csv',
      'Код;Дата;Сумма\nC-1;01.02.2026;100\nC-1;02.02.2026;200\nC-1;03.02.2026;300\n',
    );
    await call(shell, 'import.run', {
      path: file,
      target: 'sales',
      mapping: { Код: 'externalId', Дата: 'date', Сумма: 'amount' },
      onDuplicate: 'skip',
      onInvalid: 'skip',
    });
    await page.goto(shell.url);
    await page.locator('.rail').waitFor();
    await page.goto(`${shell.origin}/#/clients/${client.id}`);
    await card.tab(t.cardx.tabs.history).click();
    const history = page.getByTestId('history');
    const imported = history.locator('.history__change[data-entity="sales"]');
    await expect(imported).toHaveCount(1);
    await expect(imported).toHaveText(lines[lang]);
    await expect(imported.getByRole('button', { name: t.cardx.feed.restore })).toHaveCount(0);
    const group = history.locator('.history__group', {
      has: page.locator('[data-entity="sales"]'),
    });
    await expect(group).toContainText(t.sales.importedInHistory);
    await page.screenshot({ path: `test-results/screens/import-sales-history-${lang}.png` });
  });
}
