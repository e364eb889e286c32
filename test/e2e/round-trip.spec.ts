/**
 * Export and import agree, as a user finds out: every column of the list shown, the list
 * exported as CSV (UTF-8 and Windows-1251) and Excel, each file imported back through the
 * wizard: every column mapped by itself, no errors, nothing to change, the cards as they were;
 * then a card edited after the export, and the file puts back just that. Screenshots of the
 * check and the result in Russian and English.
 */
import fs from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { ExportMenuPart } from './pages/export-menu';
import { ImportPage } from './pages/import-page';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as
    { ok: true; data: T } | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

const CUSTOM = [
  { key: 'about', label: 'О себе', type: 'text' },
  { key: 'area', label: 'Площадь', type: 'number' },
  { key: 'limit', label: 'Лимит', type: 'money' },
  { key: 'since', label: 'Клиент с', type: 'date' },
  { key: 'vip', label: 'VIP', type: 'boolean' },
  { key: 'size', label: 'Размер', type: 'choice', options: ['S', 'M', 'L, XL'] },
  { key: 'brands', label: 'Бренды', type: 'multichoice', options: ['Краски, лаки', 'Клей'] },
] as const;

/** Clients filling every standard field and every custom field type; each has a code. */
async function seed(shell: Shell, lang: 'ru' | 'en'): Promise<string[]> {
  await call(shell, 'settings.set', { language: lang });
  for (const field of CUSTOM) await call(shell, 'fields.define', field);
  const manager = await call<{ id: string }>(shell, 'managers.add', { name: 'Петров Олег' });
  const clients = [
    {
      kind: 'person',
      name: 'Степанова Анна',
      company: 'Салон «Лилия»',
      position: 'Директор; совладелец',
      phone: '+7 (901) 872-17-84',
      phone2: '8 912 345-67-89',
      email: 'anna@example.ru',
      address: 'Москва, ул. Ленина, д. 1',
      birthday: '1985-03-14',
      channel: 'Рекомендация',
      managerId: manager.id,
      stage: 'regular',
      tags: ['опт', 'розница, сети'],
      note: '=SUM(A1) — «не формула»',
      externalId: '000123',
      taxId: '7707083893',
      custom: {
        about: '@главная',
        area: 42.5,
        limit: 123456,
        since: '2020-02-29',
        vip: true,
        size: 'L, XL',
        brands: ['Краски, лаки', 'Клей'],
      },
    },
    {
      kind: 'company',
      name: 'ООО «СтройМаркет»',
      phone: '+7 343 222-33-44',
      stage: 'lost',
      lostReason: 'Дорого',
      externalId: 'К-7',
      custom: { area: -3, limit: -5, vip: false },
    },
    { name: 'Ёлкин Пётр', stage: 'won_back', externalId: '7', custom: { area: 1234567.25 } },
  ];
  const ids: string[] = [];
  for (const client of clients) {
    ids.push((await call<{ id: string }>(shell, 'clients.create', client)).id);
  }
  return ids;
}

async function cards(shell: Shell, ids: string[]) {
  return Promise.all(ids.map((id) => call<unknown>(shell, 'clients.get', { id })));
}

