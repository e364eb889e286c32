/**
 * The workbook as a document, through the browser shell's Workbook screen: a copy saved while
 * the app runs has the last change in it; a file that is not a workbook is refused and left
 * byte for byte as it was; new and recent workbooks switch every screen (and the title); a
 * workbook another shell writes opens read-only, with a banner on every screen.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, startShell, test } from './fixtures';
import { WorkbookPage } from './pages/workbook-page';

const checksum = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a copy saved while the app runs has the last change in it', async ({
  page,
  shell,
  clients,
  card,
}) => {
  await clients.open();
  await clients.createClient(
    { name: 'Иванова Мария', phone: '+7 912 345-67-89' },
    ru.clients.new,
    ru.newClient.save,
  );
  // The last change, made on screen just before the copy.
  await card.edit('company', 'Салон «Лилия»');
  await expect(card.field('company')).toContainText('Салон «Лилия»');

  const workbook = new WorkbookPage(page, ru);
  await workbook.open();
  const target = path.join(path.dirname(shell.workbook), 'Копия для флешки.kartoteka');
  await workbook.saveCopy(target);
  await expect(page.getByRole('status')).toContainText(`Копия сохранена: ${target}`);
  await page.screenshot({ path: 'test-results/screens/workbook-copy-ru.png', fullPage: true });

  // Plain SQLite, as another program or another computer would read the copy.
  const db = new Database(target, { readonly: true });
  try {
    const row = db.prepare('SELECT name, company FROM clients').get();
    expect(row).toEqual({ name: 'Иванова Мария', company: 'Салон «Лилия»' });
  } finally {
    db.close();
  }
  expect(fs.readdirSync(path.dirname(target)).filter((f) => f.startsWith('Копия'))).toEqual([
    'Копия для флешки.kartoteka',
  ]);
  // The app goes on working on the original.
  expect(await shell.call('clients.list', {})).toMatchObject({ ok: true, data: { total: 1 } });
});

test('a file that is not a workbook is refused and left byte for byte as it was', async ({
  page,
  shell,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-foreign-'));
  try {
    const foreign = path.join(dir, 'бухгалтерия.sqlite');
    const db = new Database(foreign);
    db.pragma('journal_mode = WAL');
    db.exec(
      "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts (name) VALUES ('касса')",
    );
    db.close();
    const before = checksum(foreign);

    await page.goto(shell.url);
    const workbook = new WorkbookPage(page, ru);
    await workbook.open();
    await workbook.openPath(foreign);
    await expect(page.getByRole('alert')).toHaveText(
      '«бухгалтерия.sqlite» — база данных другой программы, а не рабочая книга Картотеки, поэтому она не открыта. Файл остался как был.',
    );
    await page.screenshot({ path: 'test-results/screens/workbook-refused-ru.png' });
    expect(checksum(foreign)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['бухгалтерия.sqlite']);
    await expect(page.getByTestId('workbook-title')).toHaveText('e2e');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a new workbook and one from the recent list switch every screen and the title', async ({
  page,
  shell,
}) => {
  await shell.call('clients.create', { name: 'Петров Олег' });
  await page.goto(shell.url);
  await expect(page).toHaveTitle('e2e — Картотека');
  const workbook = new WorkbookPage(page, ru);
  await workbook.open();
  const fresh = path.join(path.dirname(shell.workbook), 'Салон на Ленина');
  await workbook.create(fresh);
  await expect(page).toHaveURL(/#\/today$/);
  await expect(page).toHaveTitle('Салон на Ленина — Картотека');
  await expect(page.getByTestId('workbook-name')).toHaveText('Салон на Ленина');
  await page.getByRole('link', { name: ru.nav.clients }).click();
  await expect(page.getByRole('heading', { name: ru.clients.emptyTitle })).toBeVisible();

  await workbook.open();
  const row = workbook.recent().getByRole('listitem').filter({ hasText: shell.workbook });
  await row.getByRole('button', { name: `${ru.wbk.recent.open}: e2e` }).click();
  await expect(page).toHaveTitle('e2e — Картотека');
  await page.getByRole('link', { name: ru.nav.clients }).click();
  await expect(page.getByText('Петров Олег')).toBeVisible();
  expect(fs.existsSync(`${fresh}.kartoteka`)).toBe(true);
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`a workbook another shell writes opens read-only, with a banner (${lang})`, async ({
    page,
    shell,
    clients,
  }) => {
    await shell.call('settings.set', { language: lang, userName: lang === 'ru' ? 'Анна' : 'Anna' });
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-other-'));
    const other = await startShell(otherDir);
    try {
      await other.shell.call('settings.set', { language: lang });
      await other.shell.call('clients.create', { name: 'Кузнецов Игорь' });
      await page.goto(shell.url);
      const workbook = new WorkbookPage(page, t);
      await workbook.open();
      await expect(page.getByRole('heading', { name: t.wbk.title, level: 1 })).toBeVisible();
      await page.screenshot({ path: `test-results/screens/workbook-${lang}.png`, fullPage: true });

      const missing = path.join(otherDir, lang === 'ru' ? 'Старая.kartoteka' : 'Old.kartoteka');
      await workbook.openPath(missing);
      await expect(page.getByRole('alert')).toHaveText(
        lang === 'ru' ? `Файла ${missing} нет.` : `There is no file at ${missing}.`,
      );
      await page.screenshot({ path: `test-results/screens/workbook-error-${lang}.png` });

      await workbook.openPath(other.shell.workbook);
      const refusal = page.getByRole('alert');
      await expect(refusal).toContainText(os.userInfo().username);
      await expect(refusal).toContainText(os.hostname());
      await page.screenshot({ path: `test-results/screens/workbook-locked-${lang}.png` });
      await refusal.getByRole('button', { name: t.wbk.open.openReadOnly }).click();

      await expect(page).toHaveURL(/#\/today$/);
      const banner = page.getByTestId('read-only-banner');
      await expect(banner).toContainText(os.hostname());
      await expect(page.getByTestId('read-only-mark')).toHaveText(t.wbk.readOnlyMark);
      await page.screenshot({ path: `test-results/screens/read-only-today-${lang}.png` });
      await page.getByRole('link', { name: t.nav.clients }).click();
      await expect(page.getByText('Кузнецов Игорь')).toBeVisible();
      await expect(banner).toBeVisible();
      // A write is refused with words that say why, next to the form.
      await clients.createClient({ name: 'Новый клиент' }, t.clients.new, t.newClient.save);
      await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
        lang === 'ru'
          ? 'Рабочая книга открыта только для чтения — ничего не изменено.'
          : 'The workbook is open read-only, so nothing was changed.',
      );
      await page.screenshot({ path: `test-results/screens/read-only-refused-${lang}.png` });
      expect(await other.shell.call('clients.list', {})).toMatchObject({ data: { total: 1 } });
      await page.getByRole('dialog').getByRole('button', { name: t.newClient.cancel }).click();
      await workbook.open();
      await page.screenshot({
        path: `test-results/screens/workbook-read-only-${lang}.png`,
        fullPage: true,
      });
    } finally {
      const exited = new Promise((resolve) => other.child.once('exit', resolve));
      other.child.kill('SIGTERM');
      await exited;
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
}

test('a shell started on a file that is not a workbook says so and leaves it as it was', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-start-'));
  try {
    const file = path.join(dir, 'notes.kartoteka');
    fs.writeFileSync(file, 'Список дел\n');
    const child = spawn(
      process.execPath,
      ['dist/main/web.cjs', '--workbook', file, '--port', '0', '--data-dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'ru_RU.UTF-8' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(
      '«notes» — не рабочая книга Картотеки, поэтому она не открыта. Файл остался как был.',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('Список дел\n');
    expect(fs.readdirSync(dir)).toEqual(['notes.kartoteka']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('stopping the shell leaves the workbook one file with every change, and no lock', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-stop-'));
  try {
    const { shell, child } = await startShell(dir);
    await shell.call('clients.create', { name: 'Сидорова Анна' });
    await shell.call('nps.add', {
      clientId: ((await shell.call('clients.list', {})) as { data: { rows: { id: string }[] } })
        .data.rows[0]!.id,
      score: 9,
    });
    expect(fs.existsSync(`${shell.workbook}.lock`)).toBe(true);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('e2e.'))).toEqual(['e2e.kartoteka']);
    // The file alone, copied as a user copies it to a stick.
    const copy = path.join(dir, 'copy.kartoteka');
    fs.copyFileSync(shell.workbook, copy);
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare('SELECT score FROM nps_answers').pluck().all()).toEqual([9]);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
