/**
 * Issue 11's done-when: a 1C-style Windows-1251 file with duplicates inside it, bad cells and
 * `.рф` addresses goes through the wizard; the groups are shown with every row and decided in
 * the UI; the figures add up at the check and in the result; no card mixes two rows; the rows
 * with a bad cell are there with that field empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import type { ClientCardPage } from './pages/client-card-page';
import type { ClientsPage } from './pages/clients-page';
import { ImportPage } from './pages/import-page';

const HEADER = 'Код;Наименование;ИНН;Телефон;E-mail;Дата рождения;Адрес;Менеджер';
const PEOPLE = [
  'Волкова Елена',
  'Морозов Андрей',
  'Лебедева Наталья',
  'Соколов Дмитрий',
  'Павлова Ирина',
  'Фёдоров Сергей',
  'Егорова Светлана',
  'Никитин Алексей',
  'Захарова Юлия',
  'Белов Максим',
  'Тихонова Дарья',
  'Комаров Роман',
  'Голубева Ксения',
  'Киселев Артём',
  'Виноградова Полина',
  'Богданов Илья',
  'Медведева Алина',
  'Жуков Константин',
  'Шубина Вера',
  'Громов Павел',
  'Карпова Маргарита',
  'Афанасьев Глеб',
  'Власова Таисия',
  'Мельников Степан',
  'Денисова Ангелина',
  'Гусев Тимофей',
  'Титова Ева',
  'Кудрявцев Марк',
  'Баранова Злата',
  'Куликов Лев',
  'Алексеева Софья',
  'Степанов Ярослав',
  'Яковлева Варвара',
  'Сорокин Матвей',
  'Сергеева Милана',
  'Романов Остап',
];

/** Rows 2–37 of the export: spreadsheet row number → the row's cells. */
function exportRows(): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  let person = 0;
  for (let row = 2; row <= 37; row += 1) {
    const code = String(row - 1).padStart(9, '0');
    const name = PEOPLE[person++]!;
    const n = String(row).padStart(2, '0');
    const day = String((row % 28) + 1).padStart(2, '0');
    rows.set(row, [
      code,
      name,
      '',
      `+7 900 100-20-${n}`,
      `client${n}@mail.ru`,
      `${day}.03.1980`,
      'Москва',
      'Петров',
    ]);
  }
  const set = (row: number, cells: string[]) => rows.set(row, cells);
  set(2, [
    '000000001',
    'ООО «Вектор»',
    '7701234567',
    '+7 (495) 123-45-67',
    'info@vector.ru',
    '',
    'Москва, ул. Ленина, 1',
    'Петров',
  ]);
  set(3, [
    '000000002',
    'Иванова Мария Петровна',
    '',
    '8 (912) 345-67-89',
    'maria@mail.ru',
    '31.12.1985',
    'Екатеринбург',
    'Петров',
  ]);
  set(4, [
    '000000003',
    'Сидоров Пётр',
    '',
    '+7 900 111-22-33',
    'c1@пример.рф',
    '05.03.1990',
    'Тула',
    'Сидорова',
  ]);
  set(6, [
    '000000005',
    'Петрова Анна',
    '',
    '8 900 333 44 55',
    'имя@почта.рф',
    '14.02.1979',
    'Омск',
    'Петров',
  ]);
  set(7, [
    '000000006',
    'АО «Тандер»',
    '2310031475',
    '8 (861) 210-98-10',
    'tander@magnit.ru',
    '',
    'Краснодар',
    'Петров',
  ]);
  set(8, [
    '000000007',
    'Степанова Ольга Викторовна',
    '',
    '8 (912) 700-00-07',
    'stepanova@mail.ru',
    '07.07.1977',
    'Пермь',
    'Сидорова',
  ]);
  set(12, [
    '000000011',
    'Кузнецов Игорь',
    '',
    '8 912 555-12-12',
    'igor@kuznetsov.ru',
    '02.01.1988',
    'Самара',
    'Петров',
  ]);
  set(15, [
    '000000014',
    'Смирнова Ольга',
    '',
    '8 912 ABC-00-41',
    'olga.smirnova@mail.ru',
    '12.04.1982',
    'Москва',
    'Петров',
  ]);
  set(18, [
    '000000017',
    'Орлов Пётр',
    '',
    '+7 900 000-00-17',
    'orlov@пример.рф',
    '31.02.1985',
    'Тверь',
    'Сидорова',
  ]);
  set(20, [
    '000000019',
    'Иванов Иван',
    '',
    '+7 900 000-00-19',
    'ivan@@mail',
    '01.01.1980',
    'Тула',
    'Петров',
  ]);
  set(25, [
    '000000024',
    'Кузнецов Игорь Петрович',
    '',
    '+7 (912) 555-12-12',
    '',
    '',
    'Самара, ул. Мира, 5',
    'Петров',
  ]);
  set(30, [
    '000000007',
    'ООО «СтройМаркет»',
    '6658123456',
    '+7 (343) 300-30-30',
    'info@stroymarket.ru',
    '',
    'Екатеринбург',
    'Сидорова',
  ]);
  return rows;
}

