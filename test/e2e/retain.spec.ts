/**
 * Keeping clients: "Slipping away" and "Due to buy this week" on Today from each client's own
 * rhythm of purchases, "Remind me" and "Log a call" from those rows, the "Win back" list of lost
 * clients with their reasons, NPS answers on the card, and the analytics thresholds in Settings.
 * Sales are made relative to the real today, as the page asks for its own date.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import type { Page } from '@playwright/test';
import { expect, test as base, type Shell } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { TodayPage } from './pages/today-page';

const test = base.extend<{ today: TodayPage }>({
  today: async ({ page }, use) => {
    await use(new TodayPage(page));
  },
});

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` in the machine's time zone, like the page computes it. */
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function daysAgo(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d;
}
/** As the page writes a day near today: "12 сен" this year, "12 сен 2025" before. */
function dayLabel(date: Date, t: typeof ru): string {
  const month = t.months[date.getMonth()] ?? '';
  const short = t === en ? `${month} ${date.getDate()}` : `${date.getDate()} ${month}`;
  if (date.getFullYear() === new Date().getFullYear()) return short;
  return t === en ? `${short}, ${date.getFullYear()}` : `${short} ${date.getFullYear()}`;
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}
const client = (shell: Shell, input: Record<string, unknown>) =>
  call<{ id: string }>(shell, 'clients.create', input);

