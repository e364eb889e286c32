/**
 * A quiet start: what a newcomer sees besides the program itself. The browser's console stays
 * empty (no warning, no error, no library's advert), every request the page makes succeeds, the
 * tab has the program's icon, and the shell's own output has no deprecation warning after an
 * Excel export (exceljs' zip writer used to call `new Buffer()`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, startShell, test } from './fixtures';
import { ExportMenuPart } from './pages/export-menu';
import { ClientsPage } from './pages/clients-page';

/** Everything the page says in its console or fails to load, from now on. */
function listen(page: Page): { heard: string[] } {
  const heard: string[] = [];
  page.on('console', (message) => heard.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => heard.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => heard.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) heard.push(`${response.status()}: ${response.url()}`);
  });
  return { heard };
}

test('the console stays empty at start, on Today and the list, and the tab has its icon', async ({
  page,
  shell,
}) => {
  const { heard } = listen(page);
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await expect(page.locator('.page__header h1')).toHaveText(ru.nav.today);
  await page.evaluate(() => {
    window.location.hash = '#/clients';
  });
  await expect(page.getByTestId('clients-count')).toBeVisible();
  expect.soft(heard).toEqual([]);

  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const size = await icon.evaluate(async (link: HTMLLinkElement) => {
    const image = new Image();
    image.src = link.href;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  });
  expect(size.width).toBeGreaterThan(0);
  expect(size.width).toBe(size.height);
  expect(heard).toEqual([]);
});

test('an Excel export prints no deprecation warning in the shell', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-quiet-'));
  const { shell, child } = await startShell(dir);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    // Export is offered once there is someone to export.
    expect(await shell.call('clients.create', { name: 'Анна Петрова' })).toMatchObject({
      ok: true,
    });
    const clients = new ClientsPage(page, shell);
    await clients.open();
    const file = await new ExportMenuPart(page, ru.exp.button).export(ru.exp.xlsx);
    expect(file.name).toMatch(/\.xlsx$/);
    // A zip: the writer did run.
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The warning is printed as the call is made, before the answer that started the download.
    expect(output).not.toMatch(/DeprecationWarning|DEP0005/);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
