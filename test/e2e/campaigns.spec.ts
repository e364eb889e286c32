/**
 * Campaigns (issue 17) as the owner runs one: clients chosen in the list, a campaign started
 * with a control group, a contact marked with its outcome (logged on the card), sales of a
 * contacted and a control client, and the result read; screenshots in Russian and English.
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

const NAMES = [
  'Анна Белова',
  'Борис Гусев',
  'Вера Дымова',
  'Глеб Ершов',
  'Дина Жукова',
  'Егор Зуев',
];

/** The local day of an instant, as sales are dated. */
function dayOf(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

for (const lang of ['ru', 'en'] as const) {
  test(`a campaign from the list to its result, in ${lang}`, async ({ page, shell, clients }) => {
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    const ids = new Map<string, string>();
    for (const name of [...NAMES, 'Жанна Иванова']) {
      ids.set(name, (await call<{ id: string }>(shell, 'clients.create', { name })).id);
    }
    await clients.open();
    for (const name of NAMES) await clients.row(name).getByRole('checkbox').check();
    await page.getByRole('button', { name: t.camp.startFromList }).click();

    await expect(page.getByRole('heading', { level: 1, name: t.camp.new.title })).toBeVisible();
    await expect(page.getByTestId('campaign-audience')).toContainText('6');
    await page.getByLabel(t.camp.new.name).fill(lang === 'ru' ? 'Весенний обзвон' : 'Spring calls');
    await page.getByLabel(t.camp.new.holdout).fill('34');
    await page.screenshot({
      path: `test-results/screens/campaign-new-${lang}.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: t.camp.new.start }).click();

    const members = page.getByTestId('campaign-member');
    await expect(members).toHaveCount(6);
    const control = members.and(page.locator('[data-group="control"]'));
    await expect(control).toHaveCount(2);
    await expect(control.first()).toContainText(t.camp.members.leftAlone);
    const contact = members.and(page.locator('[data-group="contact"]'));
    const first = contact.first();
    const firstName = (await first.getByRole('link').textContent())!;
    const controlName = (await control.first().getByRole('link').textContent())!;

    // Both buy today: the contacted one after its call, the control one without any.
    const campaignId = page.url().split('/campaigns/')[1]!;
    const campaign = await call<{ startedAt: string }>(shell, 'campaigns.get', { id: campaignId });
    const today = dayOf(campaign.startedAt);
    for (const name of [firstName, controlName]) {
      await call(shell, 'sales.add', { clientId: ids.get(name), date: today, amount: 150_000 });
    }
    await first.getByRole('combobox').selectOption('agreed');
    await expect(first).toContainText(t.camp.statuses.done);
    await expect(page.getByTestId('campaign-summary')).toContainText(
      t.camp.progress.replace('{{done}}', '1').replace('{{total}}', '4'),
    );

    const contactRow = page.getByTestId('result-contact');
    await expect(contactRow.getByRole('cell').nth(0)).toHaveText('4');
    await expect(contactRow.getByRole('cell').nth(1)).toHaveText('1');
    const controlRow = page.getByTestId('result-control');
    await expect(controlRow.getByRole('cell').nth(0)).toHaveText('2');
    await expect(controlRow.getByRole('cell').nth(1)).toHaveText('1');
    await expect(page.getByTestId('campaign-verdict')).toHaveText(t.camp.verdict.tooLittle);
    await page.screenshot({ path: `test-results/screens/campaign-${lang}.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, `campaign-${lang}`);

    // The call is on the card's feed.
    await first.getByRole('link').click();
    await expect(
      page.getByText(
        lang === 'ru' ? 'Кампания «Весенний обзвон»: согласие' : 'Campaign "Spring calls": agreed',
      ),
    ).toBeVisible();

    await page.locator('.rail a[href="#/campaigns"]').click();
    await expect(page.getByTestId('campaign-row')).toHaveCount(1);
    await page.screenshot({ path: `test-results/screens/campaigns-${lang}.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, `campaigns-${lang}`);
  });
}
