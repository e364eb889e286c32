/**
 * The client card end to end: custom fields of every kind of editor, the manager, comments in
 * the feed, restoring an old value from the feed, the card as of a past moment, lost with a
 * reason, the trash and back. Asserts what the user sees and what the workbook holds.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, secondOf, test, type Shell } from './fixtures';

interface Ok<T> {
  ok: true;
  data: T;
}
interface StoredClient {
  id: string;
  name: string;
  phone: string | null;
  stage: string;
  lostReason: string | null;
  managerId: string | null;
  deletedAt: string | null;
  custom: Record<string, unknown>;
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as Ok<T> | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** The local time as a datetime-local input takes it, to the second. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

async function seedFields(shell: Shell, isRu: boolean): Promise<string> {
  await call(shell, 'fields.define', {
    key: 'area',
    label: isRu ? 'Площадь, м²' : 'Area, m²',
    type: 'number',
  });
  await call(shell, 'fields.define', {
    key: 'tier',
    label: isRu ? 'Тип покупателя' : 'Buyer type',
    type: 'choice',
    options: isRu ? ['Розница', 'Опт'] : ['Retail', 'Wholesale'],
  });
  await call(shell, 'fields.define', {
    key: 'budget',
    label: isRu ? 'Бюджет' : 'Budget',
    type: 'money',
    group: isRu ? 'Деньги' : 'Money',
  });
  await call(shell, 'fields.define', {
    key: 'interests',
    label: isRu ? 'Интересы' : 'Interests',
    type: 'multichoice',
    options: isRu ? ['Плитка', 'Сантехника', 'Краски'] : ['Tiles', 'Plumbing', 'Paints'],
    group: isRu ? 'Деньги' : 'Money',
  });
  const manager = await call<{ id: string }>(shell, 'managers.add', {
    name: isRu ? 'Сидоров Павел' : 'Paul Sidorov',
  });
  return manager.id;
}

test('the card: custom fields, manager, feed, restore, as-of, lost, trash', async ({
  page,
  shell,
  clients,
  card,
}) => {
  test.setTimeout(60_000);
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const managerId = await seedFields(shell, true);
  const created = await call<StoredClient>(shell, 'clients.create', {
    name: 'Иванова Мария',
    phone: '+7 912 345-67-89',
  });
  const id = created.id;
  const get = () => call<StoredClient>(shell, 'clients.get', { id });
  // A moment after the creation and before any change: the shell's clock moves on a
  // second (no sleeping), that second is the moment, and another second passes.
  const before = secondOf(await shell.advanceClock(1000));
  await shell.advanceClock(1000);

  await clients.open();
  await clients.row('Иванова Мария').getByRole('link').click();
  // The phone is called from the card (the system's phone program); no e-mail, no link to write.
  await expect(card.field('phone').getByRole('link', { name: ru.card.call })).toHaveAttribute(
    'href',
    'tel:+79123456789',
  );
  await expect(card.field('email').getByRole('link')).toHaveCount(0);

  // Custom fields: a number typed with a comma, a refused value explained, a choice, money.
  await card.edit('custom.area', '125,5');
  await expect(card.custom('area').locator('.field__value')).toHaveText('125,5');
  await card.edit('custom.area', 'много');
  await expect(card.custom('area').getByRole('alert')).toContainText('нужно число');
  await card.custom('area').locator('input').press('Escape');
  await expect(card.custom('area').getByRole('alert')).toHaveCount(0);
  await card.choose('custom.tier', 'Опт');
  await expect(card.custom('tier')).toContainText('Опт');
  await card.edit('custom.budget', '1 234 567,89');
  await expect(card.custom('budget').locator('.field__value')).toHaveText(/^1\s234\s567,89\s₽$/);
  await card.tick('custom.interests', ['Плитка', 'Краски'], ru.cardx.save);
  await expect(card.custom('interests')).toContainText('Плитка, Краски');
  await expect(card.page.locator('.custom-group h3', { hasText: 'Деньги' })).toBeVisible();

  // The manager.
  await card.choose('managerId', 'Сидоров Павел');
  await expect(card.field('managerId').locator('.field__value')).toHaveText('Сидоров Павел');

  let stored = await get();
  expect(stored.custom).toEqual({
    area: 125.5,
    tier: 'Опт',
    budget: 123456789,
    interests: ['Плитка', 'Краски'],
  });
  expect(stored.managerId).toBe(managerId);

  // A call in the feed, then edited.
  await card.addComment('Обсудили поставку плитки', ru.cardx.kinds.call);
  const comment = card.comments().first();
  await expect(comment).toContainText('Обсудили поставку плитки');
  await expect(comment).toContainText(ru.cardx.kinds.call);
  await expect(page.locator('textarea[name="comment"]')).toHaveValue('');
  await comment.getByRole('button', { name: ru.cardx.feed.edit }).click();
  await comment.locator('textarea').fill('Обсудили поставку плитки и сроки');
  await comment.locator('textarea').press('Control+Enter');
  await expect(comment.locator('.feed__body')).toHaveText('Обсудили поставку плитки и сроки');
  const comments = await call<{ kind: string; body: string }[]>(shell, 'comments.list', {
    clientId: id,
  });
  expect(comments).toEqual([
    expect.objectContaining({ kind: 'call', body: 'Обсудили поставку плитки и сроки' }),
  ]);

  // Edit the phone, see the change in the feed, restore the old phone from there.
  await card.edit('phone', '+7 912 000-00-00');
  await expect(card.field('phone')).toContainText('+7 912 000-00-00');
  const phoneChange = card.feed().locator('.history__change[data-field="phone"]').first();
  await expect(phoneChange.locator('.history__old')).toHaveText('+7 912 345-67-89');
  await expect(phoneChange.locator('.history__new')).toHaveText('+7 912 000-00-00');
  await expect(phoneChange).toContainText('Петров');
  await phoneChange.getByRole('button', { name: ru.cardx.feed.restore }).click();
  await expect(card.field('phone').locator('.field__value')).toHaveText('+7 912 345-67-89');
  expect((await get()).phone).toBe('+7 912 345-67-89');

  // Filter chips: calls only, then field changes only.
  await card.chip(ru.cardx.filter.call).click();
  await expect(card.comments()).toHaveCount(1);
  await expect(card.feed().locator('.history__change')).toHaveCount(0);
  await card.chip(ru.cardx.filter.changes).click();
  await expect(card.comments()).toHaveCount(0);
  await expect(card.feed().locator('.history__change[data-field="phone"]')).toHaveCount(2);
  await card.chip(ru.cardx.filter.all).click();

  // History tab: the card as of a moment before any edit, read-only.
  await card.tab(ru.cardx.tabs.history).click();
  await expect(card.change('custom.area').first()).toContainText('Площадь, м²');
  // The moment typed as a user would: the day, then the time to the second.
  const [asOfDay, asOfTime] = localInput(before).split('T') as [string, string];
  await page.locator('input[name="asOfDate"]').fill(asOfDay);
  await page.locator('input[name="asOfTime"]').fill(asOfTime);
  await page.getByRole('button', { name: ru.cardx.asOf.show }).click();
  await expect(card.banner('as-of')).toContainText('Карточка на');
  await expect(card.custom('area').locator('.field__value')).toHaveText(ru.card.empty);
  await expect(card.field('managerId').locator('.field__value')).toHaveText(ru.card.empty);
  await expect(card.field('phone').getByRole('button')).toHaveCount(0);
  await card.banner('as-of').getByRole('button', { name: ru.cardx.asOf.close }).click();
  await expect(card.banner('as-of')).toHaveCount(0);
  await expect(card.custom('area').locator('.field__value')).toHaveText('125,5');

  // Lost needs a reason: the API refuses without one; on the card the reason is asked at once.
  const refused = (await shell.call('clients.update', { id, patch: { stage: 'lost' } })) as {
    ok: boolean;
  };
  expect(refused.ok).toBe(false);
  const reasons = await call<{ label: string }[]>(shell, 'lostReasons.list', {});
  const reason = reasons[1]?.label ?? '';
  await card.field('stage').locator('.field__value').click();
  await card.field('stage').locator('select[name="stage"]').selectOption('lost');
  await card.field('stage').locator('select[name="lostReason"]').selectOption({ label: reason });
  await expect(page.getByTestId('stage-badge')).toHaveText(ru.stages.lost);
  await expect(card.field('lostReason')).toContainText(reason);
  stored = await get();
  expect(stored.stage).toBe('lost');
  expect(stored.lostReason).toBe(reason);

  // Delete the comment (with a confirm).
  await card.tab(ru.cardx.tabs.feed).click();
  await card.comments().first().getByRole('button', { name: ru.cardx.feed.delete }).click();
  await card.confirm().getByRole('button', { name: ru.cardx.confirm.yes }).click();
  await expect(card.comments()).toHaveCount(0);

  // To the trash and back.
  await page.locator('.card__top').getByRole('button', { name: ru.cardx.trash.delete }).click();
  await expect(card.confirm()).toContainText('Иванова Мария');
  await card.confirm().getByRole('button', { name: ru.cardx.confirm.yes }).click();
  await expect(card.banner('trash')).toContainText(ru.cardx.trash.banner);
  await expect(card.field('phone').getByRole('button')).toHaveCount(0);
  expect((await get()).deletedAt).not.toBeNull();
  const list = await call<{ total: number }>(shell, 'clients.list', {});
  expect(list.total).toBe(0);
  await card.banner('trash').getByRole('button', { name: ru.cardx.trash.restore }).click();
  await expect(card.banner('trash')).toHaveCount(0);
  expect((await get()).deletedAt).toBeNull();
  await expect(card.field('phone').locator('button.field__value')).toBeVisible();
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`card screens in ${lang}`, async ({ page, shell, clients, card }) => {
    await call(shell, 'settings.set', {
      language: lang,
      userName: lang === 'ru' ? 'Петров' : 'Peters',
    });
    const managerId = await seedFields(shell, lang === 'ru');
    const isRu = lang === 'ru';
    const client = await call<StoredClient>(shell, 'clients.create', {
      name: isRu ? 'Иванова Мария' : 'Mary Ivanova',
      company: isRu ? 'Салон «Лилия»' : 'Lily Salon',
      phone: '+7 912 345-67-89',
      email: 'maria@liliya.ru',
      stage: 'regular',
      managerId,
      custom: { area: 84, tier: isRu ? 'Опт' : 'Wholesale' },
    });
    const id = client.id;
    // A moment after the creation and before any change: the shell's clock moves on a
    // second (no sleeping), that second is the moment, and another second passes.
    const before = secondOf(await shell.advanceClock(1000));
    await shell.advanceClock(1000);
    await call(shell, 'clients.update', {
      id,
      patch: { phone: '+7 912 000-00-00', custom: { budget: 12345678 } },
    });
    const notes = isRu
      ? [
          [
            'call',
            'Позвонила сама, спрашивала про новую коллекцию плитки. Перезвонить в пятницу.',
            'offer',
          ],
          ['meeting', 'Встреча в салоне: посмотрели образцы, понравилась серия «Море».', null],
          ['note', 'Любит звонки после 18:00.', null],
        ]
      : [
          ['call', 'She called about the new tile collection. Call back on Friday.', 'offer'],
          ['meeting', 'Met at the salon: looked at samples, liked the "Sea" series.', null],
          ['note', 'Prefers calls after 6 pm.', null],
        ];
    for (const [kind, body, touch] of notes) {
      await call(shell, 'comments.add', { clientId: id, kind, body, touch });
    }
    await call(shell, 'clients.update', { id, patch: { note: notes[2]?.[1] ?? '' } });

    await clients.open();
    await clients.row(client.name).getByRole('link').click();
    await expect(card.comments()).toHaveCount(3);
    await expect(card.tab(t.cardx.tabs.feed)).toHaveAttribute('aria-selected', 'true');
    await expect(card.custom('budget').locator('.field__value')).toHaveText(
      isRu ? /^123\s456,78\s₽$/ : /^₽123,456\.78$/,
    );
    await page.screenshot({ path: `test-results/screens/card-feed-${lang}.png`, fullPage: true });

    await card.tab(t.cardx.tabs.history).click();
    await expect(card.change('phone').filter({ hasText: '→' })).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/card-history-${lang}.png`,
      fullPage: true,
    });

    // The moment typed as a user would: the day, then the time to the second.
    const [asOfDay, asOfTime] = localInput(before).split('T') as [string, string];
    await page.locator('input[name="asOfDate"]').fill(asOfDay);
    await page.locator('input[name="asOfTime"]').fill(asOfTime);
    await page.getByRole('button', { name: t.cardx.asOf.show }).click();
    await expect(card.banner('as-of')).toBeVisible();
    await expect(card.field('phone').locator('.field__value')).toHaveText('+7 912 345-67-89');
    await page.screenshot({ path: `test-results/screens/card-asof-${lang}.png`, fullPage: true });
  });
}
