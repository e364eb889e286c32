/**
 * Reminders on the client card (add with a weekly repeat, done shows the next one, snooze,
 * refusals under the field that caused them), the touch mix as comments are tagged, and the
 * regular-touches settings; then screenshots of both in Russian and English.
 */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { SettingsPage } from './pages/settings-page';

interface Ok<T> {
  ok: true;
  data: T;
}
interface StoredReminder {
  id: string;
  title: string;
  dueDate: string;
  dueTime: string | null;
  occurrence: number;
  snoozedUntil: string | null;
  repeat: { every: number; unit: string } | null;
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as Ok<T> | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** A local calendar date `days` from today, `YYYY-MM-DD`. */
function day(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** A `YYYY-MM-DD` as the Russian UI shows it in a date box: «30.11.2026». */
function shownDay(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return `${d}.${m}.${y}`;
}

/** As the card shows a date: "12 ноя 2026" / "Nov 12, 2026". */
function shown(iso: string, lang: 'ru' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = (lang === 'en' ? en : ru).months[(m ?? 1) - 1] ?? '';
  return lang === 'en' ? `${month} ${d}, ${y}` : `${d} ${month} ${y}`;
}

async function openCard(page: Page, shell: Shell, id: string): Promise<void> {
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await page.goto(`${shell.origin}/#/clients/${id}`);
  await page.getByTestId('reminders').waitFor();
}

async function reminders(shell: Shell, clientId: string): Promise<StoredReminder[]> {
  return call<StoredReminder[]>(shell, 'reminders.list', { clientId });
}

test('reminders on the card: weekly repeat, done, snooze, refusals', async ({
  page,
  shell,
  card,
}) => {
  test.setTimeout(60_000);
  const r = ru.rem;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const client = await call<{ id: string }>(shell, 'clients.create', {
    name: 'Иванова Мария',
    phone: '+7 912 345-67-89',
  });
  await openCard(page, shell, client.id);
  await expect(card.reminders()).toContainText(r.empty);

  // Add "Позвонить по заказу", due today, every week.
  await card
    .reminders()
    .getByRole('button', { name: `+ ${r.add}` })
    .click();
  let form = card.reminderForm(r.form.newTitle);
  await card.reminderInput(form, 'title').fill('Позвонить по заказу');
  await expect(card.reminderInput(form, 'dueDate')).toHaveValue(shownDay(day(0)));
  await card.reminderInput(form, 'repeatUnit').selectOption({ label: r.repeat.week });
  await form.getByRole('button', { name: r.form.add }).click();
  await expect(form).toBeHidden();

  const weekly = card.reminder('Позвонить по заказу');
  await expect(weekly.getByTestId('reminder-rule')).toHaveText(`↻ ${r.rule.week}`);
  await expect(weekly.getByTestId('reminder-due')).toContainText(r.due.today);

  // Done: the next one, a week later, shows at once.
  await weekly.getByRole('button', { name: r.actions.done }).click();
  await expect(weekly.getByTestId('reminder-due')).toHaveText(shown(day(7), 'ru'));
  await expect(card.reminders().getByRole('status')).toHaveText(
    r.next.replace('{{date}}', shown(day(7), 'ru')),
  );
  await expect(card.reminders().getByTestId('reminder')).toHaveCount(1);
  let stored = await reminders(shell, client.id);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    title: 'Позвонить по заказу',
    dueDate: day(7),
    occurrence: 2,
    repeat: { every: 1, unit: 'week' },
  });

  // A one-off reminder, snoozed to tomorrow.
  await card
    .reminders()
    .getByRole('button', { name: `+ ${r.add}` })
    .click();
  form = card.reminderForm(r.form.newTitle);
  await card.reminderInput(form, 'title').fill('Отправить образцы плитки');
  await form.getByRole('button', { name: r.form.add }).click();
  const oneOff = card.reminder('Отправить образцы плитки');
  await expect(oneOff.getByTestId('reminder-due')).toContainText(r.due.today);
  await expect(oneOff.getByTestId('reminder-rule')).toHaveCount(0);
  await oneOff.getByRole('button', { name: r.actions.snooze }).click();
  await oneOff.getByRole('button', { name: r.snooze.tomorrow }).click();
  await expect(oneOff.getByTestId('reminder-due')).toHaveText(r.due.tomorrow);
  stored = await reminders(shell, client.id);
  expect(stored.find((x) => x.title === 'Отправить образцы плитки')?.snoozedUntil).toBe(day(1));
  // Soonest first: tomorrow's before next week's.
  await expect(card.reminders().getByTestId('reminder').first()).toContainText(
    'Отправить образцы плитки',
  );

  // A repeat that ends before the first reminder is refused under the end date.
  await card
    .reminders()
    .getByRole('button', { name: `+ ${r.add}` })
    .click();
  form = card.reminderForm(r.form.newTitle);
  await card.reminderInput(form, 'title').fill('Сверка остатков');
  await card.reminderInput(form, 'dueDate').fill(day(10));
  await card.reminderInput(form, 'repeatUnit').selectOption({ label: r.repeat.week });
  await form.getByRole('radio', { name: r.repeat.until }).check();
  const until = card.reminderInput(form, 'repeatUntil');
  await until.fill(day(3));
  await form.getByRole('button', { name: r.form.add }).click();
  await expect(until).toHaveAttribute('aria-invalid', 'true');
  await expect(await card.messageUnder(until)).toContainText('Повтор заканчивается раньше');
  await expect(form).toBeVisible();
  expect(await reminders(shell, client.id)).toHaveLength(2);

  // A date in year 20260 cannot be saved: the message is under the date.
  await card.reminderInput(form, 'repeatUnit').selectOption({ label: r.repeat.none });
  const due = card.reminderInput(form, 'dueDate');
  await due.fill('20260-01-15');
  await form.getByRole('button', { name: r.form.add }).click();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(await card.messageUnder(due)).toContainText('Такой даты');
  expect(await reminders(shell, client.id)).toHaveLength(2);
  await form.getByRole('button', { name: r.form.cancel }).click();
  await expect(form).toBeHidden();
  await expect(card.reminders().getByTestId('reminder')).toHaveCount(2);
});

