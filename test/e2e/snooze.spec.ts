/**
 * One set of snooze rules: "next week" from the Today screen and from the client card moves a
 * reminder to the same due (the coming Monday, at the reminder's own time).
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test as base, type Shell } from './fixtures';
import { TodayPage } from './pages/today-page';

const test = base.extend<{ today: TodayPage }>({
  today: async ({ page }, use) => {
    await use(new TodayPage(page));
  },
});

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function plusDays(base: Date, days: number): Date {
  const d = new Date(base);
  d.setDate(d.getDate() + days);
  return d;
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function snoozedUntil(shell: Shell, clientId: string): Promise<string | null> {
  const list = await call<{ snoozedUntil: string | null }[]>(shell, 'reminders.list', {
    clientId,
  });
  return list[0]?.snoozedUntil ?? null;
}

test('"next week" snoozes to the same due on Today and on the card', async ({
  page,
  shell,
  today,
  clients,
  card,
}) => {
  const now = new Date();
  const yesterday = ymd(plusDays(now, -1));
  const ids: string[] = [];
  for (const name of ['Иванова Мария', 'Петров Олег']) {
    const { id } = await call<{ id: string }>(shell, 'clients.create', { name });
    await call(shell, 'reminders.add', {
      clientId: id,
      title: 'Перезвонить',
      due: `${yesterday}T09:30`,
    });
    ids.push(id);
  }
  const [maria, oleg] = ids as [string, string];
  // The coming Monday (a week on from a Monday), at the reminder's own 09:30.
  const monday = ymd(plusDays(now, 8 - (now.getDay() || 7)));

  await page.goto(shell.url);
  const row = today.row('due', 'Иванова Мария');
  await row.getByRole('button', { name: ru.today.actions.snooze }).click();
  await expect(row.getByRole('group')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/today-snooze-ru.png' });
  await row.getByRole('group').getByRole('button', { name: ru.today.snooze.nextWeek }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(() => snoozedUntil(shell, maria)).toBe(`${monday}T09:30`);

  await clients.open();
  await clients.row('Петров Олег').getByRole('link').click();
  const reminder = card.reminder('Перезвонить');
  await reminder.getByRole('button', { name: ru.rem.actions.snooze }).click();
  await reminder.getByRole('button', { name: ru.rem.snooze.nextWeek }).click();
  await expect.poll(() => snoozedUntil(shell, oleg)).toBe(`${monday}T09:30`);
});

test('the snooze menu on Today in English', async ({ page, shell, today }) => {
  await shell.call('settings.set', { language: 'en' });
  const { id } = await call<{ id: string }>(shell, 'clients.create', { name: 'Mary Ivanova' });
  await call(shell, 'reminders.add', { clientId: id, title: 'Call back', due: ymd(new Date()) });
  await page.goto(shell.url);
  const row = today.row('due', 'Mary Ivanova');
  await row.getByRole('button', { name: en.today.actions.snooze }).click();
  await expect(
    row.getByRole('group').getByRole('button', { name: en.today.snooze.nextWeek }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/today-snooze-en.png' });
});