function save(testInfo: TestInfo, name: string, bytes: Buffer): string {
  const file = testInfo.outputPath(name);
  fs.mkdirSync(testInfo.outputPath(), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the list exported as CSV and Excel imports back with no changes (${lang})`, async ({
    page,
    shell,
    clients,
  }, testInfo) => {
    test.setTimeout(180_000);
    const ids = await seed(shell, lang);
    const before = await cards(shell, ids);
    const batches = (await call<unknown[]>(shell, 'history.batches', {})).length;

    // Every column of the catalogue on screen, then each format of the menu.
    await clients.open();
    await page.getByRole('button', { name: t.list.columns }).click();
    const picker = page.getByRole('dialog', { name: t.list.columns });
    const boxes = picker.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).check();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: 'Бренды' })).toBeVisible();
    const menu = new ExportMenuPart(page, t.exp.button);
    const files = [];
    for (const item of [t.exp.csvUtf8, t.exp.csv1251, t.exp.xlsx]) {
      const saved = await menu.export(item);
      files.push(save(testInfo, `${files.length}-${saved.name}`, saved.bytes));
    }

    const wizard = new ImportPage(page, shell, t.imp);
    const mapped: Record<string, string> = {
      [t.fields.kind]: 'kind',
      [t.fields.name]: 'name',
      [t.fields.company]: 'company',
      [t.fields.position]: 'position',
      [t.fields.phone]: 'phone',
      [t.fields.phone2]: 'phone2',
      [t.fields.email]: 'email',
      [t.fields.address]: 'address',
      [t.fields.birthday]: 'birthday',
      [t.fields.channel]: 'channel',
      [t.fields.managerId]: 'manager',
      [t.fields.stage]: 'stage',
      [t.fields.lostReason]: 'lostReason',
      [t.fields.tags]: 'tags',
      [t.fields.note]: 'note',
      [t.fields.externalId]: 'externalId',
      [t.fields.taxId]: 'taxId',
      ...Object.fromEntries(CUSTOM.map((f) => [f.label, `custom.${f.key}`])),
    };
    const steps = page.getByRole('navigation', { name: t.imp.steps.label });
    await wizard.open(t.nav.import);
    for (const [i, file] of files.entries()) {
      // The wizard keeps its state inside the app: back to its first step for the next file.
      if (i > 0) await steps.getByRole('button', { name: t.imp.steps.file }).click();
      await wizard.chooseFile(file);
      await expect(wizard.fact('rows')).toHaveText(String(ids.length));
      await wizard.press(t.imp.preview.next);
      await expect(wizard.step('mapping')).toBeVisible();
      for (const [column, field] of Object.entries(mapped)) {
        await expect(wizard.fieldOf(column), column).toHaveValue(field);
      }
      await wizard.press(t.imp.mapping.check);
      // The check reads the whole sheet in the import worker: seconds on a busy machine.
      await expect(wizard.step('check')).toBeVisible({ timeout: 20_000 });
      await expect(wizard.count('create')).toHaveText('0');
      await expect(wizard.count('update')).toHaveText('0');
      await expect(wizard.count('invalid')).toHaveText('0');
      await expect(wizard.count('skip')).toHaveText(String(ids.length));
      await expect(page.getByTestId('import-detail-unchanged')).toHaveText(
        t.imp.check.details.unchanged.replace('{{n}}', String(ids.length)),
      );
      await expect(wizard.errors()).toHaveCount(0);
      await expect(page.getByTestId('import-nothing')).toHaveText(t.imp.check.nothingChanged);
      await expect(wizard.runButton()).toBeDisabled();
      if (i === 0) {
        await page.screenshot({ path: `test-results/screens/import-unchanged-check-${lang}.png` });
      }
      expect(await cards(shell, ids)).toEqual(before);
    }
    expect(await call<unknown[]>(shell, 'history.batches', {})).toHaveLength(batches);

    // A phone changed after the export: the Excel file puts back just that one.
    await call(shell, 'clients.update', { id: ids[0], patch: { phone: '+7 900 000-00-00' } });
    await steps.getByRole('button', { name: t.imp.steps.file }).click();
    await wizard.chooseFile(files[2]!);
    await wizard.press(t.imp.preview.next);
    await wizard.press(t.imp.mapping.check);
    await expect(wizard.count('update')).toHaveText('1');
    await expect(wizard.count('skip')).toHaveText(String(ids.length - 1));
    await wizard.runButton().click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await expect(wizard.result('inserted')).toHaveText('0');
    await expect(wizard.result('updated')).toHaveText('1');
    await expect(wizard.result('skipped')).toHaveText(String(ids.length - 1));
    await expect(page.getByTestId('import-detail-unchanged')).toHaveText(
      t.imp.check.details.unchanged.replace('{{n}}', String(ids.length - 1)),
    );
    await page.screenshot({ path: `test-results/screens/import-result-unchanged-${lang}.png` });
    const after = await cards(shell, ids);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toEqual({ ...(before[0] as object), updatedAt: expect.any(String) });

    // The card shows the phone as it was exported.
    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}`;
    }, ids[0]!);
    await expect(page.getByText('+7 (901) 872-17-84').first()).toBeVisible();
  });
}
