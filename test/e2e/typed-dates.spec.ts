/**
 * Dates and times are typed and shown in the UI's language, not the browser's: a Russian UI in
 * an American browser writes «05.12.2026» and «14:30», its calendar is Russian; an English UI
 * in a Russian browser writes «12/05/2026» and «2:30 PM».
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

interface Stored {
  dueDate: string;
  dueTime: string | null;
  title: string;
}

async function clientWithCard(shell: Shell, language: 'ru' | 'en'): Promise<string> {
  await shell.call('settings.set', { language });
  const created = (await shell.call('clients.create', { name: 'Иванова Мария' })) as {
    data: { id: string };
  };
  return created.data.id;
}

for (const [lang, t, browserLocale, typedDay, typedTime, shownTime, month] of [
  ['ru', ru, 'en-US', '05.12.2026', '14:30', '14:30', 'декабрь 2026'],
  ['en', en, 'ru-RU', '12/05/2026', '2:30 pm', '2:30 PM', 'December 2026'],
] as const) {
  test(`a reminder's day and time in the ${lang} UI of a ${browserLocale} browser`, async ({
    browser,
    shell,
  }) => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const id = await clientWithCard(shell, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${shell.url}`);
    await page.goto(new URL(`/?visit#/clients/${id}`, page.url()).toString());
    await page.getByRole('button', { name: `+ ${t.rem.add}` }).click();
    const form = page.getByRole('form', { name: t.rem.form.newTitle });
    await form.locator('[name="title"]').fill('Позвонить');
    const dueDate = form.locator('[name="dueDate"]');
    // Today's date stands there already, written the UI's way.
    await expect(dueDate).toHaveValue(
      lang === 'ru' ? /^\d{2}\.\d{2}\.\d{4}$/ : /^\d{2}\/\d{2}\/\d{4}$/,
    );
    await expect(dueDate).toHaveAttribute(
      'placeholder',
      lang === 'ru' ? 'ДД.ММ.ГГГГ' : 'MM/DD/YYYY',
    );
    await dueDate.fill(typedDay);
    const dueTime = form.locator('[name="dueTime"]');
    await dueTime.fill(typedTime);
    await dueTime.blur();
    await expect(dueTime).toHaveValue(shownTime);
    // The calendar speaks the UI's language and shows the typed month.
    await form.getByRole('button', { name: t.dates.pick }).click();
    const calendar = form.getByRole('dialog', { name: t.dates.calendar });
    await expect(calendar).toContainText(month);
    await page.screenshot({ path: `test-results/screens/date-picker-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(calendar).toHaveCount(0);
    await form.getByRole('button', { name: t.rem.form.add }).click();
    await expect(form).toHaveCount(0);
    const stored = (await shell.call('reminders.list', { clientId: id })) as { data: Stored[] };
    expect(stored.data.map((r) => [r.title, r.dueDate, r.dueTime])).toEqual([
      ['Позвонить', '2026-12-05', '14:30'],
    ]);
    await context.close();
  });
}

test('a day picked in the calendar fills the box the Russian way', async ({ page, shell }) => {
  const id = await clientWithCard(shell, 'ru');
  await page.goto(shell.url);
  await page.goto(new URL(`/?visit#/clients/${id}`, page.url()).toString());
  await page.getByRole('button', { name: `+ ${ru.rem.add}` }).click();
  const form = page.getByRole('form', { name: ru.rem.form.newTitle });
  const dueDate = form.locator('[name="dueDate"]');
  await dueDate.fill('01.12.2026');
  await form.getByRole('button', { name: ru.dates.pick }).click();
  await form.getByRole('dialog').getByRole('button', { name: /15/ }).first().click();
  await expect(dueDate).toHaveValue('15.12.2026');
  await expect(dueDate).toBeFocused();
  // Text that is no date is explained, nothing is saved.
  await dueDate.fill('31.02.2026');
  await form.locator('[name="title"]').fill('Позвонить');
  await form.getByRole('button', { name: ru.rem.form.add }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  const stored = (await shell.call('reminders.list', { clientId: id })) as { data: Stored[] };
  expect(stored.data).toEqual([]);
});
