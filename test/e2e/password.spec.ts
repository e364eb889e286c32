/**
 * Password protection through the Workbook screen: a workbook made with a password holds its
 * client and opens from the recent list only with the right password; the Password section
 * sets, changes and removes it; a shell that starts on an encrypted workbook asks for its
 * password first; the desktop app's route to the open form asks for it there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, startShell, test, visit } from './fixtures';
import { WorkbookPage } from './pages/workbook-page';

type Strings = typeof en;

/** What plain SQLite (no password) makes of the file, as another program would. */
function plainRead(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare('SELECT name FROM clients').pluck().all());
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    db.close();
  }
}

/** The password asked for in one place of the screen (the form, a row of the recent list). */
async function enterPassword(page: Page, t: Strings, password: string, id: string) {
  await page.locator(`#${id}`).fill(password);
  await page
    .locator(`form:has(#${id})`)
    .getByRole('button', { name: t.wbk.open.submit, exact: true })
    .click();
}

test('a workbook made with a password opens from the recent list with the right password only', async ({
  page,
  shell,
  clients,
}) => {
  const secret = path.join(path.dirname(shell.workbook), 'Сейф.kartoteka');
  await page.goto(shell.url);
  const workbook = new WorkbookPage(page, ru);
  await workbook.open();
  const create = workbook.panel(ru.wbk.create.title);
  await create.getByLabel(ru.wbk.create.path).fill(secret);
  await create.getByLabel(ru.pwd.create.protect).check();
  await create.getByLabel(ru.pwd.password, { exact: true }).fill('Ключ 1');
  await create.getByLabel(ru.pwd.repeat).fill('Ключ 2');
  await create.getByRole('button', { name: ru.wbk.create.submit }).click();
  await expect(create.getByRole('alert')).toHaveText(ru.pwd.mismatch);
  await create.getByLabel(ru.pwd.repeat).fill('Ключ 1');
  await create.getByRole('button', { name: ru.wbk.create.submit }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('Сейф');
  await expect(page.getByRole('img', { name: ru.pwd.mark })).toBeVisible();

  await visit(page, '/clients');
  await page.locator('.page__header h1').waitFor();
  await clients.createClient(
    { name: 'Тайная Клиентка', phone: '+7 912 000-11-22' },
    ru.clients.new,
    ru.newClient.save,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(plainRead(secret)).toBe('SQLITE_NOTADB');

  await workbook.open();
  await expect(page.getByTestId('password-state')).toHaveText(ru.pwd.section.protected);
  await workbook.panel(ru.pwd.section.title).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/password-section-ru.png', fullPage: true });

  // Back to the first workbook, then the encrypted one from the recent list.
  const firstRow = workbook.recent().getByRole('listitem').filter({ hasText: shell.workbook });
  await firstRow.getByRole('button', { name: `${ru.wbk.recent.open}: e2e` }).click();
  await expect(page.getByTestId('workbook-name')).toHaveText('e2e');
  await expect(page.getByRole('img', { name: ru.pwd.mark })).toHaveCount(0);
  await workbook.open();
  const row = workbook.recent().getByRole('listitem').filter({ hasText: secret });
  await expect(row.getByRole('img', { name: ru.pwd.recentMark })).toBeVisible();
  await row.getByRole('button', { name: `${ru.wbk.recent.open}: Сейф` }).click();
  await enterPassword(page, ru, 'ключ 1', 'wb-password-recent');
  await expect(row.getByRole('alert')).toContainText('Этот пароль не открывает «Сейф»');
  await page.screenshot({ path: 'test-results/screens/password-prompt-ru.png', fullPage: true });
  await enterPassword(page, ru, 'Ключ 1', 'wb-password-recent');
  await expect(page.getByTestId('workbook-name')).toHaveText('Сейф');

  await visit(page, '/clients');
  await expect(clients.row('Тайная Клиентка')).toBeVisible();
});

test('the Password section sets, changes and removes the password', async ({ page, shell }) => {
  // Three re-encryptions of the file, each seconds long on a busy machine.
  test.setTimeout(90_000);
  await shell.call('settings.set', { language: 'en' });
  await page.goto(shell.url);
  const workbook = new WorkbookPage(page, en);
  await workbook.open();
  const section = workbook.panel(en.pwd.section.title);
  await expect(section.getByTestId('password-state')).toHaveText(en.pwd.section.plain);
  await expect(section).toContainText(en.pwd.warning);
  await section.getByLabel(en.pwd.password, { exact: true }).fill('first pass');
  await section.getByLabel(en.pwd.repeat).fill('first pass');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/password-section-en.png', fullPage: true });
  await section.getByRole('button', { name: en.pwd.section.set }).click();
  // Re-encrypting the whole file (a key derivation and a copy) takes seconds on a busy machine.
  await expect(section.getByRole('status')).toHaveText(en.pwd.section.done.set, {
    timeout: 20_000,
  });
  await expect(section.getByTestId('password-state')).toHaveText(en.pwd.section.protected);
  await expect(page.getByRole('img', { name: en.pwd.mark })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/password-set-en.png', fullPage: true });
  expect(plainRead(shell.workbook)).toBe('SQLITE_NOTADB');

  await section.getByLabel(en.pwd.current).fill('wrong pass');
  await section.getByLabel(en.pwd.new).fill('second pass');
  await section.getByLabel(en.pwd.repeat).fill('second pass');
  await section.getByRole('button', { name: en.pwd.section.change }).click();
  await expect(section.getByRole('alert')).toContainText('The current password is not right');
  await section.getByLabel(en.pwd.current).fill('first pass');
  await section.getByRole('button', { name: en.pwd.section.change }).click();
  // Re-encrypting the whole file (a key derivation and a copy) takes seconds on a busy machine.
  await expect(section.getByRole('status')).toHaveText(en.pwd.section.done.change, {
    timeout: 20_000,
  });

  // The desktop app sends a double-clicked encrypted workbook to the open form: it asks there.
  const other = path.join(path.dirname(shell.workbook), 'Other.kartoteka');
  await workbook.create(other);
  await expect(page.getByTestId('workbook-name')).toHaveText('Other');
  // Every workbook keeps its own language: the new one speaks English too.
  await shell.call('settings.set', { language: 'en' });
  // A full navigation (the query makes it one), so it also replaces the program's own reload
  // after the switch if that is still on its way.
  await page.goto(`${shell.origin}/?again#/workbook?open=${encodeURIComponent(shell.workbook)}`);
  const open = workbook.panel(en.wbk.open.title);
  await expect(open.getByLabel(en.wbk.open.path)).toHaveValue(shell.workbook);
  await expect(page.locator('#wb-password-form')).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/password-prompt-en.png', fullPage: true });
  await enterPassword(page, en, 'first pass', 'wb-password-form');
  await expect(open.getByRole('alert')).toContainText('This password does not open "e2e"');
  await enterPassword(page, en, 'second pass', 'wb-password-form');
  await expect(page.getByTestId('workbook-name')).toHaveText('e2e');

  await workbook.open();
  await section.getByLabel(en.pwd.current).fill('second pass');
  await section.getByRole('button', { name: en.pwd.section.remove }).click();
  // Re-encrypting the whole file (a key derivation and a copy) takes seconds on a busy machine.
  await expect(section.getByRole('status')).toHaveText(en.pwd.section.done.remove, {
    timeout: 20_000,
  });
  await expect(page.getByRole('img', { name: en.pwd.mark })).toHaveCount(0);
  expect(plainRead(shell.workbook)).toBe('[]');
});

test('a shell started on an encrypted workbook asks for its password first', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-locked-'));
  try {
    const first = await startShell(dir);
    await first.shell.call('clients.create', { name: 'Ранняя Клиентка' });
    await first.shell.call('workbook.setPassword', { new: 'пароль' });
    const stopped = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await stopped;

    const { shell, child } = await startShell(dir);
    try {
      await page.goto(shell.url);
      const title = ru.pwd.ask.title.replace('{{name}}', 'e2e');
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      // Nothing is open yet: the rail says so instead of empty labels.
      await expect(page.getByTestId('workbook-name')).toHaveText(ru.nav.noWorkbook);
      await page.screenshot({
        path: 'test-results/screens/password-unlock-ru.png',
        fullPage: true,
      });
      await page.locator('#wb-unlock-password').fill('Пароль');
      await page.getByRole('button', { name: ru.pwd.ask.submit, exact: true }).first().click();
      await expect(page.getByRole('alert')).toContainText('Этот пароль не открывает «e2e»');
      await page.locator('#wb-unlock-password').fill('пароль');
      await page.getByRole('button', { name: ru.pwd.ask.submit, exact: true }).first().click();
      await expect(page.getByTestId('workbook-name')).toHaveText('e2e');
      await visit(page, '/clients');
      await expect(page.getByRole('row').filter({ hasText: 'Ранняя Клиентка' })).toBeVisible();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
