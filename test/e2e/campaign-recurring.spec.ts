/**
 * A recurring birthday campaign (issue 17) as the owner sets one up: the client list filtered
 * by "days to birthday at most 7", the whole result made a recurring campaign, and a client
 * whose birthday comes near later joining when Today opens. Screenshots in Russian and English.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';

// axe is injected as a script tag, which the shell's content security policy would refuse.
test.use({ bypassCSP: true });

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** A birthday in 1990 whose day of the year comes `days` after `now` (local calendar). */
function birthdayIn(now: Date, days: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `1990-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

for (const lang of ['ru', 'en'] as const) {
  test(`a recurring birthday campaign, in ${lang}`, async ({ page, shell, clients }) => {
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    const now = await shell.advanceClock(0);
    for (const [name, days] of [
      ['Алла Быкова', 3],
      ['Вера Гусева', 6],
      ['Борис Денисов', 100],
    ] as const) {
      await call(shell, 'clients.create', { name, birthday: birthdayIn(now, days) });
    }
    await call(shell, 'clients.create', { name: 'Глеб Ершов' });

    await clients.open();
    await page.getByRole('button', { name: t.list.addFilter }).click();
    await page.getByLabel(t.list.field).selectOption({ label: t.list.related.birthdayIn });
    await page.getByLabel(t.list.condition).selectOption({ label: t.list.ops.lte });
    await page.getByLabel(t.list.value).fill('7');
    await page.getByRole('button', { name: t.list.apply }).click();
    await expect(clients.row('Алла Быкова')).toBeVisible();
    await expect(clients.row('Борис Денисов')).toHaveCount(0);
    await expect(clients.row('Глеб Ершов')).toHaveCount(0);
    await page.screenshot({
      path: `test-results/screens/clients-birthday-filter-${lang}.png`,
      fullPage: true,
    });
    await clients.row('Алла Быкова').getByRole('checkbox').check();
    await page.getByRole('button', { name: /^(Выбрать все|Select all) 2/ }).click();
    await page.getByRole('button', { name: t.camp.startFromList }).click();

    await expect(page.getByTestId('campaign-audience')).toContainText('2');
    const name = lang === 'ru' ? 'С днём рождения' : 'Happy birthday';
    await page.getByLabel(t.camp.new.name).fill(name);
    await page.getByLabel(t.camp.new.goal).selectOption('birthday');
    await page.getByLabel(t.camp.new.holdout).fill('0');
    await page.getByLabel(t.camp.new.recurring).check();
    await expect(page.getByText(t.camp.new.recurringHint)).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/campaign-new-recurring-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `campaign-new-recurring-${lang}`);
    await page.getByRole('button', { name: t.camp.new.start }).click();

    await expect(page.getByTestId('campaign-member')).toHaveCount(2);
    await expect(page.getByTestId('campaign-summary')).toContainText(t.camp.recurringBadge);

    // A birthday comes near: the client joins when Today opens.
    await call(shell, 'clients.create', { name: 'Дарья Жукова', birthday: birthdayIn(now, 2) });
    await page.locator('.rail a[href="#/today"]').click();
    await page.locator('.rail a[href="#/campaigns"]').click();
    const row = page.getByTestId('campaign-row').filter({ hasText: name });
    await expect(row).toContainText(t.camp.recurringBadge);
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');
    await row.getByRole('link', { name }).click();
    await expect(page.getByTestId('campaign-member')).toHaveCount(3);
    await expect(page.getByTestId('campaign-member').filter({ hasText: 'Дарья' })).toBeVisible();
  });
}
