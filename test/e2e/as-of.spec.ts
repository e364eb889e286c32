/**
 * The card as of a past date belongs to its client: it is only read (no Restore link, no
 * comment box), and opening another card in the same window leaves it.
 */
import { ru } from '../../renderer/src/i18n/ru';
import { expect, secondOf, test, type Shell } from './fixtures';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as
    { ok: true; data: T } | { ok: false; error: unknown };
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

test('the card as of a date stays with its client and offers no Restore', async ({
  page,
  shell,
  clients,
  card,
}) => {
  const t = ru;
  const anna = await call<{ id: string }>(shell, 'clients.create', {
    name: 'Сидорова Анна',
    phone: '+7 912 345-67-89',
  });
  const oleg = await call<{ id: string }>(shell, 'clients.create', {
    name: 'Петров Олег',
    phone: '+7 900 111-22-33',
  });
  // A moment after the creation and before any change: the shell's clock moves on a
  // second (no sleeping), that second is the moment, and another second passes.
  const before = secondOf(await shell.advanceClock(1000));
  await shell.advanceClock(1000);
  for (const c of [anna, oleg]) {
    await call(shell, 'clients.update', { id: c.id, patch: { phone: '+7 999 000-00-00' } });
  }

  await clients.open();
  await clients.row('Сидорова Анна').getByRole('link').click();
  await card.tab(t.cardx.tabs.history).click();
  await expect(
    card.change('phone').getByRole('button', { name: t.cardx.feed.restore }),
  ).toBeVisible();
  // The moment typed as a user would: the day, then the time to the second.
  const [asOfDay, asOfTime] = localInput(before).split('T') as [string, string];
  await page.locator('input[name="asOfDate"]').fill(asOfDay);
  await page.locator('input[name="asOfTime"]').fill(asOfTime);
  await page.getByRole('button', { name: t.cardx.asOf.show }).click();
  await expect(card.banner('as-of')).toBeVisible();
  await expect(card.field('phone').locator('.field__value')).toHaveText('+7 912 345-67-89');
  // A past version is only read: no Restore link in its history or its feed, no comment box.
  await expect(page.getByRole('button', { name: t.cardx.feed.restore })).toHaveCount(0);
  await card.tab(t.cardx.tabs.feed).click();
  await expect(card.change('phone')).toBeVisible();
  await expect(page.getByRole('button', { name: t.cardx.feed.restore })).toHaveCount(0);
  await expect(page.locator('form.composer')).toHaveCount(0);

  // Another card opens in the same window (the desktop app does so from a notification):
  // it is shown as it is now, not Anna's past.
  await page.evaluate((id) => {
    window.location.hash = `#/clients/${id}`;
  }, oleg.id);
  await expect(card.field('name').locator('.field__value')).toHaveText('Петров Олег');
  await expect(card.banner('as-of')).toHaveCount(0);
  await expect(card.field('phone').locator('.field__value')).toHaveText('+7 999 000-00-00');
  await expect(page.locator('form.composer')).toBeVisible();
  // Back on Anna's card: today's card, the past view was left.
  await page.goBack();
  await expect(card.field('name').locator('.field__value')).toHaveText('Сидорова Анна');
  await expect(card.banner('as-of')).toHaveCount(0);
  await expect(card.field('phone').locator('.field__value')).toHaveText('+7 999 000-00-00');
});
