/**
 * Every modal is a native `<dialog>` opened as a modal: the focus goes into it, Tab cannot reach
 * the page behind it, Escape closes it, and the focus comes back to the button that opened it.
 * Screenshots of each, in Russian and English, go to test-results/screens/.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';

/** Whether the focused element is inside the open modal dialog. */
function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    return dialog !== null && dialog.contains(document.activeElement);
  });
}

/** The focus is in the dialog, stays there through Tab and Shift+Tab, and leaves with Escape. */
async function checkFocus(page: Page, opener: Locator, dialog: Locator, shot: string) {
  await opener.click();
  await expect(dialog).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('dialog[open]')?.matches(':modal'))).toBe(
    true,
  );
  expect(await focusInDialog(page)).toBe(true);
  await page.screenshot({ path: `test-results/screens/${shot}.png` });
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    // Never on the page behind: in the dialog (or, past its end, in the browser's own frame).
    const outside = await page.evaluate(() => {
      const active = document.activeElement;
      const dialog = document.querySelector('dialog[open]');
      return active !== null && active !== document.body && !dialog?.contains(active);
    });
    expect(outside).toBe(false);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`dialogs take the focus, keep it and give it back (${lang})`, async ({
    page,
    shell,
    clients,
  }) => {
    await shell.call('settings.set', { language: lang });
    const [from, to] =
      lang === 'ru' ? ['Петров Олег', 'Сидорова Анна'] : ['Oliver Peters', 'Anna Sidney'];
    const manager = (await shell.call('managers.add', { name: from })) as { data: { id: string } };
    await shell.call('managers.add', { name: to });
    const created = (await shell.call('clients.create', {
      name: lang === 'ru' ? 'Иванова Мария' : 'Mary Johnson',
      phone: '+7 912 345-67-89',
      managerId: manager.data.id,
    })) as { data: { id: string } };

    await clients.open();
    const newClient = page.getByRole('button', { name: t.clients.new }).first();
    await checkFocus(page, newClient, page.getByRole('dialog'), `dialog-new-client-${lang}`);
    await newClient.click();
    await expect(page.getByRole('dialog').locator('input[name="name"]')).toBeFocused();
    await page.keyboard.press('Escape');

    const columns = page.getByRole('button', { name: t.list.columns });
    const picker = page.getByRole('dialog', { name: t.list.columns });
    await checkFocus(page, columns, picker, `dialog-columns-${lang}`);
    // A click beside the picker closes it too, and the focus is back on its button.
    await columns.click();
    await expect(picker).toBeVisible();
    await page.mouse.click(40, 700);
    await expect(picker).toBeHidden();
    await expect(columns).toBeFocused();

    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}`;
    }, created.data.id);
    const trash = page.getByRole('button', { name: t.cardx.trash.delete });
    const confirm = page.getByRole('alertdialog');
    await checkFocus(page, trash, confirm, `dialog-confirm-${lang}`);
    // Enter answers the question the dialog asks: its focused button is the one that deletes.
    await trash.click();
    await expect(confirm.getByRole('button', { name: t.cardx.confirm.yes })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();

    const settings = new SettingsPage(page, shell, t);
    await settings.open();
    const reassign = settings
      .managerRow(from)
      .getByRole('button', { name: t.admin.managers.reassign });
    await checkFocus(page, reassign, page.getByRole('dialog'), `dialog-reassign-${lang}`);
  });
}