test('the touch mix follows tagged comments', async ({ page, shell, card }) => {
  const touches = ru.cardx.touches;
  await call(shell, 'settings.set', { language: 'ru' });
  const client = await call<{ id: string }>(shell, 'clients.create', { name: 'Петров Олег' });
  await openCard(page, shell, client.id);
  const mix = card.touchMix();
  await expect(mix).toContainText(ru.rem.touch.empty);

  const tagged: [string, string, string][] = [
    ['Рассказал, как ухаживать за плиткой', 'Звонок', touches.content],
    ['Скидка 10% на затирку до пятницы', 'Звонок', touches.offer],
    ['Предложил новую коллекцию', 'Письмо', touches.offer],
    ['Открыли второй склад', 'Встреча', touches.news],
  ];
  const expected = [
    { content: '1', news: '0', offer: '0' },
    { content: '1', news: '0', offer: '1' },
    { content: '1', news: '0', offer: '2' },
    { content: '1', news: '1', offer: '2' },
  ];
  for (const [i, [body, kind, touch]] of tagged.entries()) {
    await card.addTouchComment(body, kind, touch);
    await expect(card.comments()).toHaveCount(i + 1);
    for (const [tag, count] of Object.entries(expected[i] ?? {})) {
      await expect(mix.locator(`[data-touch="${tag}"]`)).toHaveText(count);
    }
  }
  await expect(mix).toContainText('последние 4 контакта');
  expect(await call(shell, 'clients.touchMix', { clientId: client.id })).toEqual({
    content: 1,
    news: 1,
    offer: 2,
    untagged: 0,
  });
});

