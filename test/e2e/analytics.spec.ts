/**
 * The analytics dashboard on a workbook whose figures were worked out by hand: the ABC×XYZ
 * matrix, a drill-down to the clients of one cell and on to a card, the moves between windows,
 * retention; the empty state; screenshots in Russian and English.
 *
 * Dates are relative to the real today (the window ends today), every sale on the 1st of a
 * month. Month 0 is this month, −1 the one before, and so on. Roubles:
 *
 *   Орлов   10 000 in each of months −11…0 (and −12) → 120 000, CV 0     → AX
 *   Котов   22 000 in months −10 and 0   → 44 000, CV of [22, 0 × 9, 22] → AY
 *   Лосева   4 000 in months −3…0        → 16 000, CV 0                  → BX
 *   Соколов  3 500 in months −6 and 0    →  7 000, CV of [3.5, 0 × 5, 3.5] → BY
 *   Рябова   8 000 once, month −5                                         → BZ
 *   Фомина   5 000 once, month −2                                         → CZ
 *   Маслова  3 000 once, month −1 (and 5 000 in each of months −23…−12)   → CZ
 *   Гусева  30 000 once, month −14: only in the previous window
 *   Нулев   no sales
 *   Новиков  1 000 once, month 0: the only client of manager Сидорова (all others: Петров) → CZ
 *
 * ABC over 204 000: Орлов (0 % before him) and Котов (59 %) are A; Лосева (80.4 %), Рябова
 * (88.2 %) and Соколов (92.2 %) are B; Фомина (95.6 %), Маслова (98 %) and Новиков are C.
 * Among Сидорова's clients alone, Новиков is A (AZ); among Петров's, CZ holds two.
 * The previous window: Маслова 60 000 (AX), Гусева 30 000 (AZ), Орлов 10 000 (BZ); so Орлов
 * moved up, Маслова slid down, Гусева is gone and six are new.
 * Retention (active = bought within 365 days): active at the start Орлов, Маслова, Гусева (3);
 * at the end all but Гусева and Нулев (8); new 6 → (8 − 6) ÷ 3 = 67 %.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { AnalyticsPage, plain } from './pages/analytics-page';

const rub = (n: number) => Math.round(n * 100);
/** Kopecks as the Russian page writes money, spaces made plain. */
const money = (kopecks: number) =>
  plain(
    new Intl.NumberFormat('ru-RU', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
    }).format(kopecks / 100),
  );
const pad = (n: number) => String(n).padStart(2, '0');