/** Opens a card: the shell's address first (it hands the page its token), then the card's. */
async function openCard(page: Page, shell: Shell, id: string): Promise<void> {
  await page.goto(shell.url);
  await page.waitForURL(/#\/today$/);
  await page.goto(`${shell.origin}/#/clients/${id}`);
}

/** `count` purchases of `amount` roubles, `every` days apart, the last one `lastDaysAgo` ago. */
async function buys(
  shell: Shell,
  clientId: string,
  plan: { every: number; lastDaysAgo: number; count: number; amount: number },
): Promise<void> {
  for (let i = 0; i < plan.count; i++) {
    await call(shell, 'sales.add', {
      clientId,
      date: ymd(daysAgo(plan.lastDaysAgo + plan.every * i)),
      amount: plan.amount * 100,
    });
  }
}

test('slipping away: why, Remind me, Log a call; due to buy this week', async ({
  page,
  shell,
  today,
}) => {
  const t = ru;
  // Bought every 30 days for a year, the last time 100 days ago: 70 days past the next one.
  const big = await client(shell, { name: 'Крупный Аркадий', phone: '+7 912 100-00-01' });
  await buys(shell, big.id, { every: 30, lastDaysAgo: 100, count: 13, amount: 50_000 });
  // The same rhythm, the last time 10 days ago: on time.
  const steady = await client(shell, { name: 'Ровный Борис', phone: '+7 912 100-00-02' });
  await buys(shell, steady.id, { every: 30, lastDaysAgo: 10, count: 13, amount: 1_000 });
  // Last bought 27 days ago: the next purchase is expected in three days.
  const soon = await client(shell, { name: 'Скорый Виктор' });
  await buys(shell, soon.id, { every: 30, lastDaysAgo: 27, count: 6, amount: 2_000 });
  // Expected today, and on the sixth day from today: the last days of "this week".
  const onDay = await client(shell, { name: 'Точный Дмитрий' });
  await buys(shell, onDay.id, { every: 30, lastDaysAgo: 30, count: 3, amount: 3_000 });
  const sixth = await client(shell, { name: 'Шестой Евгений' });
  await buys(shell, sixth.id, { every: 30, lastDaysAgo: 24, count: 3, amount: 3_000 });
  // Expected in seven days: next week, in neither list.
  const seventh = await client(shell, { name: 'Седьмой Жан' });
  await buys(shell, seventh.id, { every: 30, lastDaysAgo: 23, count: 3, amount: 3_000 });
  // Three days late, and 170 days late (every 200 days, the last 370 days ago): not "due this
  // week" but slipping away.
  const late = await client(shell, { name: 'Опоздавший Захар' });
  await buys(shell, late.id, { every: 30, lastDaysAgo: 33, count: 3, amount: 3_000 });
  const slow = await client(shell, { name: 'Редкий Игорь' });
  await buys(shell, slow.id, { every: 200, lastDaysAgo: 370, count: 2, amount: 4_000 });

  await page.goto(shell.url);
  const row = today.row('slipping', 'Крупный Аркадий');
  const why = row.getByTestId('slipping-why');
  await expect(why).toContainText('покупает раз в ~30 дней');
  await expect(why).toContainText(`последняя покупка ${dayLabel(daysAgo(100), t)}`);
  await expect(why).toContainText('опоздание 70 дней');
  await expect(why).toContainText('ещё покупает:');
  await expect(row).toContainText('+7 912 100-00-01');
  await expect(row.getByTestId('slipping-value')).toHaveText(/^650\s000,00\s₽$/);
  await expect(today.section('slipping')).toContainText(t.ret.slipping.title);
  await expect(today.row('slipping', 'Ровный Борис')).toHaveCount(0);
  await expect(today.row('slipping', 'Скорый Виктор')).toHaveCount(0);

  // Due this week: expected from today through the sixth day from now, earliest first.
  const soonRow = today.row('due-week', 'Скорый Виктор');
  await expect(soonRow).toContainText(`ожидается ${dayLabel(daysAgo(-3), t)}`);
  await expect(today.row('due-week', 'Ровный Борис')).toHaveCount(0);
  const dueWeek = today.section('due-week');
  await expect(dueWeek.getByTestId('due-week-when')).toHaveText([
    t.ret.dueWeek.expectedToday,
    `ожидается ${dayLabel(daysAgo(-3), t)}`,
    `ожидается ${dayLabel(daysAgo(-6), t)}`,
  ]);
  await expect(dueWeek.locator('.today-section__count')).toHaveText('3');
  await expect(today.row('due-week', 'Седьмой Жан')).toHaveCount(0);
  await expect(today.row('due-week', 'Опоздавший Захар')).toHaveCount(0);
  await expect(today.row('due-week', 'Редкий Игорь')).toHaveCount(0);
  await expect(today.row('slipping', 'Опоздавший Захар').getByTestId('slipping-why')).toContainText(
    'опоздание 3 дня',
  );
  await expect(today.row('slipping', 'Редкий Игорь').getByTestId('slipping-why')).toContainText(
    'опоздание 170 дней',
  );

  // Remind me: a reminder for today, shown on the row and among today's reminders.
  await today.press(row, t.ret.remind.action);
  await expect(today.status()).toHaveText('Напоминание на сегодня добавлено: Крупный Аркадий');
  await expect(row.getByTestId('reminder-mark')).toHaveText(`✓ ${t.ret.remind.today}`);
  await expect(row.getByRole('button', { name: t.ret.remind.action })).toHaveCount(0);
  const reminderRow = today.row('due', 'Крупный Аркадий');
  await expect(reminderRow).toContainText('Вернуть клиента — позвонить: Крупный Аркадий');
  const reminders = await call<{ title: string; dueDate: string }[]>(shell, 'reminders.list', {
    clientId: big.id,
  });
  expect(reminders.map((r) => [r.title, r.dueDate])).toEqual([
    ['Вернуть клиента — позвонить: Крупный Аркадий', ymd(new Date())],
  ]);

  // Log a call from the same row, as on the other Today lists.
  await today.logCall(row, t.today.actions.call, 'Обещал заехать на следующей неделе');
  await expect(today.status()).toHaveText('Звонок записан: Крупный Аркадий');
  const calls = await call<{ body: string }[]>(shell, 'comments.list', {
    clientId: big.id,
    kind: 'call',
  });
  expect(calls.map((c) => c.body)).toEqual(['Обещал заехать на следующей неделе']);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`a badge and its list agree: "first 100 of 103" when the list is cut (${lang})`, async ({
    page,
    shell,
    today,
  }) => {
    await call(shell, 'settings.set', { language: lang });
    // 103 clients late for their next purchase: the page asks for the first 100 of them.
    for (let i = 0; i < 103; i++) {
      const c = await client(shell, { name: `Уходящий ${String(i).padStart(3, '0')}` });
      await buys(shell, c.id, { every: 30, lastDaysAgo: 40 + i, count: 2, amount: 1_000 + i });
    }
    await page.goto(shell.url);
    const slipping = today.section('slipping');
    await expect(slipping.locator('.today-section__count')).toHaveText('103');
    const label = (lang === 'ru' ? ru.ret.firstOf_many : en.ret.firstOf_other)
      .replace('{{count}}', '100')
      .replace('{{total}}', '103');
    const more = slipping.getByRole('button', { name: label });
    await expect(more).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await slipping.screenshot({ path: `test-results/screens/retain-slipping-cut-${lang}.png` });
    await more.click();
    await expect(slipping.locator('.today-row')).toHaveCount(100);
    await expect(slipping).toContainText(
      t.ret.slipping.notAll.replace('{{shown}}', '100').replace('{{count}}', '103'),
    );
  });
}

test('win back: a client marked lost on the card, with the reason', async ({
  page,
  shell,
  card,
  today,
}) => {
  const t = ru;
  const olga = await client(shell, { name: 'Орлова Ольга', phone: '+7 903 555-12-12' });
  await buys(shell, olga.id, { every: 45, lastDaysAgo: 60, count: 4, amount: 30_000 });
  // Six more lost clients, all worth less: the list starts collapsed at five.
  for (let i = 1; i <= 6; i++) {
    const c = await client(shell, { name: `Ушедший ${i}`, stage: 'lost', lostReason: 'Цена' });
    await buys(shell, c.id, { every: 30, lastDaysAgo: 200, count: 1, amount: 1_000 * i });
  }

  // On the card, choosing "lost" asks for the reason at once.
  await openCard(page, shell, olga.id);
  await card.field('stage').locator('.field__value').click();
  await card.field('stage').locator('select[name="stage"]').selectOption('lost');
  const reason = card.field('stage').locator('select[name="lostReason"]');
  await expect(reason).toBeFocused();
  await reason.selectOption({ label: 'Ушёл к конкуренту' });
  await expect(page.getByTestId('stage-badge')).toHaveText(t.stages.lost);
  await expect(card.field('lostReason')).toContainText('Ушёл к конкуренту');

  await page.getByRole('link', { name: t.nav.today }).click();
  const section = today.section('win-back');
  await expect(section.getByRole('heading')).toContainText('7');
  const rows = section.getByTestId('win-back-row');
  await expect(rows).toHaveCount(5);
  // Most valuable first: 120 000 ₽ before the small ones.
  const row = today.row('win-back', 'Орлова Ольга');
  await expect(rows.first()).toHaveAttribute('data-client-id', olga.id);
  await expect(row.getByTestId('win-back-reason')).toHaveText('Ушёл к конкуренту');
  await expect(row.getByTestId('win-back-value')).toHaveText(/^120\s000,00\s₽$/);
  await expect(row).toContainText(`последняя покупка ${dayLabel(daysAgo(60), t)}`);
  await expect(row).toContainText(t.ret.winBack.noContact);
  await section.getByRole('button', { name: 'Показать всех (7)' }).click();
  await expect(rows).toHaveCount(7);
  await section.getByRole('button', { name: t.ret.winBack.less }).click();
  await expect(rows).toHaveCount(5);

  // A call is the last contact; Remind me puts a reminder on today's list.
  await today.logCall(row, t.today.actions.call, 'Сказала, что подумает');
  await expect(row).toContainText(`последний контакт ${dayLabel(new Date(), t)}`);
  await today.press(row, t.ret.remind.action);
  await expect(row.getByTestId('reminder-mark')).toHaveText(`✓ ${t.ret.remind.today}`);
  await expect(today.row('due', 'Орлова Ольга')).toContainText('Вернуть клиента — позвонить');
});

test('NPS on the card: record, list newest first with colours, badge, delete', async ({
  page,
  shell,
  card,
}) => {
  const t = ru;
  const anna = await client(shell, { name: 'Сидорова Анна' });
  await openCard(page, shell, anna.id);
  await expect(card.nps()).toContainText(t.ret.nps.empty);
  await expect(card.npsBadge()).toHaveCount(0);

  // Without a score the form says what is missing.
  await card.nps().getByRole('button', { name: t.ret.nps.add }).click();
  const form = page.getByRole('form', { name: t.ret.nps.add });
  await expect(form).toContainText(t.ret.nps.question);
  // Today's date, written the Russian way («01.12.2026»).
  const [y, m, d] = ymd(new Date()).split('-');
  await expect(form.locator('input[name="npsDate"]')).toHaveValue(`${d}.${m}.${y}`);
  await form.getByRole('button', { name: t.ret.nps.save }).click();
  await expect(form.getByRole('alert')).toHaveText(t.ret.nps.pickScore);

  // A promoter a week ago, with a comment.
  await form.getByRole('radio', { name: 'Оценка 9' }).click();
  await expect(form.getByRole('radio', { name: 'Оценка 9' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await form.locator('input[name="npsComment"]').fill('Советует подругам');
  await form.locator('input[name="npsDate"]').fill(ymd(daysAgo(7)));
  await form.getByRole('button', { name: t.ret.nps.save }).click();
  await expect(form).toHaveCount(0);
  await expect(card.npsAnswers()).toHaveCount(1);
  await expect(card.npsAnswers().first()).toContainText('Советует подругам');
  await expect(card.npsAnswers().first().locator('.nps-score')).toHaveAttribute(
    'data-group',
    'promoter',
  );
  await expect(card.npsBadge()).toHaveText('NPS 9');
  await expect(card.npsBadge()).toHaveAttribute('data-group', 'promoter');

  // A detractor today: first in the list, and the badge follows the latest.
  await card.nps().getByRole('button', { name: t.ret.nps.add }).click();
  await form.getByRole('radio', { name: 'Оценка 3' }).click();
  await form.getByRole('button', { name: t.ret.nps.save }).click();
  await expect(card.npsAnswers()).toHaveCount(2);
  await expect(card.npsAnswers().first().locator('.nps-score')).toHaveAttribute(
    'data-group',
    'detractor',
  );
  await expect(card.npsAnswers().first()).toContainText('3');
  await expect(card.npsBadge()).toHaveText('NPS 3');
  await expect(card.npsBadge()).toHaveAttribute('data-group', 'detractor');
  const stored = await call<{ score: number; comment: string | null; at: string }[]>(
    shell,
    'nps.list',
    { clientId: anna.id },
  );
  expect(stored.map((a) => [a.score, a.comment, a.at])).toEqual([
    [3, null, ymd(new Date())],
    [9, 'Советует подругам', ymd(daysAgo(7))],
  ]);

  // Delete today's answer after a confirm: the badge goes back to the promoter.
  await card.npsAnswers().first().getByRole('button').click();
  await expect(card.confirm()).toContainText('Удалить ответ NPS «3»');
  await card.confirm().getByRole('button', { name: t.cardx.confirm.yes }).click();
  await expect(card.npsAnswers()).toHaveCount(1);
  await expect(card.npsBadge()).toHaveText('NPS 9');
});

test('analytics thresholds in Settings persist; refusals show under the field', async ({
  page,
  shell,
}) => {
  const t = ru;
  const settings = new SettingsPage(page, shell, t);
  await settings.open();
  const panel = settings.analytics();
  await expect(settings.analyticsInput('activeDays')).toHaveValue('365');
  await expect(settings.analyticsInput('abcA')).toHaveValue('80');
  await expect(settings.analyticsInput('abcB')).toHaveValue('95');
  await expect(settings.analyticsInput('xyzX')).toHaveValue('0,5');
  await expect(settings.analyticsInput('xyzPeriod')).toHaveValue('month');
  await expect(settings.analyticsInput('horizonWeeks')).toHaveValue('52');
  await expect(panel).toContainText(t.ret.settings.abcAHint);

  // Not a number: said under the field, nothing sent.
  await settings.analyticsInput('xyzX').fill('много');
  await panel.getByRole('button', { name: t.ret.settings.save }).click();
  await expect(panel.locator('[data-key="xyzX"]').getByRole('alert')).toHaveText(
    t.ret.settings.notNumber,
  );
  // B below A: the main process refuses, and says so under B.
  await settings.analyticsInput('xyzX').fill('0,4');
  await settings.analyticsInput('abcA').fill('70');
  await settings.analyticsInput('abcB').fill('60');
  await panel.getByRole('button', { name: t.ret.settings.save }).click();
  await expect(panel.locator('[data-key="abcB"]').getByRole('alert')).toContainText(
    'Порог B должен быть выше порога A',
  );

  await settings.analyticsInput('abcB').fill('90');
  await settings.analyticsInput('activeDays').fill('180');
  await settings.analyticsInput('xyzPeriod').selectOption({ label: 'неделя' });
  await panel.getByRole('button', { name: t.ret.settings.save }).click();
  await expect(panel.getByRole('status')).toHaveText(t.ret.settings.saved);
  expect(await call(shell, 'analytics.settings', {})).toEqual({
    activeDays: 180,
    abcA: 0.7,
    abcB: 0.9,
    xyzX: 0.4,
    xyzPeriod: 'week',
    horizonWeeks: 52,
  });

  await page.reload();
  await expect(settings.analyticsInput('activeDays')).toHaveValue('180');
  await expect(settings.analyticsInput('abcA')).toHaveValue('70');
  await expect(settings.analyticsInput('abcB')).toHaveValue('90');
  await expect(settings.analyticsInput('xyzX')).toHaveValue('0,4');
  await expect(settings.analyticsInput('xyzPeriod')).toHaveValue('week');
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`retention screenshots in ${lang}`, async ({ page, shell, today, card }) => {
    await call(shell, 'settings.set', { language: lang });
    const people = [
      ['Иванова Мария', '+7 912 345-67-89', 30, 95, 12, 48_000],
      ['Петров Олег', '+7 900 111-22-33', 14, 60, 20, 9_500],
      ['Smith John', '+44 20 7946 0958', 60, 200, 6, 120_000],
      ['Кузнецов Игорь', '+7 922 765-43-21', 21, 18, 15, 6_000],
      ['Сидорова Анна', '8 (343) 222-33-44', 30, 28, 10, 3_200],
      ['Орлова Светлана', '+7 903 555-12-12', 7, 4, 40, 1_500],
    ] as const;
    const ids: string[] = [];
    for (const [name, phone, every, lastDaysAgo, count, amount] of people) {
      const c = await client(shell, { name, phone, stage: 'regular' });
      await buys(shell, c.id, { every, lastDaysAgo, count, amount });
      ids.push(c.id);
    }
    const lost = [
      ['Волкова Елена', 'Цена', 85_000],
      ['Green Peter', 'Ушёл к конкуренту', 40_000],
      ['Соколов Денис', 'Качество', 0],
    ] as const;
    for (const [name, reason, amount] of lost) {
      const c = await client(shell, { name, stage: 'lost', lostReason: reason });
      if (amount) await buys(shell, c.id, { every: 30, lastDaysAgo: 150, count: 3, amount });
    }
    const first = ids[0] ?? '';
    await call(shell, 'comments.add', { clientId: first, kind: 'call', body: 'Не дозвонился' });
    await call(shell, 'nps.add', { clientId: first, score: 6, at: ymd(daysAgo(200)) });
    await call(shell, 'nps.add', {
      clientId: first,
      score: 10,
      comment: lang === 'ru' ? 'Очень довольна новым мастером' : 'Very happy with the new stylist',
    });

    await page.goto(shell.url);
    await expect(today.row('slipping', 'Иванова Мария')).toBeVisible();
    await expect(today.section('win-back').getByTestId('win-back-row')).toHaveCount(3);
    await today.press(today.row('slipping', 'Smith John'), t.ret.remind.action);
    await expect(today.row('slipping', 'Smith John').getByTestId('reminder-mark')).toBeVisible();
    // The page scrolls inside its frame: a tall window shows every section.
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: width === 1280 ? 1500 : 2300 });
      await page.screenshot({ path: `test-results/screens/retain-today-${lang}-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto(`${shell.origin}/#/clients/${first}`);
    await expect(card.npsBadge()).toHaveText('NPS 10');
    await card.nps().getByRole('button', { name: t.ret.nps.add }).click();
    await page.getByRole('form', { name: t.ret.nps.add }).getByRole('radio').nth(8).click();
    // Tall enough for the badge by the name and the NPS block at the bottom of the portrait.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: `test-results/screens/retain-card-${lang}.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    const settings = new SettingsPage(page, shell, t);
    await settings.open();
    await settings.analytics().scrollIntoViewIfNeeded();
    await settings.analyticsInput('abcB').fill('70');
    await settings.analytics().getByRole('button', { name: t.ret.settings.save }).click();
    await expect(settings.analytics().getByRole('alert')).toBeVisible();
    await settings.analytics().screenshot({
      path: `test-results/screens/retain-settings-${lang}.png`,
    });
  });
}
