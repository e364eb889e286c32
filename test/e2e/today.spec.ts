/**
 * The Today screen, as the owner uses it in the morning: reminders due and overdue, a
 * birthday, clients past their contact cadence, and clearing them without opening cards.
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

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` in the machine's time zone, like the page computes it. */
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function plusDays(base: Date, days: number): Date {
  const d = new Date(base);
  d.setDate(d.getDate() + days);
  return d;
}
/** "30 ноя" / "Nov 30", as the page writes short dates. */
function shortDate(date: Date, t: typeof ru): string {
  const month = t.months[date.getMonth()] ?? '';
  return t === en ? `${month} ${date.getDate()}` : `${date.getDate()} ${month}`;
}
/** A birthday `days` ahead of `from`, `age` years ago (28 for a 29 February, which 30 years ago lacks). */
function birthdayIn(from: Date, days: number): { birthday: string; age: number } {
  const day = plusDays(from, days);
  const md = ymd(day).slice(5);
  const age = md === '02-29' ? 28 : 30;
  return { birthday: `${day.getFullYear() - age}-${md}`, age };
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}
const client = (shell: Shell, input: Record<string, unknown>) =>
  call<{ id: string }>(shell, 'clients.create', input);

test('clears the day: done, snooze, log a call, birthdays', async ({ page, shell, today }) => {
  const t = ru;
  const now = new Date();
  const maria = await client(shell, { name: 'Иванова Мария', phone: '+7 912 345-67-89' });
  const oleg = await client(shell, { name: 'Петров Олег', phone: '+7 900 111-22-33' });
  const bday = birthdayIn(now, 3);
  await client(shell, { name: 'Смирнова Ольга', birthday: bday.birthday });
  await call(shell, 'comments.add', {
    clientId: maria.id,
    kind: 'note',
    body: 'Просила перезвонить после обеда\nвторая строка не видна',
  });
  await call(shell, 'reminders.add', {
    clientId: maria.id,
    title: 'Позвонить по заказу',
    due: ymd(now),
    repeat: { every: 1, unit: 'week' },
  });
  await call(shell, 'reminders.add', {
    clientId: oleg.id,
    title: 'Отправить счёт',
    due: ymd(plusDays(now, -2)),
  });

  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: t.nav.today, level: 1 })).toBeVisible();

  // Due today, with the repeat mark, the phone and the first line of the last comment.
  const mariaRow = today.row('due', 'Иванова Мария');
  await expect(mariaRow).toContainText('Позвонить по заказу');
  await expect(mariaRow.getByTitle(t.today.repeats)).toHaveText('↻');
  await expect(mariaRow).toContainText('+7 912 345-67-89');
  await expect(mariaRow.getByTestId('last-comment')).toHaveText(
    'Заметка: Просила перезвонить после обеда',
  );
  // Overdue: marked, with how late.
  const olegRow = today.row('due', 'Петров Олег');
  await expect(olegRow).toHaveClass(/today-row--overdue/);
  await expect(olegRow.getByTestId('late')).toHaveText('просрочено на 2 дня');
  // The birthday in three days, with the age.
  await expect(today.row('birthdays', 'Смирнова Ольга').getByTestId('age')).toHaveText(
    `исполняется ${bday.age} лет`,
  );
  await expect(today.section('touch')).toContainText(t.today.empty.touch);

  // Log a call from the keyboard: the button, Enter, type; Tab to "and mark it done", which is
  // ticked, Space to untick it (this call was not the one asked for), back and Enter.
  await mariaRow.getByRole('button', { name: t.today.actions.call, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Договорились о доставке в пятницу');
  await page.keyboard.press('Tab');
  await expect(mariaRow.getByRole('checkbox')).toBeFocused();
  await expect(mariaRow.getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(today.status()).toHaveText('Звонок записан: Иванова Мария');
  await expect(mariaRow.getByTestId('last-comment')).toHaveText(
    'Звонок: Договорились о доставке в пятницу',
  );
  await expect(mariaRow.getByRole('button', { name: t.today.actions.call })).toBeFocused();
  const calls = await call<{ body: string; kind: string }[]>(shell, 'comments.list', {
    clientId: maria.id,
    kind: 'call',
  });
  expect(calls.map((c) => c.body)).toEqual(['Договорились о доставке в пятницу']);

  // Done on the weekly one: it leaves today and comes back a week later in the next 7 days.
  await today.press(mariaRow, t.today.actions.done);
  const nextWeek = plusDays(now, 7);
  await expect(today.status()).toHaveText(
    `«Позвонить по заказу» — готово. Следующее: ${shortDate(nextWeek, t)}`,
  );
  await expect(mariaRow).toHaveCount(0);
  await expect(
    today.upcomingDay(ymd(nextWeek)).getByRole('link', { name: 'Иванова Мария' }),
  ).toBeVisible();

  // Snooze until tomorrow: it moves under "Tomorrow" in the next 7 days.
  const menu = olegRow.getByRole('button', { name: t.today.actions.snooze });
  await menu.click();
  await page.keyboard.press('Escape');
  await expect(olegRow.getByRole('group')).toHaveCount(0);
  await expect(menu).toBeFocused();
  await today.snooze(olegRow, t.today.actions.snooze, t.today.snooze.tomorrow);
  await expect(olegRow).toHaveCount(0);
  const tomorrow = today.upcomingDay(ymd(plusDays(now, 1)));
  await expect(tomorrow.getByRole('heading')).toContainText(t.today.tomorrow);
  await expect(tomorrow).toContainText('Отправить счёт');
  await expect(today.status()).toContainText('«Отправить счёт» отложено до');

  // The day is clear: the empty state says what to do next and leads to the client list.
  await expect(today.section('due')).toContainText(t.today.empty.due);
  await page.screenshot({ path: 'test-results/screens/today-ru-cleared.png' });
  await today.section('due').getByRole('link', { name: t.today.empty.toClients }).click();
  await expect(page).toHaveURL(/#\/clients$/);
});

test('log a call on a reminder row and mark the reminder done in the same step', async ({
  page,
  shell,
  today,
}) => {
  const t = ru;
  const anna = await client(shell, { name: 'Сидорова Анна', phone: '+7 900 222-33-44' });
  await call(shell, 'reminders.add', {
    clientId: anna.id,
    title: 'Уточнить размер',
    due: ymd(new Date()),
  });
  await page.goto(shell.url);
  const row = today.row('due', 'Сидорова Анна');
  await row.getByRole('button', { name: t.today.actions.call, exact: true }).click();
  await expect(
    row.getByRole('checkbox', { name: 'и отметить «Уточнить размер» выполненным' }),
  ).toBeChecked();
  await row.locator('input[name="call"]').fill('Размер 42, заказ подтверждён');
  await row.locator('input[name="call"]').press('Enter');
  await expect(today.status()).toHaveText(
    'Звонок записан: Сидорова Анна; «Уточнить размер» — готово.',
  );
  await expect(row).toHaveCount(0);
  const calls = await call<{ body: string }[]>(shell, 'comments.list', {
    clientId: anna.id,
    kind: 'call',
  });
  expect(calls.map((c) => c.body)).toEqual(['Размер 42, заказ подтверждён']);
  const reminders = await call<{ title: string; doneAt: string | null }[]>(
    shell,
    'reminders.list',
    { clientId: anna.id, includeDone: true },
  );
  expect(reminders.map((r) => [r.title, r.doneAt !== null])).toEqual([['Уточнить размер', true]]);
});

test('needs a touch: past the cadence, with a call logged from the row', async ({
  page,
  shell,
  today,
}) => {
  const t = ru;
  // The page believes it is ten days later: a prospect created now (cadence 7 days) is due
  // a touch, a regular client (every 14 days) is not yet.
  const later = new Date(Date.now() + 10 * DAY);
  await page.clock.setFixedTime(later);
  const igor = await client(shell, { name: 'Кузнецов Игорь', phone: '+7 922 765-43-21' });
  await client(shell, { name: 'Сидорова Анна', stage: 'regular' });

  await page.goto(shell.url);
  const row = today.row('touch', 'Кузнецов Игорь');
  await expect(row.getByTestId('touch-why')).toContainText('ни одного контакта за 10 дней');
  await expect(row.getByTestId('touch-why')).toContainText('норма — раз в 7 дней');
  await expect(row.getByTestId('touch-value')).toHaveText(t.today.touch.noRevenue);
  await expect(today.row('touch', 'Сидорова Анна')).toHaveCount(0);

  await today.logCall(row, t.today.actions.call, 'Рассказал про новую коллекцию');
  await expect(today.status()).toHaveText('Звонок записан: Кузнецов Игорь');
  const calls = await call<{ body: string }[]>(shell, 'comments.list', {
    clientId: igor.id,
    kind: 'call',
  });
  expect(calls.map((c) => c.body)).toEqual(['Рассказал про новую коллекцию']);
  // The agenda refetched: the row now counts from that call (made "ten days ago" for the page).
  await expect(row.getByTestId('touch-why')).toContainText('нет контакта 10 дней');
  await expect(row.getByTestId('last-comment')).toHaveText('Звонок: Рассказал про новую коллекцию');
});

test('a refused action is explained beside its row', async ({ page, shell, today }) => {
  const t = ru;
  const anna = await client(shell, { name: 'Сидорова Анна' });
  const reminder = await call<{ id: string }>(shell, 'reminders.add', {
    clientId: anna.id,
    title: 'Уточнить размер',
    due: ymd(new Date()),
  });
  await page.goto(shell.url);
  const row = today.row('due', 'Сидорова Анна');
  await expect(row).toContainText('Уточнить размер');
  // Someone deletes it on the card meanwhile.
  await call(shell, 'reminders.delete', { id: reminder.id });
  await today.press(row, t.today.actions.done);
  await expect(row.getByRole('alert')).toBeVisible();
  await expect(row.getByRole('alert')).not.toBeEmpty();
  await expect(today.status()).toHaveCount(0);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`today screenshots in ${lang}`, async ({ page, shell, today }) => {
    await call(shell, 'settings.set', { language: lang });
    const later = new Date(Date.now() + 10 * DAY);
    await page.clock.setFixedTime(later);
    const people = [
      ['Иванова Мария', 'Салон «Лилия»', '+7 912 345-67-89'],
      ['Петров Олег', 'ООО «Строймаркет»', '+7 900 111-22-33'],
      ['Smith John', 'Smith & Sons', '+44 20 7946 0958'],
      ['Кузнецов Игорь', 'ИП Кузнецов', '+7 922 765-43-21'],
      ['Сидорова Анна', null, '8 (343) 222-33-44'],
      ['Орлова Светлана', null, '+7 903 555-12-12'],
    ] as const;
    const ids: string[] = [];
    for (const [i, [name, company, phone]] of people.entries()) {
      const c = await client(shell, {
        name,
        company,
        phone,
        ...(i === 5 ? { birthday: birthdayIn(later, 2).birthday } : {}),
        ...(i === 4 ? { birthday: birthdayIn(later, 0).birthday, stage: 'regular' } : {}),
      });
      ids.push(c.id);
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    // Bought long ago and never called: due a touch counted from that first purchase.
    await call(shell, 'sales.add', {
      clientId: ids[5],
      date: ymd(plusDays(new Date(), -400)),
      amount: 1_250_000,
    });
    await call(shell, 'comments.add', {
      clientId: a,
      kind: 'call',
      body: 'Просила перезвонить после обеда, интересуется абонементом на стрижки',
    });
    const at = (days: number, time?: string) =>
      ymd(plusDays(later, days)) + (time ? `T${time}` : '');
    const add = (clientId: string, title: string, due: string, weekly = false) =>
      call(shell, 'reminders.add', {
        clientId,
        title,
        due,
        ...(weekly ? { repeat: { every: 1, unit: 'week' } } : {}),
      });
    await add(a, 'Позвонить по заказу', at(0), true);
    await add(b, 'Отправить счёт', at(-3));
    await add(c, 'Send the price list', at(0, '00:00'));
    await add(d, 'Согласовать доставку', at(0, '23:59'));
    await add(b, 'Сверка остатков', at(1, '10:30'));
    await add(a, 'Поздравить с открытием', at(4), true);

    await page.goto(shell.url);
    await expect(today.row('due', 'Иванова Мария')).toBeVisible();
    await expect(today.section('touch').locator('.today-row').first()).toBeVisible();
    await expect(today.section('upcoming')).toContainText(t.today.sections.upcoming);
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screens/today-${lang}-${width}.png` });
    }
    await today
      .row('due', 'Петров Олег')
      .getByRole('button', { name: t.today.actions.snooze })
      .click();
    await page.screenshot({ path: `test-results/screens/today-${lang}-snooze.png` });
    await page.keyboard.press('Escape');
    const mariaRow = today.row('due', 'Иванова Мария');
    await mariaRow.getByRole('button', { name: t.today.actions.call, exact: true }).click();
    await mariaRow
      .locator('input[name="call"]')
      .fill(lang === 'ru' ? 'Записалась на пятницу' : 'Booked for Friday');
    await page.screenshot({ path: `test-results/screens/today-${lang}-call-done.png` });
  });
}
