/**
 * Export as a user does it: clients made through the shell, the list opened, Export → a
 * format, the downloaded file read back: the BOM, the header in the UI language, the rows in
 * the list's order; Excel re-read with exceljs; the menu worked from the keyboard; the growth
 * table exported too; busy and failure shown beside the button; screenshots of the open menu
 * in Russian and English.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { ExportMenuPart } from './pages/export-menu';

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function seed(shell: Shell, lang: 'ru' | 'en') {
  await call(shell, 'settings.set', { language: lang });
  const petrov = await call<{ id: string }>(shell, 'managers.add', { name: 'Петров Олег' });
  await call(shell, 'clients.create', {
    name: 'Иванова Мария',
    company: 'Салон «Лилия»; "центр"',
    phone: '+7 912 345-67-89',
    email: 'maria@liliya.ru',
    stage: 'regular',
    managerId: petrov.id,
  });
  await call(shell, 'clients.create', { name: 'Smith John', company: 'Smith & Sons' });
  await call(shell, 'clients.create', { name: 'Ёлкин Пётр', stage: 'advocate' });
}

/** The header labels of the list's default columns, as the screen names them, and the id. */
function defaultHeader(t: typeof ru): string[] {
  return [
    t.fields.name,
    t.fields.company,
    t.fields.phone,
    t.fields.email,
    t.fields.stage,
    t.fields.managerId,
    t.list.related.lastPurchase,
    t.fields.updatedAt,
    t.fields.id,
  ];
}

function parseCsv(text: string, delimiter: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

test('exports the client list to CSV and Excel with the columns on screen', async ({
  page,
  shell,
  clients,
}) => {
  await seed(shell, 'ru');
  await clients.open();
  await clients.createClient(
    { name: 'Борисов Антон', phone: '8 900 111-22-33' },
    ru.clients.new,
    ru.newClient.save,
  );
  await expect(page).toHaveURL(/#\/clients\/[0-9a-f-]+$/);
  await clients.open();
  await expect(page.getByTestId('clients-count')).toHaveText('4 клиента');
  const menu = new ExportMenuPart(page, ru.exp.button);

  const csv = await menu.export(ru.exp.csvUtf8);
  expect(csv.name).toMatch(/^Клиенты-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'), ';');
  expect(rows[0]).toEqual(defaultHeader(ru));
  const onScreen = await page.locator('.cell--name a').allTextContents();
  expect(onScreen).toHaveLength(4);
  expect(rows.slice(1).map((r) => r[0])).toEqual(onScreen);
  expect(rows.find((r) => r[0] === 'Иванова Мария')?.slice(0, 6)).toEqual([
    'Иванова Мария',
    'Салон «Лилия»; "центр"',
    '+7 912 345-67-89',
    'maria@liliya.ru',
    ru.stages.regular,
    'Петров Олег',
  ]);

  // Only what the search finds.
  await clients.search().fill('лилия');
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  const found = await menu.export(ru.exp.xlsx);
  expect(found.name).toMatch(/^Клиенты-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(found.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(defaultHeader(ru));
  expect(sheet.getCell('A2').value).toBe('Иванова Мария');
  expect(sheet.getCell('C2').value).toBe('+7 912 345-67-89');
  expect(sheet.getCell('H2').value).toBeInstanceOf(Date);

  // From the keyboard: ↓ opens on Excel, End goes to Windows-1251, Enter saves it.
  await clients.search().fill('');
  await expect(page.getByTestId('clients-count')).toHaveText('4 клиента');
  await menu.button().focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.menu().getByRole('menuitem', { name: ru.exp.xlsx })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.menu().getByRole('menuitem', { name: ru.exp.csv1251 })).toBeFocused();
  const legacy = await menu.saved(page.keyboard.press('Enter'));
  expect(legacy.bytes[0]).not.toBe(0xef);
  const legacyRows = parseCsv(iconv.decode(legacy.bytes, 'win1251'), ';');
  expect(legacyRows[0]).toEqual(defaultHeader(ru));
  expect(legacyRows.map((r) => r[0])).toContain('Ёлкин Пётр');
  await expect(menu.button()).toBeFocused();

  // Escape closes the menu and gives the focus back.
  await page.keyboard.press('ArrowDown');
  await expect(menu.menu()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu.menu()).toBeHidden();
  await expect(menu.button()).toBeFocused();
});

test('exports the growth table to Excel with money and shares as numbers', async ({
  page,
  shell,
}) => {
  await call(shell, 'settings.set', { language: 'ru' });
  const year = new Date().getFullYear();
  const { id } = await call<{ id: string }>(shell, 'clients.create', { name: 'Анна Смирнова' });
  await call(shell, 'sales.add', {
    clientId: id,
    date: `${year}-01-15`,
    amount: 30_000_000,
    category: 'Краска',
  });
  await call(shell, 'plans.set', {
    clientId: id,
    category: 'Краска',
    period: String(year),
    plan: 40_000_000,
    potential: 100_000_000,
  });
  await page.goto(shell.url);
  await page.locator('.rail a[href="#/growth"]').click();
  await expect(page.getByTestId('growth-row')).toHaveCount(1);
  const panel = page.locator('.growth-panel');
  const menu = new ExportMenuPart(page, ru.exp.button, panel);
  const file = await menu.export(ru.exp.xlsx);
  expect(file.name).toMatch(new RegExp(`^Точки роста ${year}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell('B1').value).toBe(ru.growth.table.client);
  expect(sheet.getCell('B2').value).toBe('Анна Смирнова');
  expect(sheet.getCell('C2').value).toBe(1_000_000);
  expect(sheet.getCell('E2').value).toBe(300_000);
  expect(sheet.getCell('F2').value).toBe(0.3);
  expect(sheet.getCell('G2').value).toBe(0.75);
  expect(sheet.getCell('H2').value).toBe(700_000);
  await menu.open();
  await page.screenshot({ path: 'test-results/screens/export-menu-growth-ru.png' });
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the export menu in ${lang}`, async ({ page, shell, clients }) => {
    await seed(shell, lang);
    await clients.open();
    const menu = new ExportMenuPart(page, t.exp.button);
    await menu.open();
    await expect(menu.menu().getByRole('menuitem')).toHaveText([
      t.exp.xlsx,
      t.exp.csvUtf8,
      t.exp.csv1251,
    ]);
    await page.screenshot({ path: `test-results/screens/export-menu-${lang}.png` });
    const csv = await menu.saved(
      menu.menu().getByRole('menuitem', { name: t.exp.csvUtf8 }).click(),
    );
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'), lang === 'ru' ? ';' : ',');
    expect(rows[0]).toEqual(defaultHeader(t));
    expect(rows.find((r) => r[0] === 'Ёлкин Пётр')?.[4]).toBe(t.stages.advocate);
  });
}

test('shows that it is busy, and why an export failed, beside the button', async ({
  page,
  shell,
  clients,
}) => {
  await seed(shell, 'ru');
  await clients.open();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/export.clients', async (route) => {
    await held;
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'Диск полон.' } }),
    });
  });
  const menu = new ExportMenuPart(page, ru.exp.button);
  await menu.open();
  await menu.menu().getByRole('menuitem', { name: ru.exp.xlsx }).click();
  const busy = page.getByRole('button', { name: ru.exp.busy });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(page.getByRole('alert')).toHaveText(
    ru.exp.failed.replace('{{message}}', 'Диск полон.'),
  );
  await expect(menu.button()).toBeEnabled();
});
