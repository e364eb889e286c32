/**
 * The reminders issue end to end: add a repeating reminder on a card, find it on Today,
 * complete it there and see the next occurrence in the coming days and on the card.
 */
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test } from './fixtures';
import { TodayPage } from './pages/today-page';

function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('a weekly reminder added on the card shows on Today, and Done brings the next one', async ({
  page,
  shell,
  card,
}) => {
  const created = (await shell.call('clients.create', {
    name: 'Орлова Светлана',
    phone: '+7 903 555-12-12',
  })) as {
    data: { id: string };
  };
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await page.goto(`${shell.origin}/#/clients/${created.data.id}`);

  await card
    .reminders()
    .getByRole('button', { name: `+ ${ru.rem.add}` })
    .click();
  const form = card.reminderForm(ru.rem.form.newTitle);
  await card.reminderInput(form, 'title').fill('Позвонить про новую коллекцию');
  await card.reminderInput(form, 'repeatUnit').selectOption({ label: ru.rem.repeat.week });
  await form.getByRole('button', { name: ru.rem.form.add }).click();
  await expect(card.reminder('Позвонить про новую коллекцию')).toBeVisible();

  await page.getByRole('link', { name: ru.nav.today, exact: true }).click();
  const today = new TodayPage(page);
  const row = today.row('due', 'Орлова Светлана');
  await expect(row).toContainText('Позвонить про новую коллекцию');
  await expect(row).toContainText('+7 903 555-12-12');
  await today.press(row, ru.today.actions.done);
  await expect(today.status()).toContainText('Следующее');
  await expect(today.row('due', 'Орлова Светлана')).toHaveCount(0);
  await expect(today.upcomingDay(day(7))).toContainText('Позвонить про новую коллекцию');

  await page.getByRole('link', { name: 'Орлова Светлана' }).first().click();
  await expect(
    card.reminder('Позвонить про новую коллекцию').getByTestId('reminder-rule'),
  ).toBeVisible();
  const stored = (await shell.call('reminders.list', { clientId: created.data.id })) as {
    data: { dueDate: string; occurrence: number }[];
  };
  expect(stored.data).toEqual([expect.objectContaining({ dueDate: day(7), occurrence: 2 })]);
});
