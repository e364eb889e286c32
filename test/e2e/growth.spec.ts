/**
 * Growth points, as the owner reads them: clients ranked by headroom with hand-computed
 * numbers, a manager filter, plans copied to next year with growth, a potential computed from a
 * portrait field, a refusal under its input; then screenshots in Russian and English.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

const YEAR = new Date().getFullYear();
/** Roubles to kopecks. */
const rub = (n: number) => n * 100;

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Money as the page writes it, with any kind of space made plain for comparison. */
const plain = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
function money(kopecks: number, lang: 'ru' | 'en'): string {
  return plain(
    new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ru-RU', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
    }).format(kopecks / 100),
  );
}

interface World {
  anna: string;
  boris: string;
  vera: string;
  petrov: string;
}

/**
 * Three clients with plans this year. Anna (Petrov): paint bought for 300k of a 1M potential,
 * plan 400k; primer potential 200k, never bought; tools for 146 611,30, no plan. Boris (Petrov):
 * paint 100k of 500k, plan 200k. Vera (Sidorova): primer 50k of 650k, plan 100k. Headroom: Anna
 * 900k, Vera 600k, Boris 400k. Gleb (Sidorova) bought tools for 20k, with no plan or potential.
 */
async function seed(shell: Shell): Promise<World> {
  const petrov = await call<{ id: string }>(shell, 'managers.add', { name: 'Петров' });
  const sidorova = await call<{ id: string }>(shell, 'managers.add', { name: 'Сидорова' });
  const client = async (name: string, managerId: string) =>
    (await call<{ id: string }>(shell, 'clients.create', { name, managerId })).id;
  const anna = await client('Анна Смирнова', petrov.id);
  const boris = await client('Борис Котов', petrov.id);
  const vera = await client('Вера Лосева', sidorova.id);
  const sale = (clientId: string, amount: number, category: string) =>
    call(shell, 'sales.add', { clientId, date: `${YEAR}-01-15`, amount: rub(amount), category });
  const plan = (clientId: string, category: string, plan: number | null, potential: number) =>
    call(shell, 'plans.set', {
      clientId,
      category,
      period: String(YEAR),
      plan: plan === null ? null : rub(plan),
      potential: rub(potential),
    });
  await sale(anna, 300_000, 'Краска');
  await plan(anna, 'Краска', 400_000, 1_000_000);
  await plan(anna, 'Грунт', null, 200_000);
  await sale(boris, 100_000, 'Краска');
  await plan(boris, 'Краска', 200_000, 500_000);
  await sale(vera, 50_000, 'Грунт');
  await plan(vera, 'Грунт', 100_000, 650_000);
  // Sales with no plan or potential: Anna's tools, and Gleb, who buys only tools.
  await call(shell, 'sales.add', {
    clientId: anna,
    date: `${YEAR}-02-15`,
    amount: 146_611_30,
    category: 'Инструмент',
  });
  const gleb = await client('Глеб Орлов', sidorova.id);
  await sale(gleb, 20_000, 'Инструмент');
  return { anna, boris, vera, petrov: petrov.id };
}

/** The Growth points screen as a user sees it. */
class GrowthPage {
  constructor(readonly page: Page) {}

  async open(shell: Shell, title: string): Promise<void> {
    await this.page.goto(shell.url);
    await this.page.locator('.rail a[href="#/growth"]').click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('growth-row');
  }

  async names(): Promise<string[]> {
    return this.rows().locator('[data-col="name"]').allTextContents();
  }

  async cell(row: Locator, col: string): Promise<string> {
    return plain((await row.locator(`[data-col="${col}"]`).textContent()) ?? '');
  }

  tool(testId: 'copy-plans' | 'potential-from-field'): Locator {
    return this.page.getByTestId(testId);
  }
}

