/**
 * Sales and Plan vs potential on the client card: two sales typed with a comma, their total
 * and the monthly chart, a negative quantity refused under its field, edit and delete; then a
 * plan and potential for a category and the ratios they give; screenshots in both languages.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

interface Ok<T> {
  ok: true;
  data: T;
}
interface StoredSale {
  id: string;
  amount: number;
  margin: number | null;
  quantity: number | null;
  category: string | null;
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

/** Any kind of space as one plain space, so "20 000,00 ₽" matches Intl's narrow spaces. */
function spaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

async function openCard(page: Page, shell: Shell, id: string): Promise<void> {
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await page.goto(`${shell.origin}/#/clients/${id}`);
  await page.getByTestId('reminders').waitFor();
}

function field(form: Locator, name: string): Locator {
  return form.locator(`input[name="${name}"]`);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(async () => spaces((await locator.textContent()) ?? '')).toBe(text);
}

test('sales on the card: add, total, chart, refusal, edit, delete; plan vs potential', async ({
  page,
  shell,
}) => {
  const s = ru.sales;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const client = await call<{ id: string }>(shell, 'clients.create', { name: 'Иванова Мария' });
  await openCard(page, shell, client.id);
  await page.getByRole('tab', { name: s.tabs.sales }).click();
  const tab = page.getByTestId('sales-tab');
  await expect(tab).toContainText(s.table.empty);

  const addSale = async (amount: string, quantity: string, docNo: string) => {
    await tab.getByRole('button', { name: `+ ${s.add}` }).click();
    const form = tab.getByRole('form', { name: s.form.newTitle });
    await expect(field(form, 'date')).toHaveValue(shownDay(day(0)));
    await field(form, 'amount').fill(amount);
    await field(form, 'category').fill('Плитка');
    await field(form, 'product').fill('Керамогранит 60×60');
    await field(form, 'quantity').fill(quantity);
    await field(form, 'docNo').fill(docNo);
    await form.getByRole('button', { name: s.form.add }).click();
    return form;
  };

  await expect(await addSale('12 500,50', '10', 'РН-1')).toBeHidden();
  await expect(await addSale('7 499,50', '4,5', 'РН-2')).toBeHidden();
  await expectText(tab.getByTestId('sales-total'), '20 000,00 ₽');
  await expectText(tab.getByTestId('sales-count'), '2');
  // No margin entered on either sale: unknown, not «0,00 ₽».
  await expectText(tab.getByTestId('sales-margin'), '—');
  await expect(tab.locator('.sales-chart canvas')).toBeVisible();
  const rows = tab.getByRole('table', { name: s.table.label }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const stored = await call<StoredSale[]>(shell, 'sales.list', { clientId: client.id });
  expect(stored.map((x) => x.amount).sort()).toEqual([1250050, 749950]);
  expect(stored.every((x) => x.category === 'Плитка')).toBe(true);

  // A negative quantity: the API refuses it, the message stands under the quantity.
  const refused = await addSale('100', '-2', 'РН-3');
  const quantity = field(refused, 'quantity');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await quantity.getAttribute('aria-describedby')) ?? '';
  await expect(refused.locator(`[id="${describedBy}"]`)).toBeVisible();
  await expect(refused.locator(`[id="${describedBy}"]`)).not.toBeEmpty();
  // A text that is not an amount is explained before anything is sent.
  await field(refused, 'quantity').fill('1');
  await field(refused, 'amount').fill('двенадцать');
  await refused.getByRole('button', { name: s.form.add }).click();
  await expect(refused).toContainText(s.form.notAmount);
  await refused.getByRole('button', { name: s.form.cancel }).click();
  await expect(rows).toHaveCount(2);

  // Edit the second sale: its margin; then delete it after the question.
  const second = rows.filter({ hasText: 'РН-2' });
  await second.getByRole('button', { name: s.edit }).click();
  const edit = tab.getByRole('form', { name: s.form.editTitle });
  await expect(field(edit, 'amount')).toHaveValue('7499,50');
  await field(edit, 'margin').fill('1 500');
  await edit.getByRole('button', { name: s.form.save }).click();
  await expect(edit).toBeHidden();
  await expectText(tab.getByTestId('sales-margin'), '1 500,00 ₽');
  await second.getByRole('button', { name: s.delete }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: ru.cardx.confirm.yes }).click();
  await expect(rows).toHaveCount(1);
  await expectText(tab.getByTestId('sales-total'), '12 500,50 ₽');
  // Put it back for the plan below: 20 000,00 ₽ of «Плитка» this year.
  await expect(await addSale('7 499,50', '4,5', 'РН-2')).toBeHidden();
  await expectText(tab.getByTestId('sales-total'), '20 000,00 ₽');

  // Another category, with no plan or potential: 50 000 ₽ of «Прочее» today.
  await call(shell, 'sales.add', {
    clientId: client.id,
    date: day(0),
    amount: 50_000_00,
    category: 'Прочее',
  });

  // Plan vs potential for the current year.
  await page.getByRole('tab', { name: s.tabs.plan }).click();
  const plan = page.getByTestId('plan-tab');
  await expect(plan.getByRole('combobox', { name: s.plan.kind })).toHaveValue('year');
  await expect(plan.getByRole('spinbutton', { name: s.plan.year })).toHaveValue(
    String(new Date().getFullYear()),
  );
  const form = plan.getByRole('form', { name: s.plan.formTitle });
  await field(form, 'category').fill('Плитка');
  await field(form, 'potential').fill('100 000');
  await field(form, 'plan').fill('40 000');
  await form.getByRole('button', { name: s.plan.set }).click();
  await expect(form.getByRole('status')).toBeVisible();
  const row = plan.locator('tr[data-category="Плитка"]');
  await expectText(row.getByTestId('penetration'), '20 %');
  await expectText(row.getByTestId('fulfilment'), '50 %');
  await expectText(row.getByTestId('headroom'), '80 000,00 ₽');
  // The total compares like with like: «Плитка» only (20 000 of 100 000 and of a 40 000 plan),
  // not all 70 000 of sales against one category's potential; and it says so.
  const other = plan.locator('tr[data-category="Прочее"]');
  await expectText(other.locator('td').nth(2), '50 000,00 ₽');
  const total = plan.getByTestId('plan-total');
  await expectText(total.locator('td').nth(0), '100 000,00 ₽');
  await expectText(total.locator('td').nth(2), '20 000,00 ₽');
  await expectText(total.getByTestId('penetration'), '20 %');
  await expectText(total.getByTestId('fulfilment'), '50 %');
  await expectText(
    plan.getByTestId('plan-total-note'),
    spaces(
      `${s.plan.totalOver.replace('{{counted}}', '1').replace('{{rows}}', '2')} ${s.plan.totalOutside.replace('{{amount}}', '50 000,00 ₽')}`,
    ),
  );

  // Another period has none of it.
  await plan.getByRole('combobox', { name: s.plan.kind }).selectOption('quarter');
  const q = Math.floor(new Date().getMonth() / 3) + 1;
  await plan.getByRole('combobox', { name: s.plan.quarter }).selectOption(String(q === 1 ? 2 : 1));
  await expect(row).toBeHidden();
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`sales screenshots in ${lang}`, async ({ page, shell }) => {
    const isRu = lang === 'ru';
    await call(shell, 'settings.set', { language: lang, userName: isRu ? 'Петров' : 'Peters' });
    const client = await call<{ id: string }>(shell, 'clients.create', {
      name: isRu ? 'Иванова Мария' : 'Mary Johnson',
      company: isRu ? 'Салон «Лилия»' : 'Lily Salon',
      stage: 'regular',
    });
    const year = new Date().getFullYear();
    const cats = isRu ? ['Плитка', 'Сантехника', 'Затирка'] : ['Tiles', 'Plumbing', 'Grout'];
    const months = new Date().getMonth() + 1;
    for (let m = 1; m <= months; m += 1) {
      const date = `${year}-${String(m).padStart(2, '0')}-1${m % 9}`;
      await call(shell, 'sales.add', {
        clientId: client.id,
        date: date > day(0) ? day(0) : date,
        amount: 800_000 + ((m * 373_100) % 1_500_000),
        margin: 200_000 + ((m * 91_700) % 300_000),
        category: cats[m % 2],
        product: isRu ? `Позиция ${m}` : `Item ${m}`,
        quantity: m + 2,
        docNo: `${isRu ? 'РН' : 'INV'}-${100 + m}`,
      });
    }
    const set = (category: string, potential: number, plan: number) =>
      call(shell, 'plans.set', {
        clientId: client.id,
        category,
        period: String(year),
        potential,
        plan,
      });
    await set(cats[0] ?? '', 12_000_000, 6_000_000);
    await set(cats[1] ?? '', 9_000_000, 4_000_000);
    await set(cats[2] ?? '', 3_000_000, 1_000_000);
    // A category bought without a plan or potential: outside the total, and the note says so.
    await call(shell, 'sales.add', {
      clientId: client.id,
      date: day(0),
      amount: 1_250_000,
      category: isRu ? 'Клей' : 'Adhesive',
    });

    await openCard(page, shell, client.id);
    await page.getByRole('tab', { name: t.sales.tabs.sales }).click();
    await expect(page.locator('.sales-chart canvas')).toBeVisible();
    await page.getByRole('button', { name: `+ ${t.sales.add}` }).click();
    await page.screenshot({ path: `test-results/screens/sales-sales-${lang}.png`, fullPage: true });
    await page.getByRole('tab', { name: t.sales.tabs.plan }).click();
    await expect(page.locator('.plan__table tbody tr')).toHaveCount(5);
    await expect(page.getByTestId('plan-total-note')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/sales-plan-${lang}.png`, fullPage: true });
  });
}
