/**
 * A campaign's messages (issue 17) as the owner sends them: a template written with the field
 * buttons and previewed per client (an unknown placeholder explained beside it), two messages
 * sent one by one (copied; the links' addresses checked, not opened), the outcomes marked, the
 * message on the card, Today's to-do going down, and the CSV for a mailing service read back.
 * Screenshots of the form, the sending and Today in Russian and English.
 */
import fs from 'node:fs';
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

const PEOPLE = [
  { name: 'Иванова Анна Сергеевна', phone: '8 912 345-67-89', email: 'anna@example.ru' },
  { name: 'Борисов Борис Петрович', phone: '+7 903 000-11-22', email: 'boris@example.ru' },
  { name: 'Власова Вера', email: 'vera@example.ru' },
];

for (const lang of ['ru', 'en'] as const) {
  test(`messages from a template, sent one by one and exported, in ${lang}`, async ({
    page,
    shell,
    clients,
  }) => {
    const t = lang === 'en' ? en : ru;
    const ruText = lang === 'ru';
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await call(shell, 'settings.set', { language: lang });
    const manager = await call<{ id: string }>(shell, 'managers.add', { name: 'Пётр Смирнов' });
    for (const p of PEOPLE) {
      await call(shell, 'clients.create', { ...p, managerId: manager.id });
    }
    await call(shell, 'clients.create', { name: 'Глебов Глеб' });
    await clients.open();
    for (const p of PEOPLE) await clients.row(p.name).getByRole('checkbox').check();
    await page.getByRole('button', { name: t.camp.startFromList }).click();

    await expect(page.getByRole('heading', { level: 1, name: t.camp.new.title })).toBeVisible();
    // The template: written, a field put in with its button, previewed per client.
    const name = ruText ? 'Весна' : 'Spring';
    await page.getByLabel(t.camp.new.name).fill(name);
    await page.getByLabel(t.camp.new.holdout).fill('0');
    await page.getByLabel(t.camp.new.action).selectOption('message');
    const template = page.getByLabel(t.camp.new.template);
    await template.fill(ruText ? 'Здравствуйте, {имя' : 'Hello {first name');
    // The template's own words beside it, not a generic "some data is invalid".
    await expect(page.getByTestId('template-error')).toHaveText(
      ruText ? /^В шаблоне скобка без пары\./ : /^The template has a brace without its pair\./,
    );
    await template.fill(
      ruText
        ? 'Здравствуйте, {имя} {отчество}! Ваш {скидка}'
        : 'Hello {first name} {patronymic}! Your {discount}',
    );
    await expect(page.getByTestId('template-error')).toContainText(
      ruText ? '{скидка}' : '{discount}',
    );
    await template.fill(
      ruText
        ? 'Здравствуйте, {имя} {отчество}! Ваш менеджер '
        : 'Hello {first name} {patronymic}! Your manager is ',
    );
    await page.getByRole('button', { name: `{${t.camp.template.fields.manager}}` }).click();
    await expect(template).toBeFocused();
    await expect(template).toHaveValue(
      ruText
        ? 'Здравствуйте, {имя} {отчество}! Ваш менеджер {менеджер}'
        : 'Hello {first name} {patronymic}! Your manager is {manager}',
    );
    const borisText = ruText
      ? 'Здравствуйте, Борис Петрович! Ваш менеджер Пётр Смирнов'
      : 'Hello Борис Петрович! Your manager is Пётр Смирнов';
    const veraText = ruText
      ? 'Здравствуйте, Вера! Ваш менеджер Пётр Смирнов'
      : 'Hello Вера! Your manager is Пётр Смирнов';
    const preview = page.getByTestId('preview-message');
    await expect(preview).toHaveCount(3);
    await expect(page.getByTestId('template-error')).toHaveCount(0);
    await expect(preview.filter({ hasText: 'Борисов Борис Петрович' })).toContainText(borisText);
    await expect(preview.filter({ hasText: 'Власова Вера' })).toContainText(veraText);
    await page.screenshot({
      path: `test-results/screens/campaign-template-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `campaign-template-${lang}`);
    await page.getByRole('button', { name: t.camp.new.start }).click();
    await expect(page.getByTestId('campaign-summary')).toBeVisible();
    const campaignUrl = page.url();

    // Today: the campaign's to-do, all three still to write to.
    const todoLine = (pending: number) =>
      t.camp.todo.line
        .replace('{{action}}', t.camp.todo.actions.message)
        .replace('{{pending}}', String(pending))
        .replace('{{total}}', '3');
    await visit(page, '/');
    const todo = page.getByTestId('today-campaign');
    await expect(todo.getByTestId('today-campaign-count')).toHaveText(todoLine(3));
    await todo.getByRole('link', { name }).click();

    // One by one, from Today's link: Boris first (by name), his contacts and his message.
    const flow = page.getByTestId('send-flow');
    await expect(flow).toBeVisible();
    const client = page.getByTestId('send-client');
    await expect(client.getByRole('heading')).toHaveText('Борисов Борис Петрович');
    await expect(page.getByTestId('send-text')).toHaveText(borisText);
    await expect(page.getByTestId('send-phone')).toHaveText('+7 903 000-11-22');
    const body = encodeURIComponent(borisText);
    await expect(page.getByTestId('send-link-whatsapp')).toHaveAttribute(
      'href',
      `https://wa.me/79030001122?text=${body}`,
    );
    await expect(page.getByTestId('send-link-sms')).toHaveAttribute(
      'href',
      `sms:+79030001122?body=${body}`,
    );
    await expect(page.getByTestId('send-link-call')).toHaveAttribute('href', 'tel:+79030001122');
    await expect(page.getByTestId('send-link-email')).toHaveAttribute(
      'href',
      `mailto:boris@example.ru?subject=${encodeURIComponent(name)}&body=${body}`,
    );
    const copy = page.getByRole('button', { name: t.camp.send.copy });
    await expect(copy).toBeFocused();
    await copy.click();
    await expect(page.getByRole('button', { name: t.camp.send.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(borisText);
    await page.screenshot({
      path: `test-results/screens/campaign-send-${lang}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `campaign-send-${lang}`);
    await client.getByRole('button', { name: t.camp.outcomes.reached, exact: true }).click();
    await expect(page.getByTestId('send-status')).toHaveText(
      t.camp.send.logged.replace('{{name}}', 'Борисов Борис Петрович'),
    );
    // The keyboard goes on: "Next" has the focus.
    await expect(page.getByRole('button', { name: t.camp.send.next })).toBeFocused();
    await page.keyboard.press('Enter');

    // Vera has only an e-mail: no phone links.
    await expect(client.getByRole('heading')).toHaveText('Власова Вера');
    await expect(page.getByTestId('send-text')).toHaveText(veraText);
    await expect(page.getByTestId('send-link-sms')).toHaveCount(0);
    await expect(page.getByTestId('send-link-email')).toHaveAttribute(
      'href',
      `mailto:vera@example.ru?subject=${encodeURIComponent(name)}&body=${encodeURIComponent(veraText)}`,
    );
    await client.getByRole('button', { name: t.camp.send.sent }).click();
    await expect(page.getByTestId('send-status')).toContainText('Власова Вера');
    await expect(page.getByTestId('send-progress')).toHaveText(
      t.camp.send.progress.replace('{{n}}', '1').replace('{{total}}', '3'),
    );

    // Anna passed over without a word: the list ends, saying she still waits.
    await page.getByRole('button', { name: t.camp.send.next }).click();
    await expect(client.getByRole('heading')).toHaveText('Иванова Анна Сергеевна');
    await page.getByRole('button', { name: t.camp.send.next }).click();
    await expect(page.getByTestId('send-done')).toContainText(
      t.camp.send.endOfList_one.replace('{{count}}', '1'),
    );

    // The message with its outcome is on Boris's card.
    await page.goto(campaignUrl);
    await page.getByRole('link', { name: 'Борисов Борис Петрович' }).click();
    await expect(
      page.getByText(
        ruText ? 'Кампания «Весна», сообщение: дозвонились' : 'Campaign "Spring", message: reached',
      ),
    ).toBeVisible();
    await expect(page.getByText(borisText)).toBeVisible();

    // Today's to-do went down by two.
    await visit(page, '/');
    await expect(page.getByTestId('today-campaign-count')).toHaveText(todoLine(1));
    await page.screenshot({
      path: `test-results/screens/campaign-today-${lang}.png`,
      fullPage: true,
    });

    // The CSV for a mailing service: the one still to do, with an e-mail.
    await page.goto(campaignUrl);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.camp.csv.email }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ email-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await fs.promises.readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const annaText = ruText
      ? 'Здравствуйте, Анна Сергеевна! Ваш менеджер Пётр Смирнов'
      : 'Hello Анна Сергеевна! Your manager is Пётр Смирнов';
    expect(bytes.subarray(3).toString('utf8')).toBe(
      `email,name,first_name,message\r\nanna@example.ru,Иванова Анна Сергеевна,Анна,${ruText ? `"${annaText}"` : annaText}\r\n`,
    );
    await page.getByRole('button', { name: t.camp.csv.markSent }).click();
    await expect(page.getByTestId('campaign-csv')).toContainText(
      ruText ? 'Отмечен 1 клиент.' : '1 client marked as contacted.',
    );
    await visit(page, '/');
    await expect(page.getByTestId('today-campaigns')).toHaveCount(0);
  });
}
