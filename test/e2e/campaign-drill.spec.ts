/**
 * "Act on any list" (issue 17) from the "slipping away" drill-down of the dashboard: its action
 * bar and dialogs; the issue's "done when" as one flow: a campaign with a message template
 * started on every client behind the figure (the drill-down remembered and named on the
 * campaign page), two messages sent one by one (copied, the links' addresses checked, not
 * opened; outcomes chosen), the message on the card, sales of contacted and control clients,
 * the result's figures and sentence read; and a reminder for each client spread from the
 * drill-down, found on Today and undone.
 * Sales are dated relative to the real today, as the pages ask for their own date.
 */
import type { Page } from '@playwright/test';
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

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` in the machine's time zone, like the pages compute it. */
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return ymd(d);
}

/** In the Russian order «Фамилия Имя», as the template reads a name. */
const SLIPPING = [
  'Крупнов Аркадий',
  'Вишнева Белла',
  'Гром Валерий',
  'Дроздова Галина',
  'Ежов Дмитрий',
  'Жарова Елена',
  'Зимин Жорж',
  'Ильина Зоя',
  'Ковалёв Игорь',
  'Лебедева Кира',
];

/**
 * Ten clients who bought every 30 days and stopped 100+ days ago (slipping away), each with a
 * phone and an e-mail; two who buy on time. Returns the ids by name.
 */
async function seed(shell: Shell, names: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const buyers = [
    ...names.map((name, i) => ({
      name,
      last: 100 + i * 3,
      amount: 10_000 + i * 1_000,
      phone: `+7 900 000-00-${pad(i)}`,
      email: `client${i}@example.ru`,
    })),
    { name: 'Ровный Борис', last: 10, amount: 5_000 },
    { name: 'Точная Вера', last: 12, amount: 5_000 },
  ];
  for (const { last, amount, ...client } of buyers) {
    const { id } = await call<{ id: string }>(shell, 'clients.create', client);
    ids.set(client.name, id);
    for (let i = 0; i < 4; i++) {
      await call(shell, 'sales.add', {
        clientId: id,
        date: daysAgo(last + 30 * i),
        amount: amount * 100,
      });
    }
  }
  return ids;
}

/** Opens the dashboard (the shell's address first: it hands the page its token). */
async function openDashboard(page: Page, shell: Shell): Promise<void> {
  await page.goto(shell.url);
  await page.locator('.rail a[href="#/analytics"]').click();
  await page.locator('[data-testid="ana-grid"], [data-testid="ana-empty"]').waitFor();
}

for (const lang of ['ru', 'en'] as const) {
  test(`a campaign from the "slipping away" drill-down to its result, in ${lang}`, async ({
    page,
    shell,
  }) => {
    test.setTimeout(120_000);
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    await call(shell, 'managers.add', { name: lang === 'ru' ? 'Анна' : 'Anna' });
    const ids = await seed(shell, SLIPPING);

    await openDashboard(page, shell);
    await page.getByRole('button', { name: t.ana.clv.showAll.replace('{{n}}', '10') }).click();
    const drill = page.getByTestId('ana-drill');
    await expect(drill.getByTestId('ana-drill-row')).toHaveCount(10);
    const bar = drill.getByTestId('list-actions');
    await expect(bar).toContainText(t.acts.bar.replace('{{count}}', '10'));
    await page.screenshot({ path: `test-results/screens/drill-actions-${lang}.png` });
    await expectNoSeriousA11yViolations(page, `drill-actions-${lang}`);

    // The dialogs: the reminder spread and the touch, then cancelled.
    await bar.getByRole('button', { name: t.acts.remind }).click();
    const dialog = page.getByTestId('act-dialog');
    await expect(dialog.getByRole('heading', { name: t.acts.dialog.remind })).toBeVisible();
    await expect(dialog.getByTestId('act-dialog-audience')).toContainText('10');
    await dialog.getByLabel(t.acts.dialog.days).fill('4');
    await expect(dialog).toContainText(t.acts.dialog.daysHint.replace('{{perDay}}', '3'));
    await page.screenshot({ path: `test-results/screens/drill-remind-dialog-${lang}.png` });
    await expectNoSeriousA11yViolations(page, `drill-remind-dialog-${lang}`);
    await dialog.getByRole('button', { name: t.acts.cancel }).click();
    await expect(dialog).toHaveCount(0);

    await bar.getByRole('button', { name: t.acts.touch }).click();
    await expect(dialog.getByRole('heading', { name: t.acts.dialog.touch })).toBeVisible();
    await dialog.getByLabel(t.acts.dialog.kind).selectOption('offer');
    await dialog.getByLabel(t.acts.dialog.touchTag).selectOption('offer');
    await dialog.getByLabel(t.acts.dialog.body).fill(lang === 'ru' ? 'Скидка 10 %' : '10 % off');
    await page.screenshot({ path: `test-results/screens/drill-touch-dialog-${lang}.png` });
    await expectNoSeriousA11yViolations(page, `drill-touch-dialog-${lang}`);
    await dialog.getByRole('button', { name: t.acts.cancel }).click();

    // Start a campaign with a message template: the page says how many and where they come from.
    await bar.getByRole('button', { name: t.acts.campaign }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.camp.new.title })).toBeVisible();
    await expect(page.getByTestId('campaign-audience')).toContainText('10');
    await expect(page.getByTestId('campaign-source')).toContainText(t.ana.drill.titles.slipping);
    const campaignName = lang === 'ru' ? 'Вернуть уходящих' : 'Win them back';
    await page.getByLabel(t.camp.new.name).fill(campaignName);
    await page.getByLabel(t.camp.new.holdout).fill('20');
    await page.getByLabel(t.camp.new.action).selectOption('message');
    await page
      .getByLabel(t.camp.new.template)
      .fill(lang === 'ru' ? 'Здравствуйте, {имя}!' : 'Hello {first name}!');
    const greeting = (name: string) => {
      const firstName = name.split(' ')[1]!;
      return lang === 'ru' ? `Здравствуйте, ${firstName}!` : `Hello ${firstName}!`;
    };
    // The preview reads the drill-down's own clients.
    const preview = page.getByTestId('preview-message');
    await expect(preview.first()).toBeVisible();
    await expect(page.getByTestId('template-error')).toHaveCount(0);
    await expect(preview).toHaveCount(3);
    for (const item of await preview.all()) {
      const previewName = (await item.locator('strong').textContent())!;
      expect(SLIPPING).toContain(previewName);
      await expect(item.locator('p')).toHaveText(greeting(previewName));
    }
    await page.screenshot({
      path: `test-results/screens/drill-campaign-new-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `drill-campaign-new-${lang}`);
    await page.getByRole('button', { name: t.camp.new.start }).click();

    const members = page.getByTestId('campaign-member');
    await expect(members).toHaveCount(10);
    const campaignUrl = page.url();
    const campaignId = campaignUrl.split('/campaigns/')[1]!;
    const campaign = await call<{ drill?: { kind: string } }>(shell, 'campaigns.get', {
      id: campaignId,
    });
    expect(campaign.drill?.kind).toBe('slipping');
    // The page says where its audience came from.
    await expect(page.getByTestId('campaign-drill')).toHaveText(
      t.camp.drillSource.replace('{{source}}', t.ana.drill.titles.slipping),
    );
    const control = members.and(page.locator('[data-group="control"]'));
    await expect(control).toHaveCount(2);
    const contact = members.and(page.locator('[data-group="contact"]'));
    await expect(contact).toHaveCount(8);

    // Two messages sent one by one: copied, the links' addresses checked (not opened), outcomes.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: t.camp.send.open }).click();
    const flow = page.getByTestId('send-flow');
    await expect(flow).toBeVisible();
    const client = flow.getByTestId('send-client');
    const heading = client.getByRole('heading');
    await expect(heading).not.toHaveText('');
    const firstName = (await heading.textContent())!;
    const firstIndex = SLIPPING.indexOf(firstName);
    expect(firstIndex).toBeGreaterThanOrEqual(0);
    const firstText = greeting(firstName);
    await expect(flow.getByTestId('send-text')).toHaveText(firstText);
    await expect(flow.getByTestId('send-link-whatsapp')).toHaveAttribute(
      'href',
      `https://wa.me/790000000${pad(firstIndex)}?text=${encodeURIComponent(firstText)}`,
    );
    await expect(flow.getByTestId('send-link-email')).toHaveAttribute(
      'href',
      `mailto:client${firstIndex}@example.ru?subject=${encodeURIComponent(campaignName)}&body=${encodeURIComponent(firstText)}`,
    );
    await flow.getByRole('button', { name: t.camp.send.copy }).click();
    await expect(flow.getByRole('button', { name: t.camp.send.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstText);
    await page.screenshot({ path: `test-results/screens/drill-campaign-send-${lang}.png` });
    await client.getByRole('button', { name: t.camp.outcomes.agreed, exact: true }).click();
    await expect(flow.getByTestId('send-status')).toHaveText(
      t.camp.send.logged.replace('{{name}}', firstName),
    );
    await flow.getByRole('button', { name: t.camp.send.next }).click();

    await expect(heading).not.toHaveText(firstName);
    const secondName = (await heading.textContent())!;
    const secondIndex = SLIPPING.indexOf(secondName);
    expect(secondIndex).toBeGreaterThanOrEqual(0);
    const secondText = greeting(secondName);
    await expect(flow.getByTestId('send-text')).toHaveText(secondText);
    await expect(flow.getByTestId('send-link-sms')).toHaveAttribute(
      'href',
      `sms:+790000000${pad(secondIndex)}?body=${encodeURIComponent(secondText)}`,
    );
    await client.getByRole('button', { name: t.camp.outcomes.not_reached, exact: true }).click();
    await expect(flow.getByTestId('send-status')).toContainText(secondName);
    await expect(flow.getByTestId('send-progress')).toHaveText(
      t.camp.send.progress.replace('{{n}}', '6').replace('{{total}}', '8'),
    );
    await flow.getByRole('button', { name: t.camp.send.close }).click();
    await expect(flow).toHaveCount(0);
    await expect(page.getByTestId('campaign-summary')).toContainText(
      t.camp.progress.replace('{{done}}', '2').replace('{{total}}', '8'),
    );

    // The message with its outcome is on the first client's card.
    await page.getByRole('link', { name: firstName }).first().click();
    await expect(
      page.getByText(
        lang === 'ru'
          ? `Кампания «${campaignName}», сообщение: согласие`
          : `Campaign "${campaignName}", message: agreed`,
      ),
    ).toBeVisible();
    await expect(page.getByText(firstText)).toBeVisible();

    // Sales: both contacted clients (one with a margin) and one control client (without).
    await page.goto(campaignUrl);
    await expect(members).toHaveCount(10);
    const controlClient = (await control.first().getByRole('link').textContent())!;
    await call(shell, 'sales.add', {
      clientId: ids.get(firstName),
      date: daysAgo(0),
      amount: 200_000,
      margin: 50_000,
    });
    await call(shell, 'sales.add', {
      clientId: ids.get(secondName),
      date: daysAgo(0),
      amount: 150_000,
    });
    await call(shell, 'sales.add', {
      clientId: ids.get(controlClient),
      date: daysAgo(0),
      amount: 200_000,
    });
    await page.reload();

    // The result: contact vs control, and the honest sentence (too few clients to tell).
    // Money as each language writes it: «3 500,00 ₽», "₽3,500.00".
    const rubles = (thousands: string, rest: string) =>
      new RegExp(`^₽?${thousands ? `${thousands}[\\s,]` : ''}${rest}[.,]00(\\s₽)?$`);
    const cells = (group: 'contact' | 'control') =>
      page.getByTestId(`result-${group}`).getByRole('cell');
    const contactCells = cells('contact');
    await expect(contactCells.nth(0)).toHaveText('8');
    await expect(contactCells.nth(1)).toHaveText('2');
    await expect(contactCells.nth(2)).toHaveText(/^25\s?%$/);
    await expect(contactCells.nth(3)).toHaveText(rubles('3', '500'));
    await expect(contactCells.nth(5)).toHaveText(rubles('', '500'));
    const controlCells = cells('control');
    await expect(controlCells.nth(0)).toHaveText('2');
    await expect(controlCells.nth(1)).toHaveText('1');
    await expect(controlCells.nth(2)).toHaveText(/^50\s?%$/);
    await expect(controlCells.nth(3)).toHaveText(rubles('2', '000'));
    // No control sale has a margin entered: unknown, not zero.
    await expect(controlCells.nth(5)).toHaveText('—');
    const verdict = page.getByTestId('campaign-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'tooLittle');
    await expect(verdict).toHaveText(t.camp.verdict.tooLittle);
    await page.screenshot({
      path: `test-results/screens/drill-campaign-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `drill-campaign-${lang}`);
  });

  test(`a reminder for each client of a drill-down, on Today, in ${lang}`, async ({
    page,
    shell,
    clients,
  }) => {
    test.setTimeout(120_000);
    const t = lang === 'en' ? en : ru;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await call(shell, 'settings.set', { language: lang });
    const anna = lang === 'ru' ? 'Анна' : 'Anna';
    const oleg = lang === 'ru' ? 'Олег' : 'Oleg';
    await call(shell, 'managers.add', { name: anna });
    await call(shell, 'managers.add', { name: oleg });
    const names = SLIPPING.slice(0, 3);
    await seed(shell, names);

    await openDashboard(page, shell);
    await page.goto(`${shell.origin}/#/analytics?drill=slipping:all`);
    const drill = page.getByTestId('ana-drill');
    await expect(drill.getByTestId('ana-drill-row')).toHaveCount(3);
    const bar = drill.getByTestId('list-actions');
    await bar.getByRole('button', { name: t.acts.remind }).click();
    const dialog = page.getByTestId('act-dialog');
    const title = lang === 'ru' ? 'Позвонить уходящему' : 'Call the one slipping away';
    await dialog.getByLabel(t.acts.dialog.title).fill(title);
    await dialog.getByLabel(t.acts.dialog.days).fill('1');
    await dialog.getByRole('checkbox', { name: anna }).check();
    await dialog.getByRole('checkbox', { name: oleg }).check();
    await dialog.getByRole('button', { name: t.acts.apply.replace('{{count}}', '3') }).click();
    await expect(dialog).toHaveCount(0);
    const status = bar.getByRole('status');
    await expect(status).toContainText(t.acts.done.remind_few.replace('{{count}}', '3'));
    await page.screenshot({ path: `test-results/screens/drill-remind-done-${lang}.png` });

    // Today: three reminders due today, named to the managers in turn.
    await page.locator('.rail a[href="#/today"]').click();
    const rows = page.getByTestId('today-due').getByTestId('reminder-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: `${title} — ${anna}` })).toHaveCount(2);
    await expect(rows.filter({ hasText: `${title} — ${oleg}` })).toHaveCount(1);
    // Today's "slipping away" offers the same actions on its whole list.
    const slippingBar = page.getByTestId('slipping-actions');
    const toggle = slippingBar.getByRole('button', { name: t.acts.bar.replace('{{count}}', '3') });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(slippingBar.getByRole('button', { name: t.acts.campaign })).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/today-actions-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `today-actions-${lang}`);

    // A touch for each from Today's list, announced, and undone.
    await slippingBar.getByRole('button', { name: t.acts.touch }).click();
    const touchDialog = page.getByTestId('act-dialog');
    await touchDialog.getByLabel(t.acts.dialog.body).fill(lang === 'ru' ? 'Открытка' : 'A card');
    await touchDialog.getByRole('button', { name: t.acts.apply.replace('{{count}}', '3') }).click();
    const touched = slippingBar.getByRole('status');
    await expect(touched).toContainText(t.acts.done.touch_few.replace('{{count}}', '3'));
    await touched.getByRole('button', { name: t.acts.undo }).click();
    await expect(touched).toContainText(
      t.acts.undone_many.replace('{{count}}', '3').split(':')[0]!,
    );

    // The client list's selection offers them too, beside its own bulk edits.
    await clients.open();
    for (const name of names.slice(0, 2)) await clients.row(name).getByRole('checkbox').check();
    const listBar = page.getByTestId('list-actions');
    await expect(listBar.getByRole('button', { name: t.acts.remind })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/list-actions-bar-${lang}.png` });
    await listBar.getByRole('button', { name: t.acts.touch }).click();
    await dialog.getByLabel(t.acts.dialog.body).fill(lang === 'ru' ? 'Письмо' : 'A letter');
    await dialog.getByRole('button', { name: t.acts.apply.replace('{{count}}', '2') }).click();
    await expect(page.locator('.toast')).toBeVisible();
    await expect(clients.row(names[0]!).getByRole('checkbox')).not.toBeChecked();
  });
}
