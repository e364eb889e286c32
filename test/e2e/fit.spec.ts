/**
 * Screens that fit: the client list readable at 1366×768 (phones, stages, dates and headers
 * whole) and usable at 1024×768 (sideways scroll, the name frozen), columns resized by drag or
 * keys and remembered after a reload, a tooltip on a cut cell, a compact density; growth
 * points' «Кросс-продажа» in view at 1366; a phone's «Копировать» and «Позвонить» inside the
 * card at 1280.
 */
import type { Locator, Page } from '@playwright/test';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, visit, type Shell } from './fixtures';
import { seedDemo } from './pages/tour';

/** Elements whose text does not fit their box, as "text (need px > have px)". */
async function cut(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) =>
    els
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

async function openList(page: Page, shell: Shell): Promise<void> {
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/clients';
  });
  await expect(page.getByTestId('clients-count')).toContainText('36');
  await expect(page.locator('.table__body [role="row"]').first()).toContainText(/\S/);
}

const header = (page: Page, label: string) =>
  page.getByRole('columnheader').filter({ has: page.getByRole('button', { name: label }) });

const widthOf = async (el: Locator) => (await el.boundingBox())?.width ?? 0;

test('at 1366×768 phones, stages, dates and headers are not cut', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedDemo(shell, 'ru');
  await openList(page, shell);
  expect(await cut(page.locator('.table__head .sort'))).toEqual([]);
  for (const column of ['phone', 'stage', 'lastPurchase', 'updatedAt', 'managerId']) {
    const cells = page.locator(`.table__body .cell--${column}`);
    await expect(cells.first()).toBeVisible();
    expect(await cut(cells), column).toEqual([]);
    expect(await cut(page.locator(`.table__body .cell--${column} > *`)), column).toEqual([]);
  }
  // Nothing hides behind a sideways scroll at this size.
  const body = page.locator('.table__body');
  expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('at 1024×768 the list scrolls sideways with the name column frozen', async ({
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await seedDemo(shell, 'ru');
  await openList(page, shell);
  expect(await cut(page.locator('.table__head .sort'))).toEqual([]);
  const body = page.locator('.table__body');
  expect(await body.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const name = page.locator('.table__body .cell--name').first();
  const before = await name.boundingBox();
  await body.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(page.locator('.table__head-scroll')).toHaveJSProperty(
    'scrollLeft',
    await body.evaluate((el) => el.scrollLeft),
  );
  // The name is where it was; the last column (Изменён) came into view, header and cells.
  expect((await name.boundingBox())?.x).toBe(before?.x);
  await expect(name).toBeInViewport({ ratio: 1 });
  await expect(header(page, ru.fields.updatedAt)).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.table__body .cell--updatedAt').first()).toBeInViewport({ ratio: 1 });
});

test('a column resized by drag or by keys keeps its width after a reload', async ({
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedDemo(shell, 'ru');
  await openList(page, shell);
  const phone = header(page, ru.fields.phone);
  const start = await widthOf(phone);
  const edge = page.getByRole('separator', {
    name: ru.list.resizeColumn.replace('{{field}}', ru.fields.phone),
  });
  const box = await edge.boundingBox();
  if (!box) throw new Error('no resize edge on the phone column');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const dragged = await widthOf(phone);
  expect(Math.abs(dragged - (start + 80))).toBeLessThanOrEqual(1);
  // The cells follow their header.
  const cell = page.locator('.table__body .cell--phone').first();
  expect(Math.abs((await widthOf(cell)) - dragged)).toBeLessThanOrEqual(1);

  const email = header(page, ru.fields.email);
  const emailStart = await widthOf(email);
  await page
    .getByRole('separator', { name: ru.list.resizeColumn.replace('{{field}}', ru.fields.email) })
    .focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(Math.abs((await widthOf(email)) - (emailStart + 32))).toBeLessThanOrEqual(1);

  await page.reload();
  await expect(page.locator('.table__body [role="row"]').first()).toContainText(/\S/);
  expect(Math.abs((await widthOf(phone)) - dragged)).toBeLessThanOrEqual(1);
  expect(Math.abs((await widthOf(email)) - (emailStart + 32))).toBeLessThanOrEqual(1);
});

test('a cut cell shows its whole text as a tooltip; rows can be compact', async ({
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedDemo(shell, 'ru');
  await openList(page, shell);
  const company = page
    .locator('.table__body .cell--company')
    .filter({ hasText: 'ООО «Строймаркет Поволжье»' })
    .first();
  // Narrowed by keys until the company no longer fits.
  const edge = page.getByRole('separator', {
    name: ru.list.resizeColumn.replace('{{field}}', ru.fields.company),
  });
  await edge.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect(await cut(company)).not.toEqual([]);
  await company.hover();
  await expect(company).toHaveAttribute('title', 'ООО «Строймаркет Поволжье»');
  // A cell that fits gets no tooltip.
  const phone = page.locator('.table__body .cell--phone').first();
  await phone.hover();
  await expect(phone).not.toHaveAttribute('title');

  const row = page.locator('.table__body [role="row"]').first();
  expect(await widthOf(row)).toBeGreaterThan(0);
  const comfortable = (await row.boundingBox())?.height ?? 0;
  await page.getByRole('button', { name: ru.list.columns }).click();
  await page.getByRole('radio', { name: ru.list.densityCompact }).check();
  await page.keyboard.press('Escape');
  const compact = (await row.boundingBox())?.height ?? 0;
  expect(compact).toBeLessThan(comfortable);
  await page.reload();
  await expect(page.locator('.table__body [role="row"]').first()).toContainText(/\S/);
  expect((await page.locator('.table__body [role="row"]').first().boundingBox())?.height).toBe(
    compact,
  );
});

test('growth points show «Кросс-продажа» at 1366 and reach it at 1024', async ({ page, shell }) => {
  await seedDemo(shell, 'ru');
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`${shell.url}`);
    await page.locator('.rail').waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/growth';
    });
    const cross = page.getByRole('columnheader', { name: ru.growth.table.crossSale });
    await expect(cross).toBeVisible();
    if (width === 1366) {
      // In view without scrolling sideways, and the page itself does not scroll sideways.
      await expect(cross).toBeInViewport({ ratio: 1 });
      expect(
        await cross.evaluate((th) => {
          const wrap = th.closest('.growth-table-wrap');
          return wrap
            ? th.getBoundingClientRect().right <= wrap.getBoundingClientRect().right
            : false;
        }),
      ).toBe(true);
    } else {
      await cross.scrollIntoViewIfNeeded();
      await expect(cross).toBeInViewport({ ratio: 1 });
    }
  }
});

test("at 1280×800 a phone's actions stay inside the card, in Russian", async ({ page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const created = (await shell.call('clients.create', {
    name: 'Иванова Мария',
    phone: '+7 912 000-00-00',
  })) as { data: { id: string } };
  await page.goto(shell.url);
  await page.locator('.rail').waitFor();
  await visit(page, `/clients/${created.data.id}`);
  const portrait = page.locator('.card__portrait');
  const call = portrait.getByRole('link', { name: ru.card.call });
  await expect(call).toBeVisible();
  await expect(portrait.getByRole('button', { name: ru.card.copyPhone })).toBeVisible();
  const box = (await portrait.boundingBox())!;
  const link = (await call.boundingBox())!;
  expect(link.x + link.width).toBeLessThanOrEqual(box.x + box.width);
});