function onecFile(dir: string): string {
  const lines = [HEADER, ...[...exportRows().values()].map((cells) => cells.join(';'))];
  const file = path.join(dir, 'Контрагенты.csv');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1251'));
  return file;
}

/** The four figures add up to the rows in the file. */
async function addsUp(wizard: ImportPage, prefix: 'count' | 'result'): Promise<number[]> {
  const keys =
    prefix === 'count'
      ? (['create', 'update', 'skip', 'invalid', 'total'] as const)
      : (['inserted', 'updated', 'skipped', 'invalid', 'total'] as const);
  const [a, b, c, d, total] = await wizard.figures(prefix, keys);
  expect(a! + b! + c! + d!).toBe(total);
  return [a!, b!, c!, d!, total!];
}

async function openCard(
  page: Page,
  clients: ClientsPage,
  card: ClientCardPage,
  name: string,
): Promise<void> {
  await page.locator('.rail').getByRole('link', { name: ru.nav.clients }).click();
  await clients.search().fill(name);
  await clients.row(name).getByRole('link').click();
  await expect(card.field('name')).toContainText(name);
}

async function fieldText(card: ClientCardPage, field: string): Promise<string> {
  return (await card.field(field).locator('.field__value').innerText()).trim();
}

test('a 1C export with duplicates, bad cells and .рф addresses, through the wizard', async ({
  page,
  shell,
  clients,
  card,
}, testInfo) => {
  test.setTimeout(60_000);
  const t = ru.imp;
  await callOk(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(ru.nav.import);
  await wizard.chooseFile(onecFile(testInfo.outputPath('1c')));
  await expect(wizard.fact('encoding')).toHaveText('Windows-1251');
  await expect(wizard.fact('rows')).toHaveText('36');
  await wizard.press(t.preview.next);

  // Mapping: suggested from 1C's headers; a bad value is left empty by default, except in the
  // name and the keys; the phone column is switched to "leave it empty" too.
  await expect(wizard.fieldOf('Наименование')).toHaveValue('name');
  await expect(wizard.fieldOf('Код')).toHaveValue('externalId');
  await expect(wizard.fieldOf('ИНН')).toHaveValue('taxId');
  await expect(wizard.badCellOf('Дата рождения')).toHaveValue('blank');
  await expect(wizard.badCellOf('Телефон')).toHaveValue('skip');
  await expect(wizard.mappingRow('Наименование')).toContainText(t.mapping.badCellFixed);
  await wizard.badCellOf('Телефон').selectOption('blank');
  await wizard.press(t.mapping.check);

  // Check: two groups, every row of each shown; nothing can run before they are decided.
  await expect(wizard.step('check')).toBeVisible();
  await expect(wizard.groups().locator('.imp-group')).toHaveCount(2);
  await expect(wizard.groupRows(8).locator('td.imp-num')).toHaveText(['8', '30']);
  await expect(wizard.groupRows(8).nth(0)).toContainText('Степанова Ольга Викторовна');
  await expect(wizard.groupRows(8).nth(1)).toContainText('ООО «СтройМаркет»');
  await expect(wizard.groupRows(8).nth(1)).toContainText('info@stroymarket.ru');
  await expect(wizard.group(8)).toContainText(t.groups.keys.externalId);
  await expect(wizard.groupRows(12).locator('td.imp-num')).toHaveText(['12', '25']);
  await expect(wizard.group(12)).toContainText(t.groups.keys.phone);
  await expect(wizard.runButton()).toBeDisabled();
  await expect(wizard.runWhy()).toHaveText(
    'Чтобы импортировать, выберите, что делать с 2 группами совпадающих строк.',
  );
  expect(await addsUp(wizard, 'count')).toEqual([34, 0, 0, 2, 36]);

  // Keep the first row of every group, then merge the two Кузнецов rows.
  await wizard.chooseForAll('first');
  await expect(wizard.count('skip')).toHaveText('2');
  await expect(wizard.runWhy()).toBeHidden();
  await wizard.choiceFor('12, 25').selectOption('merge');
  await expect(wizard.groupRows(12).nth(1)).toContainText(t.groups.outcomes.merge);
  await expect(page.getByTestId('import-updating')).toBeHidden();
  expect(await addsUp(wizard, 'count')).toEqual([33, 1, 1, 1, 36]);
  await expect(wizard.detail('byChoice')).toContainText('1');
  await expect(wizard.detail('merged')).toContainText('1');
  await expect(wizard.detail('blanked')).toContainText('2');
  const blanked = wizard.errors().filter({ hasText: t.check.errors.blanked });
  await expect(blanked).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/import-1c-check-ru.png', fullPage: true });

  await expect(wizard.runButton()).toHaveText('Импортировать 34 строки');
  await wizard.runButton().click();
  await expect(wizard.result('total')).toHaveText('36');
  expect(await addsUp(wizard, 'result')).toEqual([33, 1, 1, 1, 36]);
  await page.screenshot({ path: 'test-results/screens/import-1c-done-ru.png', fullPage: true });

  // No card mixes two rows: Степанова is herself, and the company with her code is not there.
  await openCard(page, clients, card, 'Степанова Ольга Викторовна');
  expect(await fieldText(card, 'externalId')).toBe('000000007');
  expect(await fieldText(card, 'email')).toBe('stepanova@mail.ru');
  expect(await fieldText(card, 'phone')).toBe('8 (912) 700-00-07');
  await clientsShowNothing(page, clients, 'СтройМаркет');
  // The Кузнецов rows were merged because the user chose so: the later row over the earlier.
  await openCard(page, clients, card, 'Кузнецов Игорь Петрович');
  expect(await fieldText(card, 'phone')).toBe('+7 (912) 555-12-12');
  expect(await fieldText(card, 'email')).toBe('igor@kuznetsov.ru');
  expect(await fieldText(card, 'address')).toBe('Самара, ул. Мира, 5');
  // The rows with a bad cell are there, that field empty, the rest imported.
  await openCard(page, clients, card, 'Смирнова Ольга');
  expect(await fieldText(card, 'phone')).toBe(ru.card.empty);
  expect(await fieldText(card, 'email')).toBe('olga.smirnova@mail.ru');
  await openCard(page, clients, card, 'Орлов Пётр');
  expect(await fieldText(card, 'birthday')).toBe(ru.card.empty);
  expect(await fieldText(card, 'email')).toBe('orlov@пример.рф');
  await openCard(page, clients, card, 'Петрова Анна');
  expect(await fieldText(card, 'email')).toBe('имя@почта.рф');
  await openCard(page, clients, card, 'ООО «Вектор»');
  expect(await fieldText(card, 'kind')).toBe(ru.kinds.company);
  // The row with a bad e-mail (a key) was left out whole: its code finds nobody.
  await clientsShowNothing(page, clients, '000000019');
});

async function clientsShowNothing(page: Page, clients: ClientsPage, query: string) {
  await page.locator('.rail').getByRole('link', { name: ru.nav.clients }).click();
  await clients.search().fill(query);
  await expect(page.getByText(ru.clients.clearSearch)).toBeVisible();
}

async function callOk(shell: Shell, channel: string, input: unknown): Promise<void> {
  const body = (await shell.call(channel, input)) as { ok: boolean };
  expect(body.ok).toBe(true);
}