test('ranks clients by headroom, filters by manager, runs the plan tools', async ({
  page,
  shell,
}) => {
  const t = ru;
  await call(shell, 'settings.set', { language: 'ru' });
  const world = await seed(shell);
  const growth = new GrowthPage(page);
  await growth.open(shell, t.growth.title);

  await expect(growth.rows()).toHaveCount(3);
  expect(await growth.names()).toEqual(['Анна Смирнова', 'Вера Лосева', 'Борис Котов']);

  // Anna: potential 1.2M, plan 400k, actual 300k (her tools, with no plan, left out: like with
  // like); share of wallet 300k ÷ 1.2M = 25 %; fulfilment 300k ÷ 400k = 75 %; headroom 700k
  // up-sale (paint) + 200k cross-sale (primer). Gleb, with no plan or potential, is not listed.
  const top = growth.rows().first();
  expect(await growth.cell(top, 'potential')).toBe(money(rub(1_200_000), 'ru'));
  expect(await growth.cell(top, 'plan')).toBe(money(rub(400_000), 'ru'));
  expect(await growth.cell(top, 'actual')).toBe(money(rub(300_000), 'ru'));
  expect(await growth.cell(top, 'penetration')).toBe('25 %');
  expect(await growth.cell(top, 'fulfilment')).toBe('75 %');
  expect(await growth.cell(top, 'headroom')).toBe(money(rub(900_000), 'ru'));
  expect(await growth.cell(top, 'upSale')).toBe(money(rub(700_000), 'ru'));
  expect(await growth.cell(top, 'crossSale')).toBe(money(rub(200_000), 'ru'));
  expect(plain((await top.locator('[data-col="actual"]').getAttribute('title')) ?? '')).toBe(
    plain(
      t.growth.table.actualHint
        .replace('{{all}}', money(446_611_30, 'ru'))
        .replace('{{outside}}', money(146_611_30, 'ru')),
    ),
  );
  await expect(top.getByRole('link', { name: 'Анна Смирнова' })).toHaveAttribute(
    'href',
    `#/clients/${world.anna}`,
  );

  // Totals: potential 2.35M, plan 700k, actual 450k, headroom 1.9M; fulfilment 450k ÷ 700k.
  const total = page.getByTestId('growth-total');
  expect(await growth.cell(total, 'potential')).toBe(money(rub(2_350_000), 'ru'));
  expect(await growth.cell(total, 'actual')).toBe(money(rub(450_000), 'ru'));
  expect(await growth.cell(total, 'headroom')).toBe(money(rub(1_900_000), 'ru'));
  expect(await growth.cell(total, 'fulfilment')).toBe('64 %');
  expect(await growth.cell(total, 'penetration')).toBe('19 %');
  // What the figures leave out, said under the table: Anna's tools and Gleb's.
  expect(plain((await page.getByTestId('growth-outside').textContent()) ?? '')).toBe(
    plain(
      t.growth.table.outsideClients_one
        .replace('{{amount}}', money(166_611_30, 'ru'))
        .replace('{{count}}', '1'),
    ),
  );

  // Petrov's clients only.
  await page.getByLabel(t.growth.filters.manager).selectOption(world.petrov);
  await expect(growth.rows()).toHaveCount(2);
  expect(await growth.names()).toEqual(['Анна Смирнова', 'Борис Котов']);
  await page.getByLabel(t.growth.filters.manager).selectOption('');
  await expect(growth.rows()).toHaveCount(3);

  // Copy this year's plans to the next with +10 %.
  const copy = growth.tool('copy-plans');
  await expect(copy.getByLabel(t.growth.copy.from)).toHaveValue(String(YEAR));
  await expect(copy.getByLabel(t.growth.copy.to)).toHaveValue(String(YEAR + 1));
  await copy.getByLabel(t.growth.copy.growth).fill('10');
  await copy.getByRole('button', { name: t.growth.copy.run }).click();
  await expect(copy.getByTestId('tool-result')).toHaveText(
    t.growth.copy.done.replace('{{count}}', '4'),
  );
  const plans = await call<{ category: string; period: string; plan: number | null }[]>(
    shell,
    'plans.list',
    { clientId: world.anna },
  );
  const next = plans.find((p) => p.period === String(YEAR + 1) && p.category === 'Краска');
  expect(next?.plan).toBe(rub(440_000));

  // A potential from the shop area: 120 m² × 50 ₽ per m² a month × 12 months = 72 000 ₽.
  await call(shell, 'fields.define', { key: 'area', label: 'Площадь, м²', type: 'number' });
  await call(shell, 'clients.update', { id: world.anna, patch: { custom: { area: 120 } } });
  await page.reload();
  const potential = growth.tool('potential-from-field');
  await potential.getByLabel(t.growth.potential.field).selectOption({ label: 'Площадь, м²' });
  await potential.getByLabel(t.growth.potential.category).fill('Обои');
  await potential.getByLabel(t.growth.potential.perUnit).fill('50');
  // A period the server refuses: its message under the period input, nothing changed.
  await potential.getByLabel(t.growth.potential.period).fill(`${YEAR}-13`);
  await potential.getByRole('button', { name: t.growth.potential.run }).click();
  await expect(potential.getByRole('alert')).toContainText('2026-Q2');
  await expect(potential.getByLabel(t.growth.potential.period)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await potential.getByLabel(t.growth.potential.period).fill(String(YEAR));
  await potential.getByRole('button', { name: t.growth.potential.run }).click();
  await expect(potential.getByTestId('tool-result')).toHaveText(
    t.growth.potential.done.replace('{{count}}', '1'),
  );
  const after = await call<{ category: string; period: string; potential: number | null }[]>(
    shell,
    'plans.list',
    { clientId: world.anna },
  );
  const wallpaper = after.find((p) => p.period === String(YEAR) && p.category === 'Обои');
  expect(wallpaper?.potential).toBe(rub(72_000));
  // The ranking refreshed: Anna's potential grew by 72 000 ₽, and so did her headroom.
  expect(await growth.cell(growth.rows().first(), 'potential')).toBe(money(rub(1_272_000), 'ru'));
});

test('an empty period says what to do next', async ({ page, shell }) => {
  await call(shell, 'settings.set', { language: 'ru' });
  const growth = new GrowthPage(page);
  await growth.open(shell, ru.growth.title);
  await expect(page.getByTestId('growth-empty')).toContainText(ru.growth.empty.title);
  await expect(page.getByTestId('growth-empty').getByRole('link')).toHaveText(
    ru.growth.empty.toClients,
  );
  await expect(growth.tool('potential-from-field')).toContainText(ru.growth.potential.noFields);
  await page.screenshot({ path: 'test-results/screens/growth-empty-ru.png', fullPage: true });
});

for (const lang of ['ru', 'en'] as const) {
  test(`growth screens in ${lang}`, async ({ page, shell }) => {
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    await seed(shell);
    const growth = new GrowthPage(page);
    await growth.open(shell, t.growth.title);
    await expect(growth.rows()).toHaveCount(3);
    await expect(page.getByTestId('growth-chart').locator('canvas')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/growth-${lang}.png`, fullPage: true });
    await page.getByRole('button', { name: t.growth.chart.byCategory }).click();
    await page.getByTestId('growth-chart').screenshot({
      path: `test-results/screens/growth-chart-category-${lang}.png`,
    });
  });
}
