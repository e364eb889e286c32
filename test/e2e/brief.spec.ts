/**
 * The meeting brief: opened from the card, it shows the client's contacts, portrait, purchases,
 * this year's plan, latest comments and open reminders; printed (Chromium's own PDF printer,
 * the one "Save as PDF" in the print dialog uses) it is ONE A4 page with the brief alone — no
 * rail, no buttons. The PDF is rendered to an image with pdf.js and its text read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';

const PDFJS = path.resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/build');
const VIEWER = 'http://pdf.viewer.test/';

async function seed(shell: Shell, language: 'ru' | 'en'): Promise<string> {
  await shell.call('settings.set', { language });
  await shell.call('fields.define', { key: 'area', label: 'Площадь салона, м²', type: 'number' });
  const year = new Date().getFullYear();
  const created = (await shell.call('clients.create', {
    name: 'Соколова Анна Петровна',
    company: 'Салон «Лилия»',
    position: 'Владелица',
    phone: '+7 903 111-22-33',
    email: 'anna@liliya.ru',
    tags: ['VIP', 'опт'],
    stage: 'regular',
    custom: { area: 84 },
  })) as { data: { id: string } };
  const clientId = created.data.id;
  await shell.call('sales.add', {
    clientId,
    date: `${year}-03-14`,
    amount: 12_000_00,
    category: 'Краски',
  });
  await shell.call('sales.add', {
    clientId,
    date: `${year}-09-02`,
    amount: 8_500_00,
    category: 'Краски',
  });
  await shell.call('plans.set', {
    clientId,
    category: 'Краски',
    period: String(year),
    plan: 40_000_00,
    potential: 90_000_00,
  });
  await shell.call('comments.add', {
    clientId,
    kind: 'call',
    body: 'Просила прислать каталог весенней коллекции до пятницы.',
  });
  await shell.call('comments.add', {
    clientId,
    kind: 'meeting',
    body: 'Обсудили скидку 5 % при заказе от 30 000 ₽.',
  });
  await shell.call('reminders.add', {
    clientId,
    title: 'Отвезти образцы',
    due: `${year + 1}-01-15`,
  });
  return clientId;
}

/** Renders the first page of a PDF with pdf.js in the browser; returns its pages and text. */
async function renderPdf(page: Page, pdf: Buffer): Promise<{ pages: number; text: string }> {
  await page.route(`${VIEWER}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'brief.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    if (name.endsWith('.mjs')) {
      return route.fulfill({
        body: fs.readFileSync(path.join(PDFJS, name)),
        contentType: 'text/javascript',
      });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body style="margin:0;background:#888"><canvas></canvas>
        <script type="module">
          import * as pdfjs from '/pdf.min.mjs';
          pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';
          const doc = await pdfjs.getDocument('/brief.pdf').promise;
          const first = await doc.getPage(1);
          const viewport = first.getViewport({ scale: 1.5 });
          const canvas = document.querySelector('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
          const content = await first.getTextContent();
          window.rendered = {
            pages: doc.numPages,
            text: content.items.map((i) => i.str).join(' '),
          };
        </script></body>`,
    });
  });
  await page.goto(`${VIEWER}view.html`);
  await page.waitForFunction(() => 'rendered' in window, undefined, { timeout: 30_000 });
  return page.evaluate(
    () => (window as unknown as { rendered: { pages: number; text: string } }).rendered,
  );
}

for (const [language, words] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`the meeting brief is one printed page about the client (${language})`, async ({
    page,
    shell,
    context,
  }) => {
    const clientId = await seed(shell, language);
    await page.goto(shell.url);
    await page.locator('.rail').waitFor();
    await page.goto(new URL(`/?visit#/clients/${clientId}`, page.url()).toString());
    await page.getByRole('link', { name: words.brief.open }).click();

    const brief = page.getByRole('article');
    await expect(brief.getByRole('heading', { name: 'Соколова Анна Петровна' })).toBeVisible();
    await expect(brief).toContainText('Салон «Лилия»');
    await expect(brief).toContainText('+7 903 111-22-33');
    await expect(page.getByTestId('brief-portrait')).toContainText('Площадь салона, м²');
    await expect(page.getByTestId('brief-portrait')).toContainText('84');
    await expect(page.getByTestId('brief-figures')).toContainText(/20[\s,]500/);
    // The plan: 40 000 planned, 20 500 bought, 51 % done, 90 000 potential.
    await expect(page.getByTestId('brief-plan')).toContainText(/40[\s,]000/);
    await expect(page.getByTestId('brief-plan')).toContainText(/51\s?%/);
    const comments = page.getByTestId('brief-comments').getByRole('listitem');
    await expect(comments).toHaveCount(2);
    // The newest first.
    await expect(comments.first()).toContainText('скидку 5 %');
    await expect(page.getByTestId('brief-reminders')).toContainText('Отвезти образцы');
    await page.screenshot({ path: `test-results/screens/brief-${language}.png`, fullPage: true });

    // The print button opens the browser's print dialog (its "Save as PDF" printer).
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void (w.printed += 1);
    });
    await page.getByRole('button', { name: words.brief.print }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // What that printer makes: one A4 page with the brief and nothing of the app around it.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `test-results/screens/brief-print-${language}.png` });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const viewer = await context.newPage();
    const rendered = await renderPdf(viewer, pdf);
    await viewer.screenshot({
      path: `test-results/screens/brief-pdf-${language}.png`,
      fullPage: true,
    });
    expect(rendered.pages).toBe(1);
    expect(rendered.text).toContain('Соколова Анна Петровна');
    expect(rendered.text).toContain('Отвезти образцы');
    expect(rendered.text).toContain(words.brief.comments);
    expect(rendered.text).not.toContain(words.brief.print);
    expect(rendered.text).not.toContain(words.nav.today);
  });
}

test('the browser shell has no direct PDF save: it says to use the print dialog', async ({
  shell,
}) => {
  await shell.call('settings.set', { language: 'ru' });
  const answer = (await shell.call('print.toPdf', { fileName: 'Соколова' })) as {
    ok: boolean;
    error?: { code: string; message: string };
  };
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('unavailable');
  expect(answer.error?.message).toContain('Сохранить как PDF');
});
