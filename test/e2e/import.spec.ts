/**
 * The import wizard: a Windows-1251 CSV with Russian headers from file to client cards; a
 * duplicate updated and the whole import undone; sales keyed by client code; files that cannot
 * be read; an Excel workbook's sheets; a long import cancelled with nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page, TestInfo } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { ImportPage } from './pages/import-page';

interface Ok<T> {
  ok: true;
  data: T;
}

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const body = (await shell.call(channel, input)) as Ok<T> | { ok: false; error: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** Writes a file into the test's own output folder and returns its path. */
function writeFile(testInfo: TestInfo, name: string, bytes: Buffer | string): string {
  const file = testInfo.outputPath(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

/** Any kind of space as one plain space, so "20 000,00 ₽" matches Intl's narrow spaces. */
function spaces(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Moves inside the app without reloading it (the wizard keeps its state meanwhile). */
async function goInApp(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

const CLIENTS_1251 = [
  'ФИО;Телефон;E-mail;Дата рождения;Код клиента;Менеджер;Комментарий',
  'Иванова Мария;8 (912) 345-67-89;maria@example.ru;31.12.1985;К-001;Петров;"Любит звонки; лучше после 18:00\r\nвторой этаж"',
  'Сидоров Пётр;+7 900 111-22-33;petr@example.ru;05.03.1990;К-002;Петров;',
  'Кузнецова Анна;8 343 222-33-44;anna@@example;14.02.1979;К-003;Сидорова;',
].join('\r\n');

test('a Windows-1251 CSV with Russian headers: preview, mapping, check, import', async ({
  page,
  shell,
  clients,
  card,
}, testInfo) => {
  const t = ru.imp;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const file = writeFile(testInfo, 'клиенты.csv', iconv.encode(CLIENTS_1251, 'win1251'));
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(ru.nav.import);
  await wizard.chooseFile(file);

  // Preview: the encoding, the semicolon, the Russian headers, the quoted field kept whole.
  await expect(wizard.step('preview')).toBeVisible();
  await expect(wizard.fact('format')).toHaveText(t.preview.formats.csv);
  await expect(wizard.fact('encoding')).toHaveText('Windows-1251');
  await expect(wizard.fact('delimiter')).toContainText(t.preview.delimiters.semicolon);
  await expect(wizard.fact('rows')).toHaveText('3');
  const table = wizard.previewTable();
  for (const header of ['ФИО', 'Телефон', 'E-mail', 'Дата рождения', 'Код клиента', 'Менеджер']) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Иванова Мария');
  await expect(rows.first().locator('td').last()).toContainText('Любит звонки; лучше после 18:00');

  // Mapping: suggested from the headers.
  await wizard.press(t.preview.next);
  await expect(wizard.step('mapping')).toBeVisible();
  const suggested = {
    ФИО: 'name',
    Телефон: 'phone',
    'E-mail': 'email',
    'Дата рождения': 'birthday',
    'Код клиента': 'externalId',
    Менеджер: 'manager',
    Комментарий: 'note',
  };
  for (const [column, field] of Object.entries(suggested)) {
    await expect(wizard.fieldOf(column)).toHaveValue(field);
  }
  // Without a column for the name the check refuses, next to the Check button.
  await wizard.fieldOf('ФИО').selectOption('');
  await expect(wizard.mappingRow('ФИО')).toHaveClass(/skip/);
  await expect(page.getByTestId('import-required')).toContainText(t.mapping.missing);
  await wizard.press(t.mapping.check);
  await expect(page.getByTestId('import-mapping-error')).toContainText('обязательного поля');
  await wizard.fieldOf('ФИО').selectOption('name');
  await expect(page.getByTestId('import-mapping-error')).toBeHidden();
  await wizard.onInvalid('skip');
  await wizard.press(t.mapping.check);

  // Check: two new clients, one bad row with its message.
  await expect(wizard.step('check')).toBeVisible();
  await expect(wizard.count('create')).toHaveText('2');
  await expect(wizard.count('invalid')).toHaveText('1');
  await expect(wizard.errors()).toHaveCount(1);
  const bad = wizard.errors().first();
  await expect(bad.locator('td').nth(0)).toHaveText('4');
  await expect(bad.locator('td').nth(1)).toHaveText('E-mail');
  await expect(bad.locator('td').nth(2)).toHaveText('anna@@example');
  await expect(bad.locator('td').nth(3)).toContainText('Это не адрес почты');

  // The list of problems downloads as a CSV Excel reads: UTF-8 with a BOM, semicolons.
  const downloading = page.waitForEvent('download');
  await wizard.press(t.check.download);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(t.check.csv.file);
  const csv = fs.readFileSync(await download.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('4;ошибка;E-mail;anna@@example;Это не адрес почты');

  // Run, skipping the bad row.
  await expect(wizard.runButton()).toHaveText('Импортировать 2 строки');
  await wizard.runButton().click();
  await expect(wizard.result('inserted')).toHaveText('2');
  // Issue 11: a row with errors is counted as such, apart from the skipped ones.
  await expect(wizard.result('invalid')).toHaveText('1');
  await expect(wizard.result('skipped')).toHaveText('0');
  await expect(wizard.result('total')).toHaveText('3');

  // The clients are there, found by search, with their phone and birthday.
  await wizard.press(t.run.openClients);
  await clients.search().fill('Сидоров');
  await expect(clients.row('Сидоров Пётр')).toBeVisible();
  await clients.search().fill('Кузнецова');
  await expect(page.getByText(ru.clients.clearSearch)).toBeVisible();
  await clients.search().fill('Иванова');
  await expect(clients.row('Иванова Мария')).toBeVisible();
  await expect(page.getByTestId('clients-count')).toContainText('1');
  await clients.row('Иванова Мария').getByRole('link').click();
  await expect(card.field('phone')).toContainText('345-67-89');
  await expect(card.field('birthday')).toContainText(`31 ${ru.months[11]} 1985`);
  await expect(card.field('externalId')).toContainText('К-001');
});

test('a duplicate by phone is updated, and the whole import undone', async ({
  page,
  shell,
  clients,
  card,
}, testInfo) => {
  const t = en.imp;
  await call(shell, 'settings.set', { language: 'en', userName: 'Peters' });
  const vera = await call<{ id: string }>(shell, 'clients.create', {
    name: 'Vera Orlova',
    phone: '+7 922 765-43-21',
    email: 'vera@old.example',
  });
  const file = writeFile(
    testInfo,
    'people.csv',
    'Name,Phone,Email\nVera Orlova,8 922 765-43-21,vera@new.example\nIlya Novikov,+7 901 000-11-22,ilya@example.com\n',
  );
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(en.nav.import);
  await wizard.chooseFile(file);
  await expect(wizard.fact('encoding')).toHaveText('UTF-8');
  await expect(wizard.fact('delimiter')).toContainText(t.preview.delimiters.comma);
  await wizard.press(t.preview.next);
  await expect(wizard.fieldOf('Phone')).toHaveValue('phone');
  await wizard.onDuplicate('update', 'clients');
  await wizard.press(t.mapping.check);

  await expect(wizard.count('update')).toHaveText('1');
  await expect(wizard.count('create')).toHaveText('1');
  await expect(wizard.duplicates()).toHaveCount(1);
  const dup = wizard.duplicates().first();
  await expect(dup).toContainText(t.check.matchedBy.phone);
  await expect(dup.getByRole('link', { name: 'Vera Orlova' })).toHaveAttribute(
    'href',
    `#/clients/${vera.id}`,
  );
  await expect(wizard.runButton()).toHaveText('Import 2 rows');
  await wizard.runButton().click();
  await expect(wizard.result('inserted')).toHaveText('1');
  await expect(wizard.result('updated')).toHaveText('1');

  // The card has the new email; back on Import, the result waits with its undo.
  await goInApp(page, `#/clients/${vera.id}`);
  await expect(card.field('email')).toContainText('vera@new.example');
  await page.locator('.rail').getByRole('link', { name: en.nav.import }).click();
  await expect(wizard.result('updated')).toHaveText('1');
  await wizard.press(t.run.undo);
  await expect(page.getByTestId('import-undone')).toBeVisible();

  await goInApp(page, `#/clients/${vera.id}`);
  await expect(card.field('email')).toContainText('vera@old.example');
  await page.locator('.rail').getByRole('link', { name: en.nav.clients }).click();
  await expect(clients.row('Vera Orlova')).toBeVisible();
  await expect(clients.row('Ilya Novikov')).toHaveCount(0);
  await expect(page.getByTestId('clients-count')).toHaveText(
    en.clients.count_one.replace('{{count}}', '1'),
  );
});

test('sales keyed by client code, amounts with a decimal comma', async ({
  page,
  shell,
}, testInfo) => {
  const t = ru.imp;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const maria = await call<{ id: string }>(shell, 'clients.create', {
    name: 'Иванова Мария',
    externalId: 'К-001',
  });
  await call(shell, 'clients.create', { name: 'Петров Олег', externalId: 'К-002' });
  const file = writeFile(
    testInfo,
    'продажи.csv',
    [
      'Код клиента;Дата;Сумма;Категория;Товар',
      'К-001;15.01.2025;12 500,50;Плитка;Керамогранит 60×60',
      'К-001;16.02.2025;7499,50;Плитка;Затирка',
      'К-002;16.02.2025;1 000,00;Сантехника;Смеситель',
      '',
    ].join('\n'),
  );
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(ru.nav.import);
  await wizard.chooseTarget('sales');
  await wizard.chooseFile(file);
  await expect(wizard.fact('encoding')).toHaveText('UTF-8');
  await wizard.press(t.preview.next);
  await expect(wizard.fieldOf('Код клиента')).toHaveValue('externalId');
  await expect(wizard.fieldOf('Дата')).toHaveValue('date');
  await expect(wizard.fieldOf('Сумма')).toHaveValue('amount');
  await expect(page.getByTestId('import-required')).not.toContainText(t.mapping.missing);
  await page.screenshot({ path: 'test-results/screens/import-sales-mapping-ru.png' });
  await wizard.press(t.mapping.check);
  await expect(wizard.count('create')).toHaveText('3');
  await expect(wizard.count('invalid')).toHaveText('0');
  await wizard.runButton().click();
  await expect(wizard.result('inserted')).toHaveText('3');

  await goInApp(page, `#/clients/${maria.id}`);
  await page.getByRole('tab', { name: ru.sales.tabs.sales }).click();
  const total = page.getByTestId('sales-tab').getByTestId('sales-total');
  await expect.poll(async () => spaces(await total.textContent())).toBe('20 000,00 ₽');
});

test('a file that is not a table, or empty, is explained under the picker', async ({
  page,
  shell,
  clients,
}, testInfo) => {
  const t = ru.imp;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  // The client list's header leads to the import too.
  await clients.open();
  await page.getByRole('button', { name: ru.nav.import, exact: true }).click();
  const wizard = new ImportPage(page, shell, t);
  await expect(wizard.step('file')).toBeVisible();
  await wizard.chooseFile(writeFile(testInfo, 'картинка.csv', png));
  await expect(wizard.fileError()).toContainText('Это не таблица');
  await expect(wizard.step('file')).toBeVisible();
  await expect(page.getByRole('button', { name: t.file.choose })).toHaveAttribute(
    'aria-describedby',
    'imp-file-message',
  );
  await page.screenshot({ path: 'test-results/screens/import-bad-file-ru.png' });

  await wizard.chooseFile(writeFile(testInfo, 'пустой.csv', ''));
  await expect(wizard.fileError()).toContainText('Файл пустой');
});

test('an Excel workbook: format, sheet picker', async ({ page, shell }, testInfo) => {
  const t = en.imp;
  await call(shell, 'settings.set', { language: 'en', userName: 'Peters' });
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRows([['Just notes'], ['nothing to import']]);
  book.addWorksheet('Clients').addRows([
    ['Name', 'Phone', 'Birthday'],
    ['Mary Johnson', '+44 20 7946 0958', new Date(Date.UTC(1985, 2, 14))],
    ['John Smith', '+44 20 7946 0000', new Date(Date.UTC(1990, 6, 1))],
  ]);
  const file = writeFile(testInfo, 'book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(en.nav.import);
  await wizard.chooseFile(file);
  await expect(wizard.fact('format')).toHaveText(t.preview.formats.xlsx);
  const sheet = page.getByLabel(t.preview.sheet);
  await expect(sheet).toHaveValue('Notes');
  await sheet.selectOption('Clients');
  await expect(wizard.previewTable().locator('tbody tr')).toHaveCount(2);
  await expect(wizard.fact('rows')).toHaveText('2');
  await expect(wizard.previewTable()).toContainText('1985-03-14');
  await wizard.press(t.preview.next);
  await expect(wizard.fieldOf('Birthday')).toHaveValue('birthday');
  await wizard.press(t.mapping.check);
  await expect(wizard.count('create')).toHaveText('2');
});

test('a long import cancelled while it runs writes nothing', async ({ page, shell }, testInfo) => {
  const t = ru.imp;
  await call(shell, 'settings.set', { language: 'ru', userName: 'Петров' });
  // Large enough that checking and writing it take seconds.
  test.setTimeout(60_000);
  const lines = ['ФИО;Телефон;E-mail'];
  for (let i = 0; i < 80_000; i += 1) {
    lines.push(`Клиент ${i};+7 900 ${String(10_000_000 + i).slice(1)};c${i}@example.ru`);
  }
  const wizard = new ImportPage(page, shell, t);
  await wizard.open(ru.nav.import);
  await wizard.chooseFile(writeFile(testInfo, 'много.csv', lines.join('\n')));
  await wizard.press(t.preview.next);
  await wizard.press(t.mapping.check);
  await expect(wizard.count('create')).toHaveText(/^80\s000$/, { timeout: 20_000 });
  // A card added meanwhile (in another window): the run cannot write the check's plan as it is
  // and reads and plans the file again, which takes seconds, so Cancel comes in time. (With
  // nothing changed, the run writes the kept plan at once.)
  await call(shell, 'clients.create', { name: 'Орлова Вера' });
  await wizard.runButton().click();
  await expect(page.getByTestId('import-progress-rows')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('progressbar', { name: t.run.progress })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-progress-ru.png' });
  await wizard.press(t.run.cancel);
  await expect(page.getByTestId('import-outcome')).toHaveText(t.run.cancelled, {
    timeout: 15_000,
  });
  const list = await call<{ rows: { name: string }[] }>(shell, 'clients.list', {});
  expect(list.rows.map((r) => r.name)).toEqual(['Орлова Вера']);
});

const SCREEN_DATA = {
  ru: {
    existing: { name: 'Орлова Вера', phone: '+7 922 765-43-21', email: 'vera@mail.ru' },
    csv: [
      'ФИО;Компания;Телефон;Почта;Дата рождения;Менеджер;Примечание;Скидка, %',
      'Иванова Мария;Салон «Лилия»;8 (912) 345-67-89;maria@liliya.ru;03/04/1985;Петров;Любит звонки после 18:00;5',
      'Орлова Вера;;8 922 765-43-21;vera.orlova@mail.ru;11/07/1979;Петров;;10',
      'Петров Олег;ООО «Строймаркет»;+7 900 111-22-33;oleg@stroy;05/06/1990;Сидорова;Опт;',
      'Кузнецов Игорь;ИП Кузнецов;+7 922 000-43-21;igor@mail.ru;02/01/1988;Сидорова;;3',
      'Смирнова Ольга;;+7 903 555-12-12;olga@yandex.ru;09/10/1992;Петров;Постоянная клиентка;7',
      'Иванова М. П.;Салон «Лилия»;+7 912 345 67 89;;;Петров;Из старой выгрузки;',
    ],
    date: 'Дата рождения',
  },
  en: {
    existing: { name: 'Vera Orlova', phone: '+44 20 7946 0958', email: 'vera@mail.co.uk' },
    csv: [
      'Name;Company;Phone;Email;Birthday;Manager;Notes;Discount, %',
      'Mary Johnson;Lily Salon;+44 20 7946 0000;mary@lily.co.uk;03/04/1985;Peters;Calls after 6 pm;5',
      'Vera Orlova;;+44 20 7946 0958;vera.orlova@mail.co.uk;11/07/1979;Peters;;10',
      'Oliver Brown;Brown & Sons;+44 20 7946 0111;oliver@brown;05/06/1990;Smith;Wholesale;',
      'Harry Wilson;Wilson Ltd;+44 20 7946 0222;harry@wilson.co.uk;02/01/1988;Smith;;3',
      'Emily Clark;;+44 20 7946 0333;emily@clark.co.uk;09/10/1992;Peters;Regular;7',
      'Mary J.;Lily Salon;+44 (20) 7946-0000;;;Peters;From an old export;',
    ],
    date: 'Birthday',
  },
};

for (const [lang, cat] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`import screens in ${lang}`, async ({ page, shell }, testInfo) => {
    const t = cat.imp;
    const data = SCREEN_DATA[lang];
    const shot = (name: string) =>
      page.screenshot({ path: `test-results/screens/import-${name}-${lang}.png`, fullPage: true });
    await call(shell, 'settings.set', {
      language: lang,
      userName: lang === 'ru' ? 'Петров' : 'Peters',
    });
    await call(shell, 'clients.create', data.existing);
    const file = writeFile(testInfo, `${lang}.csv`, `${data.csv.join('\r\n')}\r\n`);
    const wizard = new ImportPage(page, shell, t);
    await wizard.open(cat.nav.import);
    await shot('file');

    await wizard.chooseFile(file);
    await expect(wizard.fact('rows')).toHaveText('6');
    await shot('preview');

    // Slashed dates with nothing above 12 read both ways: the check asks for the order,
    // next to the column's order dropdown.
    await wizard.press(t.preview.next);
    const order = wizard.orderOf(data.date);
    await expect(order).toBeVisible();
    await wizard.press(t.mapping.check);
    await expect(order).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.mappingRow(data.date).getByRole('alert')).toBeVisible();
    await expect(wizard.mappingRow(data.csv[0]!.split(';').at(-1)!)).toHaveClass(/skip/);
    await shot('mapping');
    await order.selectOption('dmy');
    await wizard.press(t.mapping.check);
    await expect(wizard.count('update')).toHaveText('1');
    await expect(wizard.count('invalid')).toHaveText('1');
    // Rows 2 and 7 share a phone: a group, shown whole, to decide before importing.
    await expect(wizard.groupRows(2)).toHaveCount(2);
    await expect(wizard.runWhy()).toBeVisible();
    await shot('check-groups');
    await wizard.chooseForAll('first');
    await expect(wizard.count('skip')).toHaveText('1');
    await expect(wizard.runWhy()).toBeHidden();
    await shot('check');

    await wizard.runButton().click();
    await expect(wizard.result('inserted')).toHaveText('3');
    await expect(wizard.result('skipped')).toHaveText('1');
    await expect(wizard.result('total')).toHaveText('6');
    await shot('done');
  });
}
