/**
 * Kartoteka by keyboard alone: every step here is `page.keyboard`, never a click. The focus
 * stays where the user works (after Enter and Escape in a field, after a dialog or a form
 * closes), the Ctrl+K results are walked with arrows, the list is one tab stop behind a skip
 * link, and `?` and Ctrl+Shift+P open the shortcuts and the command palette in both languages.
 */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

/** The id of the focused element (`BODY` when the focus fell to the page). */
function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
}

async function start(page: Page, shell: Shell, route = '/today'): Promise<void> {
  await page.goto(`${shell.url}`);
  await page.locator('.rail').waitFor();
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${route}`);
}

async function makeClients(shell: Shell, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const created = (await shell.call('clients.create', { name, phone: '+7 900 111-22-33' })) as {
      data: { id: string };
    };
    ids.push(created.data.id);
  }
  return ids;
}

test('a client added, edited, commented, reminded and found again by keyboard only', async ({
  page,
  shell,
}) => {
  await start(page, shell);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // N: a new client, from anywhere.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: ru.newClient.title })).toBeVisible();
  await page.keyboard.type('Клавишина Вера');
  await page.keyboard.press('Enter');
  const name = page.locator('.field[data-field="name"]');
  await expect(name.locator('.field__value')).toHaveText('Клавишина Вера');
  // The focus went on to the new card's name: Enter edits it, Enter saves it.
  await expect.poll(() => focusedId(page)).toBe('field-name');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' Павловна');
  await page.keyboard.press('Enter');
  await expect(name.locator('.field__value')).toHaveText('Клавишина Вера Павловна');
  await expect.poll(() => focusedId(page)).toBe('field-name');

  // C: the comment box; Ctrl+Enter adds the comment.
  await page.keyboard.press('c');
  await expect(page.getByRole('textbox', { name: ru.cardx.composer.label })).toBeFocused();
  await page.keyboard.type('Просила перезвонить в пятницу');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.card__feed')).toContainText('Просила перезвонить в пятницу');

  // Out of the box (Shift+Tab), R: a new reminder, Enter adds it.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('r');
  const form = page.getByRole('form', { name: ru.rem.form.newTitle });
  await expect(form.getByRole('textbox', { name: ru.rem.form.title })).toBeFocused();
  await page.keyboard.type('Позвонить про заказ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reminders')).toContainText('Позвонить про заказ');
  await expect(page.getByRole('button', { name: `+ ${ru.rem.add}` })).toBeFocused();

  // Ctrl+K, type, ArrowDown to the result, Enter opens the card.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('Павловна');
  await expect(page.getByRole('row').filter({ hasText: 'Павловна' })).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(name.locator('.field__value')).toHaveText('Клавишина Вера Павловна');
  await expect(page.getByTestId('reminders')).toContainText('Позвонить про заказ');
  await expect(page.locator('.card__feed')).toContainText('Просила перезвонить в пятницу');
});

test('Enter and Escape in a field leave the focus on that field, also after a refused value', async ({
  page,
  shell,
}) => {
  const [id] = await makeClients(shell, ['Петров Олег']);
  await start(page, shell, `/clients/${id}`);
  const phone = page.locator('.field[data-field="phone"]');
  await expect(phone.locator('.field__value')).toHaveText('+7 900 111-22-33');
  await page.locator('#field-phone').focus();

  // Escape cancels and the focus stays on the phone.
  await page.keyboard.press('Enter');
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(phone.locator('.field__value')).toHaveText('+7 900 111-22-33');
  await expect.poll(() => focusedId(page)).toBe('field-phone');

  // A refused value: the message, the focus still in the input, and Escape cancels.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('позвонить вечером');
  await page.keyboard.press('Enter');
  await expect(phone.getByRole('alert')).toBeVisible();
  await expect(phone.locator('input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(phone.getByRole('alert')).toHaveCount(0);
  await expect(phone.locator('.field__value')).toHaveText('+7 900 111-22-33');
  await expect.poll(() => focusedId(page)).toBe('field-phone');

  // Enter saves and the focus stays on the phone.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('+7 900 222-33-44');
  await page.keyboard.press('Enter');
  await expect(phone.locator('.field__value')).toHaveText('+7 900 222-33-44');
  await expect.poll(() => focusedId(page)).toBe('field-phone');
});

test('dialogs and forms give the focus back to what opened them', async ({ page, shell }) => {
  const [id] = await makeClients(shell, ['Петров Олег']);
  await start(page, shell, `/clients/${id}`);
  const add = page.getByRole('button', { name: `+ ${ru.rem.add}` });
  const remove = page.locator('.card__delete');
  await expect(add).toBeVisible();

  // The reminder form: cancelled with Escape, then added with Enter.
  await add.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: ru.rem.form.newTitle })).toHaveCount(0);
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Отправить каталог');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reminders')).toContainText('Отправить каталог');
  await expect(add).toBeFocused();

  // The delete question, answered No with Escape.
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(remove).toBeFocused();

  // The new client dialog on the list, closed with Escape.
  await page.keyboard.press('Control+k');
  const newClient = page.getByRole('button', { name: ru.clients.new }).first();
  await newClient.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(newClient).toBeFocused();
});

test('the list is one tab stop behind a skip link; arrows walk the Ctrl+K results', async ({
  page,
  shell,
}) => {
  await makeClients(shell, ['Андреев Антон', 'Борисов Борис', 'Васильев Виктор']);
  await start(page, shell, '/clients');
  await expect(page.getByRole('row').filter({ hasText: 'Васильев' })).toBeVisible();
  const rows = page.locator('.table__body [role="row"]');
  const names = await rows.locator('.cell--name').allInnerTexts();
  expect(names).toHaveLength(3);

  // The first Tab of the page is the skip link; Enter lands on the first row.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: ru.keys.skipToList })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows.nth(0)).toBeFocused();
  // One tab stop for all rows: Tab leaves the list.
  await page.keyboard.press('Tab');
  await expect(rows.nth(1)).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('row');

  // Ctrl+K: ArrowDown into the results, down again, up to the search, down, Enter opens.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  const name = page.locator('.field[data-field="name"] .field__value');
  await expect(name).toHaveText(names[2]!);

  // K and J on the card: the previous and the next client of that list.
  await page.keyboard.press('k');
  await expect(name).toHaveText(names[1]!);
  await page.keyboard.press('k');
  await expect(name).toHaveText(names[0]!);
  await page.keyboard.press('j');
  await expect(name).toHaveText(names[1]!);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the shortcuts help and the command palette in ${lang}`, async ({ page, shell }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await shell.call('settings.set', { language: lang });
    await start(page, shell, '/today');
    await expect(page.getByRole('link', { name: t.nav.today })).toBeVisible();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: t.keys.help.title });
    await expect(help).toBeVisible();
    await expect(help).toContainText(t.keys.help.reminder);
    await page.screenshot({ path: `test-results/screens/keys-help-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);

    // Letters typed in a field are text, not shortcuts.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('?n');
    await expect(page.getByRole('searchbox')).toHaveValue('?n');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: t.keys.palette.title });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await expect(palette.getByRole('option')).toHaveCount(14);
    await page.screenshot({ path: `test-results/screens/keys-palette-${lang}.png` });
    await page.keyboard.type(t.nav.settings.slice(0, 5));
    await expect(palette.getByRole('option', { selected: true })).toHaveText(
      t.keys.palette.goSettings,
    );
    await page.keyboard.press('Enter');
    await expect(palette).toHaveCount(0);
    await expect(page).toHaveURL(/#\/settings$/);

    // The palette switches the language.
    const other = lang === 'ru' ? en : ru;
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type(t.keys.palette.language);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: other.nav.today })).toBeVisible();
  });
}