test('regular touches in Settings: a preset, then one stage changed', async ({ page, shell }) => {
  const c = ru.rem.cadence;
  await call(shell, 'settings.set', { language: 'ru' });
  const settings = new SettingsPage(page, shell, ru);
  await settings.open();
  await expect(settings.cadence()).toBeVisible();

  await settings.cadence().getByRole('button', { name: c.salon }).click();
  await expect(settings.cadence().getByRole('status')).toContainText(c.salon);
  await expect(settings.cadenceInput('prospect')).toHaveValue('3');
  await expect(settings.cadenceInput('regular')).toHaveValue('30');
  await expect(settings.cadenceInput('lost')).toHaveValue('90');

  await settings.cadenceInput('regular').fill('25');
  await settings.cadenceInput('lost').fill('');
  await settings.cadenceInput('birthdayDays').fill('14');
  await settings.cadence().getByRole('button', { name: c.save }).click();
  await expect(settings.cadence().getByRole('status')).toHaveText(c.saved);
  const stored = await call<{ stages: Record<string, number | null>; birthdayDays: number }>(
    shell,
    'cadence.get',
  );
  expect(stored.stages).toMatchObject({ prospect: 3, regular: 25, lost: null, advocate: 45 });
  expect(stored.birthdayDays).toBe(14);

  // Not a number: explained under the field, nothing saved.
  await settings.cadenceInput('repeat').fill('-3');
  await settings.cadence().getByRole('button', { name: c.save }).click();
  await expect(settings.cadence().locator('[data-stage="repeat"] .field-error')).toHaveText(
    c.notNumber,
  );
  expect((await call<typeof stored>(shell, 'cadence.get')).stages['repeat']).toBe(21);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`reminder screenshots in ${lang}`, async ({ page, shell, card }) => {
    const isRu = lang === 'ru';
    await call(shell, 'settings.set', { language: lang, userName: isRu ? 'Петров' : 'Peters' });
    const client = await call<{ id: string }>(shell, 'clients.create', {
      name: isRu ? 'Иванова Мария' : 'Mary Johnson',
      company: isRu ? 'Салон «Лилия»' : 'Lily Salon',
      phone: '+7 912 345-67-89',
      stage: 'regular',
    });
    const add = (title: string, due: string, repeat?: unknown) =>
      call<{ id: string }>(shell, 'reminders.add', { clientId: client.id, title, due, repeat });
    await add(isRu ? 'Уточнить оплату счёта' : 'Check the invoice was paid', day(-2));
    await add(isRu ? 'Позвонить по заказу' : 'Call about the order', `${day(0)}T10:30`, {
      every: 2,
      unit: 'week',
      weekdays: [1, 3],
      until: `${day(0).slice(0, 4)}-12-31`,
    });
    const snoozed = await add(isRu ? 'Отправить каталог' : 'Send the catalogue', day(0));
    await call(shell, 'reminders.snooze', { id: snoozed.id, until: day(3) });
    await add(isRu ? 'Поздравить с годовщиной' : 'Anniversary greetings', day(20), {
      every: 1,
      unit: 'year',
      count: 5,
    });
    const tags = ['content', 'news', 'offer', 'offer', 'content'] as const;
    for (const [i, touch] of tags.entries()) {
      await call(shell, 'comments.add', {
        clientId: client.id,
        kind: i % 2 ? 'call' : 'email',
        body: isRu ? `Касание ${i + 1}` : `Touch ${i + 1}`,
        touch,
      });
    }

    await openCard(page, shell, client.id);
    await expect(card.reminders().getByTestId('reminder')).toHaveCount(4);
    await expect(card.touchMix().locator('[data-touch="offer"]')).toHaveText('2');
    await page.screenshot({ path: `test-results/screens/reminders-card-${lang}.png` });

    await card
      .reminders()
      .getByRole('button', { name: `+ ${t.rem.add}` })
      .click();
    const form = card.reminderForm(t.rem.form.newTitle);
    await card.reminderInput(form, 'title').fill(isRu ? 'Сверка остатков' : 'Stock check');
    await card.reminderInput(form, 'dueDate').fill(day(10));
    await card.reminderInput(form, 'repeatUnit').selectOption({ label: t.rem.repeat.week });
    await card.reminderInput(form, 'repeatEvery').fill('2');
    await form.getByRole('checkbox', { name: t.rem.weekdays[0] }).check();
    await form.getByRole('checkbox', { name: t.rem.weekdays[3] }).check();
    await form.getByRole('radio', { name: t.rem.repeat.until }).check();
    await card.reminderInput(form, 'repeatUntil').fill(day(3));
    await form.getByRole('button', { name: t.rem.form.add }).click();
    await expect(await card.messageUnder(card.reminderInput(form, 'repeatUntil'))).toBeVisible();
    await page.screenshot({ path: `test-results/screens/reminders-form-${lang}.png` });
    await form.getByRole('button', { name: t.rem.form.cancel }).click();

    const row = card.reminder(isRu ? 'Позвонить по заказу' : 'Call about the order');
    await row.getByRole('button', { name: t.rem.actions.snooze }).click();
    await page.screenshot({ path: `test-results/screens/reminders-snooze-${lang}.png` });
    await card.tab(t.cardx.tabs.history).click();
    await page.screenshot({ path: `test-results/screens/reminders-history-${lang}.png` });

    const settings = new SettingsPage(page, shell, t);
    await settings.open();
    await settings.cadence().getByRole('button', { name: t.rem.cadence.clothing }).click();
    await expect(settings.cadenceInput('regular')).toHaveValue('45');
    await settings.cadence().scrollIntoViewIfNeeded();
    await settings
      .cadence()
      .screenshot({ path: `test-results/screens/reminders-cadence-${lang}.png` });
  });
}
