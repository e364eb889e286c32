/**
 * The owner sets up the workbook in Settings: a custom field, managers, who works at this
 * computer, handing one manager's clients to another, and a lost reason.
 */
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { expect, test, type Shell } from './fixtures';
import { SettingsPage } from './pages/settings-page';

interface Ok<T> {
  ok: true;
  data: T;
}

async function clientsOf(shell: Shell, managerId: string): Promise<string[]> {
  const answer = (await shell.call('clients.list', {
    filters: [{ field: 'managerId', op: 'eq', value: managerId }],
  })) as Ok<{ rows: { name: string }[] }>;
  return answer.data.rows.map((r) => r.name).sort();
}

test('defines a custom field with a key made from its Russian name', async ({ page, shell }) => {
  const settings = new SettingsPage(page, shell, ru);
  await settings.open();
  await expect(settings.fields()).toContainText(ru.admin.fields.empty);

  const form = await settings.defineField({
    label: 'Площадь магазина, м²',
    type: ru.admin.types.number,
    group: 'О магазине',
  });
  await expect(form.getByLabel(ru.admin.fields.key, { exact: true })).toHaveValue(
    'ploshchad_magazina_m2',
  );
  await form.getByRole('button', { name: ru.admin.fields.create }).click();

  const row = settings.fieldRow('Площадь магазина, м²');
  await expect(row).toContainText('ploshchad_magazina_m2');
  await expect(row).toContainText(ru.admin.types.number);
  await expect(settings.fields().getByRole('group', { name: 'О магазине' })).toContainText(
    'Площадь магазина, м²',
  );
  await expect(settings.fields()).not.toContainText(ru.admin.fields.empty);

  // A key already in use is refused before anything is sent.
  const again = await settings.defineField({
    label: 'Площадь магазина, м²',
    type: ru.admin.types.text,
  });
  await again.getByRole('button', { name: ru.admin.fields.create }).click();
  await expect(again.getByRole('alert')).toHaveText(
    ru.admin.fields.keyTaken.replace('{{label}}', 'Площадь магазина, м²'),
  );
  await again.getByLabel(ru.admin.fields.key, { exact: true }).press('Escape');
  await expect(again).toBeHidden();

  // Retired fields stay listed and come back.
  await row.getByRole('button', { name: ru.admin.fields.retire }).click();
  await expect(row).toContainText(ru.admin.fields.retired);
  await row.getByRole('button', { name: ru.admin.fields.restore }).click();
  await expect(row).not.toContainText(ru.admin.fields.retired);

  // Moving a field down changes its place in the group, for every card.
  await shell.call('fields.define', {
    key: 'format',
    label: 'Формат',
    type: 'choice',
    options: ['Розница', 'Опт'],
    group: 'О магазине',
  });
  await page.reload();
  const group = settings.fields().getByRole('group', { name: 'О магазине' });
  await expect(group.locator('.field-row').first()).toContainText('Площадь магазина, м²');
  await group.getByRole('button', { name: 'Опустить «Площадь магазина, м²» ниже' }).press('Enter');
  await expect(group.locator('.field-row').first()).toContainText('Формат');
  await expect(
    group.getByRole('button', { name: 'Поднять «Площадь магазина, м²» выше' }),
  ).toBeFocused();

  const fields = (await shell.call('fields.list', {})) as Ok<{ key: string; type: string }[]>;
  expect(fields.data.map((f) => [f.key, f.type])).toEqual([
    ['format', 'choice'],
    ['ploshchad_magazina_m2', 'number'],
  ]);
});

test('adds managers, picks who works here and hands clients over', async ({ page, shell }) => {
  const settings = new SettingsPage(page, shell, ru);
  await settings.open();

  await settings.addManager('Петров Олег', 'oleg@shop.ru');
  await expect(settings.managerRow('Петров Олег')).toContainText('oleg@shop.ru');
  await settings.addManager('Сидорова Анна', 'не почта');
  await expect(settings.managers().getByRole('alert')).toBeVisible();
  await settings.addManager('Сидорова Анна');
  await expect(settings.managerRow('Сидорова Анна')).toBeVisible();

  // Who works here becomes the author shown in the rail.
  await settings.currentManager().selectOption({ label: 'Сидорова Анна' });
  await expect(page.getByTestId('actor')).toHaveText('Сидорова Анна');

  const managers = (await shell.call('managers.list')) as Ok<{ id: string; name: string }[]>;
  const petrov = managers.data.find((m) => m.name === 'Петров Олег')!.id;
  const sidorova = managers.data.find((m) => m.name === 'Сидорова Анна')!.id;
  for (const name of ['Иванова Мария', 'Кузнецов Игорь', 'ООО «Строймаркет»']) {
    await shell.call('clients.create', { name, managerId: petrov });
  }
  await page.reload();
  await expect(settings.managerRow('Петров Олег').getByRole('cell').nth(2)).toHaveText('3');

  await settings
    .managerRow('Петров Олег')
    .getByRole('button', { name: ru.admin.managers.reassign })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(ru.admin.reassign.to).selectOption({ label: 'Сидорова Анна' });
  await expect(dialog).toContainText('Перейдут 3 клиента: Петров Олег → Сидорова Анна.');
  await dialog.getByRole('button', { name: 'Передать клиентов: 3' }).click();
  await expect(dialog).toBeHidden();
  await expect(settings.managers().getByRole('status')).toContainText('Переданы 3 клиента');
  await expect(settings.managerRow('Петров Олег').getByRole('cell').nth(2)).toHaveText('0');
  await expect(settings.managerRow('Сидорова Анна').getByRole('cell').nth(2)).toHaveText('3');

  expect(await clientsOf(shell, petrov)).toEqual([]);
  expect(await clientsOf(shell, sidorova)).toEqual([
    'Иванова Мария',
    'Кузнецов Игорь',
    'ООО «Строймаркет»',
  ]);

  // Renamed in place; a manager who left is switched off.
  await settings
    .managerRow('Петров Олег')
    .getByRole('button', { name: /Петров Олег/ })
    .click();
  const nameInput = settings
    .managers()
    .getByRole('textbox', { name: ru.admin.managers.name })
    .first();
  await nameInput.fill('Петров Олег Иванович');
  await nameInput.press('Enter');
  await expect(settings.managerRow('Петров Олег Иванович')).toBeVisible();
  await settings
    .managerRow('Петров Олег Иванович')
    .getByRole('button', { name: ru.admin.deactivate })
    .click();
  await expect(settings.managerRow('Петров Олег Иванович')).toContainText(ru.admin.inactive);
});

