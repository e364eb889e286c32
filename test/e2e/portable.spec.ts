/**
 * Portable mode through the Workbook screen: a workbook in a folder the shell treats as a stick
 * (`--portable-root`) is worked on in a local copy; a change made on a client's card reaches
 * the stick's file only when saved back ("Save to the stick"), with the previous version kept
 * as `.bak`, both read with plain SQLite; with the stick pulled out the screen says the work is
 * safe, and saving it elsewhere puts the latest change in that file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, startShell, test, visit } from './fixtures';
import { ClientCardPage } from './pages/client-card-page';
import { ClientsPage } from './pages/clients-page';
import { WorkbookPage } from './pages/workbook-page';

/** The company of the one client in a workbook file, read as another program would. */
function companyIn(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT company FROM clients').pluck().get();
  } finally {
    db.close();
  }
}

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`a workbook on a stick is saved back from the Workbook screen, and kept when the stick is out (${lang})`, async ({
    page,
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-stick-'));
    const stickDir = path.join(dir, 'STICK');
    fs.mkdirSync(stickDir);
    const { shell, child } = await startShell(dir, { args: ['--portable-root', stickDir] });
    try {
      await shell.call('settings.set', { language: lang });
      // The workbook on the stick: made there with one client, then left (saved back as it closes).
      const onStick = path.join(
        stickDir,
        lang === 'ru' ? 'Клиенты.kartoteka' : 'Clients.kartoteka',
      );
      expect(await shell.call('workbook.create', { path: onStick })).toMatchObject({ ok: true });
      // The language is a setting of each workbook: set here, the screen has nothing to write.
      await shell.call('settings.set', { language: lang });
      await shell.call('clients.create', { name: 'Иванова Мария', company: 'Старая вывеска' });
      await shell.call('workbook.open', { path: shell.workbook });
      expect(companyIn(onStick)).toBe('Старая вывеска');

      await page.goto(shell.url);
      const workbook = new WorkbookPage(page, t);
      await workbook.open();
      await workbook.openPath(onStick);
      await page.locator('.rail').waitFor();
      await expect(page.getByTestId('workbook-name')).toHaveText(
        path.basename(onStick, '.kartoteka'),
      );
      await expect(page.getByRole('img', { name: t.port.mark.saved })).toBeVisible();

      // A change on the card: in the working copy only, until saved back.
      const clients = new ClientsPage(page, shell);
      await visit(page, '/clients');
      await clients.row('Иванова Мария').getByRole('link').click();
      const card = new ClientCardPage(page);
      await card.edit('company', 'Салон «Лилия»');
      await expect(card.field('company')).toContainText('Салон «Лилия»');
      await expect(page.getByRole('img', { name: t.port.mark.unsaved })).toBeVisible();
      expect(companyIn(onStick)).toBe('Старая вывеска');

      await workbook.open();
      const panel = workbook.panel(t.port.title);
      await expect(panel.getByTestId('portable-source')).toHaveText(onStick);
      await expect(panel.getByTestId('portable-changes')).toHaveText(t.port.unsaved);
      await panel.getByRole('button', { name: t.port.save }).click();
      await expect(panel.getByTestId('portable-changes')).toHaveText(t.port.saved);
      await expect(panel.getByTestId('portable-last-saved')).not.toHaveText(t.port.never);
      await page.screenshot({ path: `test-results/screens/portable-${lang}.png`, fullPage: true });

      // Plain SQLite on the stick: the change is in the file, the version before it in the .bak.
      expect(companyIn(onStick)).toBe('Салон «Лилия»');
      expect(companyIn(`${onStick}.bak`)).toBe('Старая вывеска');
      expect(
        fs
          .readdirSync(stickDir)
          .filter((f) => !f.endsWith('.lock'))
          .sort(),
      ).toEqual([path.basename(onStick), `${path.basename(onStick)}.bak`].sort());

      // The stick pulled out, and one more change: kept here, and saved to another place.
      fs.renameSync(stickDir, path.join(dir, 'pulled-out'));
      await visit(page, '/clients');
      await clients.row('Иванова Мария').getByRole('link').click();
      await card.edit('company', 'Салон «Роза»');
      await expect(card.field('company')).toContainText('Салон «Роза»');
      await workbook.open();
      const missing = panel.getByTestId('portable-missing');
      await expect(missing).toContainText(t.port.missing.title);
      await expect(panel.getByTestId('portable-changes')).toHaveText(t.port.unsaved);
      await expect(page.getByRole('img', { name: t.port.mark.missing }).first()).toBeVisible();
      await expect(panel.getByRole('button', { name: t.port.save })).toHaveCount(0);
      await page.screenshot({
        path: `test-results/screens/portable-missing-${lang}.png`,
        fullPage: true,
      });

      const elsewhere = path.join(dir, 'Elsewhere.kartoteka');
      await missing.getByLabel(t.port.missing.path).fill(elsewhere);
      await missing.getByRole('button', { name: t.port.missing.submit }).click();
      await expect(panel.getByRole('status').last()).toContainText(elsewhere);
      await expect(panel.getByTestId('portable-source')).toHaveText(elsewhere);
      await expect(panel.getByTestId('portable-changes')).toHaveText(t.port.saved);
      expect(companyIn(elsewhere)).toBe('Салон «Роза»');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
