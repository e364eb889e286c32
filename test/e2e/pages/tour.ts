/**
 * A realistic small workbook (managers, clients with long Russian names and companies, sales
 * over two years, plans, comments, reminders) and a tour of every page of the app, shared by
 * the accessibility and the screenshot specs so both see the same screens.
 */
import { expect, type Page } from '@playwright/test';
import type { Catalogue } from '../../../renderer/src/i18n/en';
import type { Shell } from '../fixtures';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

const PEOPLE = [
  ['Иванова Мария Сергеевна', 'Салон красоты «Лилия»', '+7 (903) 111-22-33', 'regular'],
  [
    'Петров Олег Владимирович',
    'ООО «Строймаркет Поволжье»',
    '+7 (900) 111-22-33',
    'first_purchase',
  ],
  ['Константинопольская Екатерина', 'ИП Константинопольская', '+7 (912) 345-67-89', 'prospect'],
  ['Сидорова Анна', null, '8 (343) 222-33-44', 'lost'],
  ['Кузнецов Игорь', 'ИП Кузнецов', '+7 (922) 765-43-21', 'advocate'],
  ['Smith John', 'Smith & Sons Trading Ltd', '+44 20 7946 0958', 'regular'],
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Seeds the workbook; resolves to the id of the richest card (Иванова). */
export async function seedDemo(shell: Shell, lang: 'ru' | 'en'): Promise<string> {
  await call(shell, 'settings.set', {
    language: lang,
    userName: lang === 'ru' ? 'Петров' : 'Peters',
  });
  const petrov = await call<{ id: string }>(shell, 'managers.add', { name: 'Петров Олег' });
  const sidorova = await call<{ id: string }>(shell, 'managers.add', { name: 'Сидорова Вера' });
  const today = new Date();
  const year = today.getFullYear();
  const ids: string[] = [];
  for (let i = 0; i < 36; i++) {
    const [name, company, phone, stage] = PEOPLE[i % PEOPLE.length]!;
    const created = await call<{ id: string }>(shell, 'clients.create', {
      name: i < PEOPLE.length ? name : `${name} ${i}`,
      company,
      phone,
      email: `client${i}@example.ru`,
      stage,
      managerId: i % 2 ? sidorova.id : petrov.id,
      ...(stage === 'lost' ? { lostReason: 'Цена' } : {}),
      birthday: `1985-${pad(today.getMonth() + 1)}-${pad(Math.min(28, today.getDate()))}`,
    });
    ids.push(created.id);
    for (let s = 0; s < (i % 4) + 1; s++) {
      const date = new Date(year, today.getMonth() - s * 3 - (i % 3), 10);
      if (date > today) continue;
      await call(shell, 'sales.add', {
        clientId: created.id,
        date: day(date),
        amount: (12_000 + i * 1_337 + s * 4_500) * 100,
        margin: (3_000 + i * 211) * 100,
        category: ['Краски', 'Грунтовки', 'Инструмент'][s % 3],
      });
    }
  }
  const first = ids[0]!;
  for (const [category, plan, potential] of [
    ['Краски', 400_000, 1_000_000],
    ['Грунтовки', 100_000, 200_000],
  ] as const) {
    for (const clientId of ids.slice(0, 8)) {
      await call(shell, 'plans.set', {
        clientId,
        category,
        period: String(year),
        plan: plan * 100,
        potential: potential * 100,
      });
    }
  }
  await call(shell, 'comments.add', {
    clientId: first,
    kind: 'call',
    body: 'Позвонила, просит прайс на грунтовки к понедельнику',
  });
  await call(shell, 'comments.add', {
    clientId: first,
    kind: 'note',
    body: 'Любит звонки после 18:00',
  });
  await call(shell, 'reminders.add', {
    clientId: first,
    title: 'Отправить прайс',
    due: day(today),
  });
  await call(shell, 'reminders.add', {
    clientId: ids[1],
    title: 'Перезвонить о заказе',
    due: day(today),
  });
  await call(shell, 'clients.update', { id: first, patch: { phone: '+7 (903) 111-22-44' } });
  return first;
}

export type PageName =
  | 'today'
  | 'clients'
  | 'trash'
  | 'journal'
  | 'card-feed'
  | 'card-sales'
  | 'card-plan'
  | 'card-history'
  | 'brief'
  | 'new-client'
  | 'columns'
  | 'analytics'
  | 'growth'
  | 'import-file'
  | 'import-preview'
  | 'import-mapping'
  | 'import-check'
  | 'settings'
  | 'workbook'
  | 'backups'
  | 'sync';

/** Goes to a route of the app by its hash, as the rail's links do. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    window.location.hash = r;
  }, route);
}

/**
 * Visits every page with the seeded data and calls `visit` on each once it shows its content.
 * `csvFile` is a small CSV of clients for the import steps.
 */
export async function tour(
  page: Page,
  shell: Shell,
  t: Catalogue,
  cardId: string,
  csvFile: string,
  visit: (name: PageName) => Promise<void>,
): Promise<void> {
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await expect(page.locator('.today h1')).toBeVisible();
  await expect(page.locator('.today').getByText(t.app.loading)).toHaveCount(0);
  await visit('today');

  await go(page, '#/clients');
  await expect(page.getByTestId('clients-count')).toContainText('36');
  await visit('clients');
  await page.getByRole('button', { name: t.list.columns }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('columns');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: t.clients.new }).click();
  await expect(page.getByRole('dialog').locator('input[name="name"]')).toBeVisible();
  await visit('new-client');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: t.list.trash }).click();
  await expect(page.getByText(t.list.trashEmpty)).toBeVisible();
  await visit('trash');

  await go(page, '#/changes');
  await expect(page.getByRole('heading', { name: t.list.journal.title })).toBeVisible();
  await visit('journal');

  await go(page, `#/clients/${cardId}`);
  const tabs = {
    feed: t.cardx.tabs.feed,
    sales: t.sales.tabs.sales,
    plan: t.sales.tabs.plan,
    history: t.cardx.tabs.history,
  };
  for (const [name, label] of Object.entries(tabs)) {
    await page.getByRole('tab', { name: label }).click();
    await expect(page.getByRole('tab', { name: label })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await visit(`card-${name}` as PageName);
  }
  await page.getByRole('link', { name: t.brief.open }).click();
  await expect(page.getByTestId('brief-figures')).toBeVisible();
  await visit('brief');

  await go(page, '#/analytics');
  await expect(page.locator('canvas').first()).toBeVisible();
  await visit('analytics');

  await go(page, '#/growth');
  await expect(page.getByRole('columnheader', { name: t.growth.table.crossSale })).toBeVisible();
  await visit('growth');

  await go(page, '#/import');
  await expect(page.getByTestId('import-step-file')).toBeVisible();
  await visit('import-file');
  await page.getByLabel(t.imp.file.input).setInputFiles(csvFile);
  await expect(page.getByTestId('import-step-preview')).toBeVisible();
  await visit('import-preview');
  await page.getByRole('button', { name: t.imp.preview.next, exact: true }).click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await visit('import-mapping');
  await page.getByRole('button', { name: t.imp.mapping.check, exact: true }).click();
  await expect(page.getByTestId('import-step-check')).toBeVisible();
  await visit('import-check');

  await go(page, '#/settings');
  await expect(page.getByRole('heading', { name: t.settings.title })).toBeVisible();
  await visit('settings');

  await go(page, '#/workbook');
  await expect(page.getByRole('heading', { name: t.wbk.title, level: 1 })).toBeVisible();
  await visit('workbook');

  await go(page, '#/workbook/backups');
  await expect(page.getByRole('heading', { name: t.bak.title, level: 1 })).toBeVisible();
  await visit('backups');

  await go(page, '#/sync');
  await expect(page.getByRole('heading', { name: t.sync.title, level: 1 })).toBeVisible();
  await visit('sync');
}

/** The CSV the import steps read. */
export const DEMO_CSV =
  'ФИО;Телефон;E-mail;Компания\r\nЗайцева Ольга;+7 (911) 000-11-22;olga@example.ru;Кафе «Уют»\r\nБелов Пётр;8 916 555 44 33;bad@@mail;\r\n';