test('adds, renames and switches off a lost reason', async ({ page, shell }) => {
  const settings = new SettingsPage(page, shell, ru);
  await settings.open();
  const reasons = settings.reasons();
  await expect(reasons.getByRole('listitem')).toHaveCount(6);

  await reasons.getByLabel(ru.admin.reasons.new).fill('Далеко ездить');
  await reasons.getByLabel(ru.admin.reasons.new).press('Enter');
  await expect(reasons.getByRole('listitem')).toHaveCount(7);
  await expect(reasons.getByRole('listitem').last()).toContainText('Далеко ездить');
  await expect(reasons.getByLabel(ru.admin.reasons.new)).toHaveValue('');

  await reasons.getByRole('button', { name: ru.admin.reasons.add }).click();
  await expect(reasons.getByRole('alert')).toBeVisible();

  await reasons.getByRole('button', { name: `${ru.admin.reasons.label}: Далеко ездить` }).click();
  const input = reasons.getByRole('textbox', { name: ru.admin.reasons.label, exact: true });
  await input.fill('Далеко ездить до магазина');
  await input.press('Enter');
  await expect(input).toBeHidden();

  const row = reasons.getByRole('listitem').filter({ hasText: 'Далеко ездить до магазина' });
  await row
    .getByRole('button', { name: `${ru.admin.deactivate}: Далеко ездить до магазина` })
    .click();
  await expect(row).toContainText(ru.admin.inactive);

  const list = (await shell.call('lostReasons.list')) as Ok<{ label: string; active: boolean }[]>;
  expect(list.data.find((r) => r.label === 'Далеко ездить до магазина')).toMatchObject({
    active: false,
  });
});

for (const [lang, t] of [
  ['ru', ru],
  ['en', en],
] as const) {
  test(`settings screen in ${lang}`, async ({ page, shell }) => {
    await shell.call('settings.set', {
      language: lang,
      userName: lang === 'ru' ? 'Петров' : 'Peters',
    });
    const names =
      lang === 'ru' ? ['Петров Олег', 'Сидорова Анна'] : ['Oleg Peters', 'Anna Sidorova'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const m = (await shell.call('managers.add', {
        name,
        email: i === 0 ? 'oleg@shop.ru' : '',
      })) as Ok<{ id: string }>;
      ids.push(m.data.id);
    }
    for (let i = 0; i < 5; i++)
      await shell.call('clients.create', { name: `Client ${i}`, managerId: ids[i % 2] });
    const fields =
      lang === 'ru'
        ? [
            ['ploshchad', 'Площадь магазина, м²', 'number', 'О магазине'],
            ['format', 'Формат', 'choice', 'О магазине'],
            ['brand', 'Любимый бренд', 'text', null],
            ['card_no', 'Номер карты', 'text', null],
          ]
        : [
            ['area', 'Shop area, m²', 'number', 'About the shop'],
            ['format', 'Format', 'choice', 'About the shop'],
            ['brand', 'Favourite brand', 'text', null],
            ['card_no', 'Loyalty card', 'text', null],
          ];
    for (const [key, label, type, group] of fields) {
      await shell.call('fields.define', {
        key,
        label,
        type,
        group,
        options:
          type === 'choice'
            ? lang === 'ru'
              ? ['Розница', 'Опт']
              : ['Retail', 'Wholesale']
            : undefined,
      });
    }
    await shell.call('fields.retire', { key: 'card_no' });
    await shell.call('settings.set', { currentManagerId: ids[0] });

    const settings = new SettingsPage(page, shell, t);
    await settings.open();
    await expect(settings.fields()).toContainText(fields[0]![1]!);
    await expect(settings.reasons().getByRole('listitem')).toHaveCount(6);
    await settings.fieldRow(fields[1]![1]!).getByRole('button', { name: t.admin.edit }).click();
    // The page scrolls inside the frame, so a tall window shows all of it.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: `test-results/screens/settings-admin-${lang}.png` });
    await page.keyboard.press('Escape');
    await settings
      .managerRow(names[1]!)
      .getByRole('button', { name: t.admin.managers.reassign })
      .click();
    await page.getByRole('dialog').getByRole('combobox').selectOption({ label: names[0]! });
    await expect(page.getByRole('dialog').getByRole('button', { name: /2/ })).toBeEnabled();
    await page.screenshot({ path: `test-results/screens/settings-admin-reassign-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.setViewportSize({ width: 1024, height: 1900 });
    await page.screenshot({ path: `test-results/screens/settings-admin-narrow-${lang}.png` });
  });
}
