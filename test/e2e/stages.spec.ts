/**
 * Stages from sales, end to end: the rules in Settings, stages that moved by themselves when
 * sales were written, the list's "stage by sales" column and filter, and the bulk action that
 * applies it (a hand-set stage included) as one batch the journal shows; screenshots in both
 * languages.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as
    { ok: true; data: T } | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local `YYYY-MM-DD` this many days ago. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Three clients: one left to the ladder, one set by hand, one without purchases. */
async function seed(shell: Shell) {
  const ladder = await call<{ id: string }>(shell, 'clients.create', { name: 'Альфа Строй' });
  const hand = await call<{ id: string }>(shell, 'clients.create', { name: 'Бета Декор' });
  await call(shell, 'clients.create', { name: 'Гамма Плитка' });
  // A person chose "first purchase" for Beta on the card before any sale was recorded.
  await call(shell, 'clients.update', { id: hand.id, patch: { stage: 'first_purchase' } });
  return { ladder: ladder.id, hand: hand.id };
}

async function addSales(shell: Shell, clientId: string, days: number[]) {
  for (const d of days) {
    await call(shell, 'sales.add', { clientId, date: daysAgo(d), amount: 250_000 });
  }
}

test('stage rules in Settings, stages by sales in the list, applied in bulk and undone', async ({
  page,
  shell,
  clients,
}) => {
  const t = ru;
  const { ladder, hand } = await seed(shell);

  // Settings: regular from three purchase days within six months.
  await page.goto(shell.url);
  await page.getByRole('link', { name: t.nav.settings }).click();
  const section = page.getByRole('region', { name: t.stg.title });
  await expect(section.getByRole('checkbox', { name: t.stg.auto })).toBeChecked();
  await section.getByRole('spinbutton', { name: t.stg.regularDays }).fill('2');
  await section.getByRole('button', { name: t.stg.save }).click();
  // Two days make "repeat": the main process refuses, and says why beside the input.
  await expect(section.getByRole('alert')).toBeVisible();
  await section.getByRole('spinbutton', { name: t.stg.regularDays }).fill('3');
  await section.getByRole('spinbutton', { name: t.stg.regularMonths }).fill('6');
  await section.getByRole('button', { name: t.stg.save }).click();
  await expect(section.getByRole('status')).toHaveText(t.stg.saved);
  expect(await call(shell, 'stageRules.get', {})).toEqual({
    auto: true,
    regularDays: 3,
    regularMonths: 6,
  });

  // Sales come in: Alpha moves by itself; Beta, set by hand, keeps its stage.
  await addSales(shell, ladder, [100, 60, 20]);
  await addSales(shell, hand, [90, 30, 10]);

  await clients.open();
  await expect(clients.row('Альфа Строй').locator('.cell--stage')).toHaveText(t.stages.regular);
  await expect(clients.row('Бета Декор').locator('.cell--stage')).toHaveText(
    t.stages.first_purchase,
  );
  await page.getByRole('button', { name: t.list.columns }).click();
  await page
    .getByRole('dialog', { name: t.list.columns })
    .getByLabel(t.list.related.suggestedStage)
    .check();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: t.list.addFilter }).click();
  await page.locator('select[name="filter-field"]').selectOption('suggestedStage');
  await page.locator('select[name="filter-op"]').selectOption('notEmpty');
  await page.getByRole('button', { name: t.list.apply }).click();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await expect(clients.row('Бета Декор').locator('.cell--suggestedStage')).toHaveText(
    t.stages.regular,
  );

  // Apply the suggested stage to the selection, hand-set or not.
  await clients.row('Бета Декор').getByRole('checkbox').check();
  await page.locator('select[name="bulk-action"]').selectOption('applySuggestedStage');
  await page.getByRole('button', { name: 'Применить к 1' }).click();
  await expect(page.getByRole('status')).toContainText('изменён 1 клиент');
  await expect(page.getByTestId('clients-count')).toHaveText('0 клиентов');
  const beta = await call<{ stage: string; suggestedStage: string | null }>(shell, 'clients.get', {
    id: hand,
  });
  expect(beta).toMatchObject({ stage: 'regular', suggestedStage: null });

  // The journal shows the ladder's own moves and the bulk action; undo puts Beta back.
  await page.goto(`${shell.origin}/#/changes`);
  const batches = page.getByTestId('batch');
  const applied = batches.filter({ hasText: t.list.bulk.applySuggestedStage });
  await expect(batches.first()).toContainText(t.list.bulk.applySuggestedStage);
  // Alpha went up the ladder one sale at a time: first purchase, repeat, regular.
  await expect(batches.filter({ hasText: t.list.bulk.stageLadder })).toHaveCount(3);
  await applied.getByRole('button', { name: t.list.bulk.undo }).click();
  await expect(applied).toContainText(t.list.journal.undone);
  const undone = await call<{ stage: string }>(shell, 'clients.get', { id: hand });
  expect(undone.stage).toBe('first_purchase');
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`stages by sales screenshots in ${lang}`, async ({ page, shell, clients, card }) => {
    await call(shell, 'settings.set', { language: lang });
    const { ladder, hand } = await seed(shell);
    await addSales(shell, ladder, [300, 200, 120, 60, 20]);
    await addSales(shell, hand, [90, 30]);

    await page.goto(shell.url);
    await page.getByRole('link', { name: t.nav.settings }).click();
    const section = page.getByRole('region', { name: t.stg.title });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('spinbutton', { name: t.stg.regularDays })).toHaveValue('4');
    await section.screenshot({ path: `test-results/screens/settings-stages-${lang}.png` });

    await clients.open();
    await page.getByRole('button', { name: t.list.columns }).click();
    await page
      .getByRole('dialog', { name: t.list.columns })
      .getByLabel(t.list.related.suggestedStage)
      .check();
    await page.keyboard.press('Escape');
    await expect(clients.row('Бета Декор').locator('.cell--suggestedStage')).toHaveText(
      t.stages.repeat,
    );
    await clients.row('Бета Декор').getByRole('checkbox').check();
    await page.locator('select[name="bulk-action"]').selectOption('applySuggestedStage');
    await page.screenshot({ path: `test-results/screens/list-suggested-stage-${lang}.png` });

    await clients.row('Бета Декор').getByRole('link').click();
    await expect(page.getByTestId('suggested-stage')).toContainText(t.stages.repeat);
    await page.screenshot({ path: `test-results/screens/card-suggested-stage-${lang}.png` });
    await page
      .getByTestId('suggested-stage')
      .getByRole('button', { name: t.cardx.stage.apply })
      .click();
    await expect(page.getByTestId('stage-badge')).toHaveText(t.stages.repeat);
    await expect(page.getByTestId('suggested-stage')).toHaveCount(0);

    // Alpha's stage moved by itself: its feed says the sales did it.
    await page.getByRole('link', { name: t.card.back }).click();
    await clients.row('Альфа Строй').getByRole('link').click();
    await expect(page.getByTestId('stage-badge')).toHaveText(t.stages.regular);
    await expect(card.feed().locator('.history__change[data-field="stage"]').first()).toContainText(
      t.cardx.feed.bySales.split('(')[0]!.trim(),
    );
    await page.screenshot({ path: `test-results/screens/card-stage-by-sales-${lang}.png` });
  });
}