/** The 1st of the month `offset` months from this one, local time. */
function month(offset: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-01`;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

type Ids = Record<string, string>;

async function seed(shell: Shell): Promise<Ids> {
  const petrov = await call<{ id: string }>(shell, 'managers.add', { name: 'Петров' });
  const sidorova = await call<{ id: string }>(shell, 'managers.add', { name: 'Сидорова' });
  const people: [string, string, [number, number][]][] = [
    ['Алексей Орлов', 'OR-1', range(-12, 0).map((m) => [m, 10_000])],
    ['Борис Котов', 'KO-2', [-10, 0].map((m) => [m, 22_000])],
    ['Вера Лосева', 'LO-3', range(-3, 0).map((m) => [m, 4_000])],
    ['Дмитрий Соколов', 'SO-4', [-6, 0].map((m) => [m, 3_500])],
    ['Галина Рябова', 'RY-5', [[-5, 8_000]]],
    ['Елена Фомина', 'FO-6', [[-2, 5_000]]],
    [
      'Зоя Маслова',
      'MA-7',
      [...range(-23, -12).map((m): [number, number] => [m, 5_000]), [-1, 3_000]],
    ],
    ['Жанна Гусева', 'GU-8', [[-14, 30_000]]],
    ['Игорь Нулев', 'NU-9', []],
    ['Олег Новиков', 'NO-10', [[0, 1_000]]],
  ];
  const ids: Ids = {};
  for (const [name, externalId, sales] of people) {
    const client = await call<{ id: string }>(shell, 'clients.create', {
      name,
      externalId,
      managerId: name === 'Олег Новиков' ? sidorova.id : petrov.id,
    });
    ids[name] = client.id;
    for (const [m, amount] of sales) {
      await call(shell, 'sales.add', { clientId: client.id, date: month(m), amount: rub(amount) });
    }
  }
  return ids;
}

test('the matrix, its drill-down and retention match the workbook worked out by hand', async ({
  page,
  shell,
}) => {
  await call(shell, 'settings.set', { language: 'ru' });
  const ids = await seed(shell);
  const analytics = new AnalyticsPage(page, shell);
  await analytics.open();
  await expect(page.getByRole('heading', { level: 1, name: ru.ana.title })).toBeVisible();

  expect(await analytics.matrixCounts()).toEqual({
    AX: 1,
    AY: 1,
    AZ: 0,
    BX: 1,
    BY: 1,
    BZ: 1,
    CX: 0,
    CY: 0,
    CZ: 3,
  });
  // A clients' share of revenue: (120 000 + 44 000) ÷ 204 000 = 80.4 %.
  expect(plain(await analytics.figure('matrix').textContent())).toBe('80 %');
  expect(plain(await analytics.figure('retention').textContent())).toBe('67 %');

  await analytics.cell('CZ').click();
  await expect(analytics.drill()).toBeVisible();
  await expect(analytics.drill().getByRole('heading')).toHaveText('Клиенты CZ');
  await expect(analytics.drill().getByTestId('ana-drill-count')).toHaveText('3 клиента');
  // By revenue in the window, largest first.
  await expect(analytics.drillNames()).toHaveText(['Елена Фомина', 'Зоя Маслова', 'Олег Новиков']);
  const maslova = analytics.drill().getByTestId('ana-drill-row').nth(1);
  await expect(maslova).toContainText('MA-7');
  await expect(maslova).toContainText('Петров');
  await expect(maslova).toContainText(money(rub(3_000)));

  // A name opens the card; Back returns to the dashboard with the same list open.
  await analytics.drill().getByRole('link', { name: 'Зоя Маслова' }).click();
  await expect(page).toHaveURL(new RegExp(`#/clients/${ids['Зоя Маслова']}$`));
  await expect(page.locator('.field[data-field="name"]')).toContainText('Зоя Маслова');
  await page.goBack();
  await expect(analytics.drill().getByTestId('ana-drill-row')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(analytics.drill()).toBeHidden();

  // Moves between the windows: Орлов up (BZ → AX), Маслова down (AX → CZ).
  const migration = analytics.card('migration');
  await expect(analytics.figure('migration')).toHaveText(/↑\s*1\s*↓\s*1/);
  await migration.getByRole('button', { name: '1 клиент поднялся' }).click();
  await expect(analytics.drillNames()).toHaveText(['Алексей Орлов']);
  await expect(analytics.drill()).toContainText('BZ → AX');
  await migration.getByTestId('ana-move-none>AY').click();
  await expect(analytics.drillNames()).toHaveText(['Борис Котов']);
  // The panel covers the right of the page, the "gone" column too: close it first.
  await analytics.drill().getByRole('button', { name: ru.ana.drill.close }).click();
  await migration.getByTestId('ana-move-AZ>none').click();
  await expect(analytics.drillNames()).toHaveText(['Жанна Гусева']);
  await expect(analytics.drill()).toContainText(`AZ → ${ru.ana.migration.gone}`);
  await page.keyboard.press('Escape');

  // The manager filter recomputes every figure among that manager's clients.
  await analytics.manager().selectOption({ label: 'Сидорова' });
  await expect(analytics.cell('AZ')).toHaveAttribute('data-count', '1');
  expect(Object.values(await analytics.matrixCounts()).reduce((s, n) => s + n)).toBe(1);
  await analytics.cell('AZ').click();
  await expect(analytics.drillNames()).toHaveText(['Олег Новиков']);
  await page.keyboard.press('Escape');
  await analytics.manager().selectOption({ label: 'Петров' });
  await expect(analytics.cell('CZ')).toHaveAttribute('data-count', '2');
  await expect(analytics.cell('AZ')).toHaveAttribute('data-count', '0');
});

/**
 * Beyond the hand-worked seed: Гусева returns 950,19 ₽ in month −1 (she bought nothing in this
 * window); Даров, a client since month −30, buys 5 000 in month −2 and returns it all in month −1
 * (no revenue: no class); two comments written before a manager was chosen (by the computer's
 * user) and four by Петров.
 */
