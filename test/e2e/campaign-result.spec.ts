/**
 * A campaign's result over time and the comparison of campaigns (issue 17): sales after the
 * start for most of the contact group and none of the control group; the chart of the days
 * since contact, the plain-language sentence, the table of all campaigns, and a campaign
 * deleted and brought back. Screenshots in Russian and English, checked with axe.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, visit, type Shell } from './fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';

// axe is injected as a script tag, which the shell's content security policy would refuse.
test.use({ bypassCSP: true });

async function call<T>(shell: Shell, channel: string, input?: unknown): Promise<T> {
  const result = (await shell.call(channel, input)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The local day of an instant, `days` later, as sales are dated. */
function dayOf(instant: string, days = 0): string {
  const d = new Date(instant);
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface Member {
  clientId: string;
  group: 'contact' | 'control';
}

/** Figures the way the page writes them: any run of spaces (narrow or not) as one. */
const spaced = (text: string) =>
  new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));

for (const lang of ['ru', 'en'] as const) {
  test(`the result over time, the comparison and the trash, in ${lang}`, async ({
    page,
    shell,
  }) => {
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    const ids: string[] = [];
    for (let i = 1; i <= 20; i++) {
      ids.push((await call<{ id: string }>(shell, 'clients.create', { name: `Клиент ${i}` })).id);
    }
    const name = lang === 'ru' ? 'Осенний обзвон' : 'Autumn calls';
    const calls = await call<{ id: string; startedAt: string }>(shell, 'campaigns.create', {
      name,
      goal: 'win_back',
      action: 'call',
      dueDays: 14,
      holdoutPct: 50,
      seed: 'e2e',
      ids,
    });
    const other = lang === 'ru' ? 'Предложение постоянным' : 'Offer to regulars';
    await call(shell, 'campaigns.create', {
      name: other,
      goal: 'up_sale',
      action: 'offer',
      dueDays: 7,
      holdoutPct: 0,
      ids: ids.slice(0, 3),
    });
    const { members } = await call<{ members: Member[] }>(shell, 'campaigns.get', {
      id: calls.id,
    });
    const contact = members.filter((m) => m.group === 'contact').map((m) => m.clientId);
    const control = members.filter((m) => m.group === 'control').map((m) => m.clientId);
    expect([contact.length, control.length]).toEqual([10, 10]);
    // Ten days on: nine of the ten contacted bought 10 000 ₽ each, on days 2 to 6; none of
    // the control group did.
    await shell.advanceClock(10 * 86_400_000);
    for (const [i, clientId] of contact.slice(0, 9).entries()) {
      await call(shell, 'sales.add', {
        clientId,
        date: dayOf(calls.startedAt, 2 + (i % 5)),
        amount: 1_000_000,
      });
    }

    await page.goto(shell.url);
    await page.locator('.rail a[href="#/campaigns"]').click();
    const table = page.getByTestId('campaigns-compare');
    await expect(table.getByTestId('campaign-row')).toHaveCount(2);
    const row = table.locator(`[data-campaign="${calls.id}"]`);
    await expect(row.getByTestId('compare-reliable')).toHaveText(t.camp.compare.verdict.reliable);
    await expect(row.getByTestId('compare-uplift')).toHaveText(
      spaced(lang === 'ru' ? '+90 000,00' : '90,000.00'),
    );
    await expect(row).toContainText(lang === 'ru' ? '90 % / 0 %' : '90% / 0%');
    await expect(
      table.getByTestId('campaign-row').filter({ hasText: other }).getByTestId('compare-reliable'),
    ).toHaveText(t.camp.compare.verdict.noControl);
    await page.screenshot({
      path: `test-results/screens/campaigns-compare-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `campaigns-compare-${lang}`);

    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const curve = page.getByTestId('campaign-curve');
    await expect(curve.locator('canvas')).toHaveCount(2);
    await expect(curve.locator('canvas').first()).toBeVisible();
    await expect(curve).toHaveAttribute('data-days', '30');
    await expect(curve).toHaveAttribute('data-contact-buy-rate', '0.9');
    await expect(curve).toHaveAttribute('data-control-buy-rate', '0');
    await expect(curve).toHaveAttribute('data-contact-per-client', '900000');
    const window_ = page.getByRole('group', { name: t.camp.window });
    const verdict = page.getByTestId('campaign-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'reliable');
    await expect(verdict).toHaveText(
      spaced(
        lang === 'ru'
          ? 'Звонки вернули 9 клиентов сверх контрольной группы, ≈ 90 000 ₽; разница надёжна.'
          : 'Calls brought back 9 clients over the control group, ≈ ₽90,000; the difference is reliable.',
      ),
    );
    // The figures by day, for whoever cannot see the chart.
    await curve.getByText(t.camp.curve.table).click();
    await expect(curve.getByRole('row').filter({ hasText: /^7/ })).toContainText(
      lang === 'ru' ? '90 %' : '90%',
    );
    await window_.getByRole('button', { name: new RegExp('^60') }).click();
    await expect(curve).toHaveAttribute('data-days', '60');
    await expect(curve).toHaveAttribute('data-contact-buy-rate', '0.9');
    await window_.getByRole('button', { name: new RegExp('^30') }).click();
    await page.screenshot({
      path: `test-results/screens/campaign-result-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `campaign-result-${lang}`);

    // Deleted, then brought back from the toast.
    await page.getByRole('button', { name: t.camp.delete.button }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: t.camp.delete.button }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.camp.title })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(name);
    await expect(table.getByTestId('campaign-row')).toHaveCount(1);
    await page.getByRole('status').getByRole('button', { name: t.camp.delete.undo }).click();
    await expect(table.getByTestId('campaign-row')).toHaveCount(2);
    await expect(page.getByRole('status')).toContainText(
      t.camp.delete.restored.replace('{{name}}', name),
    );
    const back = await call<{ members: Member[] }>(shell, 'campaigns.get', { id: calls.id });
    expect(back.members).toEqual(members);
    await visit(page, '/campaigns');
    await expect(page.getByRole('status')).toHaveCount(0);
  });
}
