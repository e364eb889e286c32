/**
 * Backups through the browser shell's Backups screen: a backup by hand, a change, a restore
 * behind the question that says where the workbook as it is now is kept, and the old value back
 * in the card; the screen in Russian and English; a damaged workbook says so on every screen and
 * offers its newest good backup, restored in one click (and a confirm).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, startShell, test, type Shell } from './fixtures';

type Strings = typeof en;

/** From any screen: the rail's link leads to the Backups screen. */
async function openBackups(page: Page, t: Strings): Promise<void> {
  await page.getByTestId('nav-backups').click();
  await page.getByRole('heading', { name: t.bak.title, level: 1 }).waitFor();
}

async function newClient(shell: Shell, name: string, company: string): Promise<string> {
  const created = (await shell.call('clients.create', { name, company })) as {
    ok: boolean;
    data: { id: string };
  };
  if (!created.ok) throw new Error(`clients.create failed: ${JSON.stringify(created)}`);
  return created.data.id;
}

test('a backup, a change, a restore: the card shows the old value again', async ({
  page,
  shell,
  clients,
  card,
}) => {
  await clients.open();
  await clients.createClient(
    { name: 'Иванова Мария', company: 'Салон «Лилия»' },
    ru.clients.new,
    ru.newClient.save,
  );
  await expect(card.field('company')).toContainText('Салон «Лилия»');

  await openBackups(page, ru);
  await expect(page.getByTestId('backups-empty')).toHaveText(ru.bak.empty);
  await page.screenshot({ path: 'test-results/screens/backups-empty-ru.png', fullPage: true });
  await page.getByRole('button', { name: ru.bak.backUp }).click();
  await expect(page.getByTestId('backup-made')).toContainText('Копия сделана');
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ru.bak.kind.manual);
  await expect(rows.first()).toContainText('1 клиент');

  // The change made after the backup.
  await page.goBack();
  await expect(card.field('company')).toContainText('Салон «Лилия»');
  await card.edit('company', 'Салон «Роза»');
  await expect(card.field('company')).toContainText('Салон «Роза»');
  const cardUrl = page.url();

  await openBackups(page, ru);
  await rows.first().getByRole('button', { name: ru.bak.restore }).click();
  const dialog = page.getByRole('alertdialog');
  const folder = path.join(path.dirname(shell.workbook), 'data', 'backups');
  await expect(dialog.getByTestId('restore-kept')).toContainText('сохраняется отдельно');
  await expect(dialog.getByTestId('restore-kept')).toContainText(folder);
  await page.screenshot({ path: 'test-results/screens/backups-restore-ru.png', fullPage: true });
  await dialog.getByRole('button', { name: ru.bak.restoreConfirm }).click();
  await expect(page.getByTestId('restored')).toContainText('восстановлена');
  await expect(dialog).toHaveCount(0);
  // The workbook as it was is a backup of its own, newest first.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(ru.bak.kind['before-restore']);
  await page.screenshot({ path: 'test-results/screens/backups-ru.png', fullPage: true });

  await page.goto(cardUrl);
  await expect(card.field('company')).toContainText('Салон «Лилия»');
  await expect(card.field('company')).not.toContainText('Роза');
});

test('the Backups screen in English, reached from the Workbook screen', async ({ page, shell }) => {
  await shell.call('settings.set', { language: 'en' });
  await newClient(shell, 'Anna Lee', 'Lily');
  await shell.call('workbook.backup', {});
  await newClient(shell, 'Boris Orlov', 'Rose');
  await shell.call('workbook.backup', {});
  await page.goto(shell.url);
  await page.getByTestId('workbook-name').click();
  await page.getByTestId('to-backups').click();
  await page.getByRole('heading', { name: en.bak.title, level: 1 }).waitFor();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('2 clients');
  await expect(rows.last()).toContainText('1 client');
  await expect(page.getByRole('button', { name: en.bak.backUp })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/backups-en.png', fullPage: true });
  await rows.last().getByRole('button', { name: en.bak.restore }).click();
  await expect(page.getByRole('alertdialog')).toContainText('kept aside first');
  await page.screenshot({ path: 'test-results/screens/backups-restore-en.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // Nothing was restored: both clients are still there.
  expect(await shell.call('clients.list', {})).toMatchObject({ ok: true, data: { total: 2 } });
});

/** Overwrites the root page of the clients table, as a failing disk would. */
function damageClients(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let offset: number;
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'clients'")
      .pluck()
      .get() as number;
    offset = (root - 1) * pageSize;
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, offset);
  } finally {
    fs.closeSync(fd);
  }
}

test('a damaged workbook says so and restores its newest good backup in one click', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-damaged-'));
  let stop: (() => Promise<void>) | null = null;
  const start = async () => {
    const { shell, child } = await startShell(dir);
    stop = async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      stop = null;
    };
    return shell;
  };
  try {
    let shell = await start();
    await shell.call('settings.set', { language: 'en' });
    const id = await newClient(shell, 'Anna Lee', 'Lily');
    await shell.call('workbook.backup', {});
    await stop!();
    damageClients(shell.workbook);

    shell = await start();
    await page.goto(shell.url);
    // Every screen says it, with the way to the backups.
    await expect(page.getByTestId('read-only-banner')).toContainText(en.wbk.banner.damaged);
    await page.getByTestId('banner-backups').click();
    const panel = page.getByTestId('damaged-panel');
    await expect(panel).toContainText(en.bak.damaged.title);
    await expect(panel).toContainText('the file is kept as it is');
    await expect(panel).toContainText('1 client');
    await page.screenshot({ path: 'test-results/screens/backups-damaged-en.png', fullPage: true });
    await panel.getByRole('button', { name: en.bak.damaged.restore }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByTestId('restore-kept')).toContainText('kept aside first');
    await dialog.getByRole('button', { name: en.bak.restoreConfirm }).click();
    await expect(page.getByTestId('restored')).toBeVisible();
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(panel).toHaveCount(0);
    // The damaged file is kept aside, marked so, and the workbook is written again.
    await expect(page.getByTestId('backup-row').first()).toContainText(en.bak.damagedBackup);
    await page.goto(`${shell.origin}/#/clients/${id}`);
    await expect(page.locator('.field[data-field="company"]')).toContainText('Lily');
    expect(await shell.call('clients.update', { id, patch: { company: 'Rose' } })).toMatchObject({
      ok: true,
    });
  } finally {
    const s = stop as (() => Promise<void>) | null;
    if (s) await s();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