async function extras(shell: Shell, ids: Ids): Promise<void> {
  const gusev = ids['Жанна Гусева']!;
  await call(shell, 'sales.add', { clientId: gusev, date: month(-1), amount: -rub(950.19) });
  const darov = await call<{ id: string }>(shell, 'clients.create', { name: 'Пётр Даров' });
  await call(shell, 'sales.add', { clientId: darov.id, date: month(-30), amount: rub(1_000) });
  await call(shell, 'sales.add', { clientId: darov.id, date: month(-2), amount: rub(5_000) });
  await call(shell, 'sales.add', { clientId: darov.id, date: month(-1), amount: -rub(5_000) });
  const comment = (clientId: string) =>
    call(shell, 'comments.add', { clientId, kind: 'call', body: 'Звонок' });
  await comment(darov.id);
  await comment(darov.id);
  const managers = await call<{ id: string; name: string }[]>(shell, 'managers.list', {});
  const petrov = managers.find((m) => m.name === 'Петров')!;
  await call(shell, 'settings.set', { currentManagerId: petrov.id });
  for (let i = 0; i < 4; i++) await comment(ids['Алексей Орлов']!);
}

test('one figure for one thing: the cards agree on revenue, new clients and managers', async ({
  page,
  shell,
}) => {
  await call(shell, 'settings.set', { language: 'ru' });
  const ids = await seed(shell);
  await extras(shell, ids);
  const analytics = new AnalyticsPage(page, shell);
  await analytics.open();

  // The window's revenue: 204 000 − 950,19 (Гусева's return) + 5 000 − 5 000 (Даров's).
  const revenue = money(rub(203_049.81));
  await expect(analytics.figure('revenue').locator('[title]')).toHaveAttribute(
    'title',
    /203\s049,81/,
  );
  expect(plain(await analytics.figure('revenue').textContent())).toBe('203 050 ₽');
  // The one channel ("not set") holds all of it, returns included.
  const channel = analytics.card('channels').locator('tbody tr');
  await expect(channel).toHaveCount(1);
  expect(plain(await channel.locator('td').nth(2).textContent())).toBe(revenue);
  // Buyers: the 8 of the seed and Даров.
  await expect(analytics.card('revenue')).toContainText('Покупателей: 9');

  // Даров has no revenue in the window: in no cell of the matrix.
  expect((await analytics.matrixCounts()).CZ).toBe(3);
  await expect(analytics.card('matrix')).toContainText(
    ru.ana.matrix.unclassed.replace('{{n}}', '3'),
  );

  // New clients: six on the retention card, the same six on the migration card.
  await expect(analytics.card('retention')).toContainText('новых: 6');
  await expect(analytics.card('migration').getByTestId('ana-migration-rest')).toHaveText(
    'Остались в классе: 0, новых: 6, вернулись: 0, ушли: 1.',
  );

  // Managers: Петров is the most active, with the figure his row shows; the computer's user is
  // no manager: its comments count under "no manager".
  const managers = analytics.card('managers');
  const petrovRow = managers.locator('tbody tr').filter({ hasText: 'Петров' });
  const perDay = plain(await petrovRow.locator('td').nth(4).textContent());
  expect(perDay).toBe('0,01');
  await expect(managers).toContainText(`Активнее всех: Петров (${perDay})`);
  const noManager = managers.locator('tbody tr').filter({ hasText: ru.ana.noManager });
  await expect(noManager.locator('td').nth(4)).toHaveText('0,01');
  await expect(managers.locator('tbody tr')).toHaveCount(3);
});

test('with no sales it says what to do and leads to Import', async ({ page, shell }) => {
  await call(shell, 'settings.set', { language: 'ru' });
  const analytics = new AnalyticsPage(page, shell);
  await analytics.open();
  const empty = page.getByTestId('ana-empty');
  await expect(empty).toContainText(ru.ana.empty.body);
  await empty.getByRole('link', { name: ru.ana.empty.import }).click();
  await expect(page).toHaveURL(/#\/import$/);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`analytics screens in ${lang}`, async ({ page, shell }) => {
    await call(shell, 'settings.set', { language: lang });
    await extras(shell, await seed(shell));
    const analytics = new AnalyticsPage(page, shell);
    await analytics.open();
    await expect(page.getByRole('heading', { level: 1, name: t.ana.title })).toBeVisible();
    await expect(analytics.card('revenue').locator('canvas')).toBeVisible();
    await analytics.fitViewport();
    await page.screenshot({ path: `test-results/screens/analytics-${lang}.png`, fullPage: true });
    for (const card of ['revenue', 'matrix', 'migration', 'channels', 'managers']) {
      await analytics.card(card).screenshot({
        path: `test-results/screens/analytics-${card}-${lang}.png`,
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await analytics.cell('BX').click();
    await expect(analytics.drill().getByTestId('ana-drill-row')).toHaveCount(1);
    await page.screenshot({ path: `test-results/screens/analytics-drill-${lang}.png` });
  });
}
