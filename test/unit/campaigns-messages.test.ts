/**
 * A campaign's messages (issue 17): the template checked at the start (an unknown placeholder
 * named, in both languages), the preview filled per client, a message sent logged on the card
 * once with the member marked contacted (all or nothing), the CSV for a mailing or SMS service
 * read back with the import's own CSV reader, and Today's counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ExportFile } from '../../electron/api/contract';
import { readCsv } from '../../electron/services/import/source';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

const TEMPLATE = 'Здравствуйте, {имя} {отчество}! Ваш менеджер {менеджер}, питомец {Питомец}.';

/** Four clients with contacts, a manager, a sale and a custom field; two of them control. */
async function started(locale: 'ru' | 'en', template: string | null = TEMPLATE) {
  world = makeWorld({ locale });
  const manager = await world.call('managers.add', { name: 'Пётр Смирнов' });
  await world.call('fields.define', { key: 'pet', label: 'Питомец', type: 'text' });
  const people = [
    { name: 'Иванова Анна Сергеевна', phone: '8 (912) 345-67-89', email: 'anna@example.ru' },
    { name: 'Борисов Борис', phone: '+7 903 000-11-22', email: null },
    { name: 'Власова Вера Ильинична', phone: null, email: 'vera@example.ru' },
    { name: 'Глебов Глеб Глебович', phone: '912 111 22 33', email: 'gleb@example.ru' },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const client = await world.call('clients.create', {
      ...p,
      managerId: manager.id,
      custom: { pet: 'Барсик' },
    });
    ids.push(client.id);
  }
  await world.call('sales.add', { clientId: ids[0]!, date: '2026-03-12', amount: 500_00 });
  const campaign = await world.call('campaigns.create', {
    name: 'Весна',
    goal: 'reactivate',
    action: 'message',
    dueDays: 7,
    holdoutPct: 0,
    seed: 'messages',
    ...(template ? { template } : {}),
    ids,
  });
  return { id: campaign.id, ids };
}

async function refusal(channel: string, input: unknown): Promise<ApiErrorBody> {
  const envelope = await world.send(channel, input);
  if (envelope.ok) throw new Error(`${channel} was not refused`);
  return envelope.error;
}

function csvOf(file: ExportFile) {
  const bytes = Buffer.from(file.base64, 'base64');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return readCsv(bytes);
}

describe('the template at the start', () => {
  it('refuses an unknown placeholder on the template field, naming it, in Russian and English', async () => {
    await started('ru');
    const ru = await refusal('campaigns.create', {
      name: 'Осень',
      goal: 'reactivate',
      action: 'message',
      dueDays: 7,
      template: 'Привет, {имя}! Ваша {скидка}.',
      filter: {},
    });
    expect(ru).toMatchObject({ code: 'invalid_input', field: 'template' });
    expect(ru.message).toContain('Нет поля клиента с именем {скидка}');
    expect(await world.call('campaigns.list', {})).toHaveLength(1);
    await world.call('settings.set', { language: 'en' });
    const en = await refusal('campaigns.create', {
      name: 'Autumn',
      goal: 'reactivate',
      action: 'message',
      dueDays: 7,
      template: 'Hi {first name} {discount',
      filter: {},
    });
    expect(en).toMatchObject({ code: 'invalid_input', field: 'template' });
    expect(en.message).toContain('brace without its pair');
  });

  it('refuses a bad template in the preview too, with the same message', async () => {
    const { ids } = await started('ru');
    const error = await refusal('campaigns.preview', { ids, template: '{имя} {купон}' });
    expect(error).toMatchObject({ field: 'template' });
    expect(error.message).toContain('{купон}');
  });
});

describe('campaigns.preview', () => {
  it('fills the template for the first clients of an audience', async () => {
    const { ids } = await started('ru');
    const preview = await world.call('campaigns.preview', {
      ids,
      template: '{имя} {отчество}, последняя покупка {последняя покупка}',
      limit: 2,
    });
    expect(preview).toEqual([
      {
        clientId: ids[0],
        name: 'Иванова Анна Сергеевна',
        phone: '8 (912) 345-67-89',
        email: 'anna@example.ru',
        text: 'Анна Сергеевна, последняя покупка 12 марта 2026',
        empty: [],
      },
      {
        clientId: ids[1],
        name: 'Борисов Борис',
        phone: '+7 903 000-11-22',
        email: null,
        text: 'Борис, последняя покупка',
        empty: ['отчество', 'последняя покупка'],
      },
    ]);
  });

  it("fills a campaign's own template for its pending contacts, by name", async () => {
    const { id } = await started('ru');
    const preview = await world.call('campaigns.preview', { id, limit: 1 });
    expect(preview.map((m) => m.text)).toEqual([
      'Здравствуйте, Борис! Ваш менеджер Пётр Смирнов, питомец Барсик.',
    ]);
  });
});

describe('campaigns.sent', () => {
  it('logs the message on the card once, with the outcome, and marks the member contacted', async () => {
    const { id, ids } = await started('ru');
    const anna = ids[0]!;
    expect(await world.call('campaigns.sent', { id, clientIds: [anna], via: 'sms' })).toEqual({
      marked: 1,
    });
    const feed = await world.call('comments.list', { clientId: anna });
    expect(feed.map((c) => [c.kind, c.body])).toEqual([
      [
        'email',
        'Кампания «Весна», SMS\nЗдравствуйте, Анна Сергеевна! Ваш менеджер Пётр Смирнов, питомец Барсик.',
      ],
    ]);
    const detail = await world.call('campaigns.get', { id });
    const member = detail.members.find((m) => m.clientId === anna)!;
    expect(member).toMatchObject({ status: 'done' });
    expect(member.contactedAt).not.toBeNull();
    // The outcome given with the message: one comment, no second one from the mark.
    const gleb = ids[3]!;
    await world.call('campaigns.sent', { id, clientIds: [gleb], via: 'call', outcome: 'agreed' });
    const glebFeed = await world.call('comments.list', { clientId: gleb });
    expect(glebFeed.map((c) => [c.kind, c.body.split('\n')[0]])).toEqual([
      ['call', 'Кампания «Весна», звонок: согласие'],
    ]);
    const outbox = await world.call('campaigns.outbox', { id });
    expect(outbox.messages.map((m) => m.name)).toEqual(['Борисов Борис', 'Власова Вера Ильинична']);
    expect(await world.call('campaigns.todo', {})).toEqual([
      { id, name: 'Весна', action: 'message', pending: 2, total: 4 },
    ]);
  });

  it('logs an offer with its touch tag, in English', async () => {
    world = makeWorld({ locale: 'en' });
    const client = await world.call('clients.create', { name: 'Smith John', email: 'j@x.com' });
    const { id } = await world.call('campaigns.create', {
      name: 'Spring',
      goal: 'up_sale',
      action: 'offer',
      dueDays: 7,
      holdoutPct: 0,
      template: 'Dear {first name}, 10 % off until {last purchase}',
      ids: [client.id],
    });
    await world.call('campaigns.sent', { id, clientIds: [client.id], via: 'email' });
    const [comment] = await world.call('comments.list', { clientId: client.id });
    expect(comment).toMatchObject({
      kind: 'offer',
      touch: 'offer',
      body: 'Campaign "Spring", e-mail\nDear John, 10 % off until',
    });
  });

  it('refuses a control member and writes nothing for the others', async () => {
    world = makeWorld({ locale: 'ru' });
    const ids: string[] = [];
    for (const name of ['Анна', 'Борис', 'Вера', 'Глеб']) {
      ids.push((await world.call('clients.create', { name })).id);
    }
    const { id } = await world.call('campaigns.create', {
      name: 'Весна',
      goal: 'reactivate',
      action: 'call',
      dueDays: 7,
      holdoutPct: 50,
      seed: 'control',
      ids,
    });
    const { members } = await world.call('campaigns.get', { id });
    const contact = members.filter((m) => m.group === 'contact').map((m) => m.clientId);
    const control = members.filter((m) => m.group === 'control').map((m) => m.clientId);
    const error = await refusal('campaigns.sent', {
      id,
      clientIds: [...contact, control[0]],
      via: 'call',
    });
    expect(error).toMatchObject({ code: 'conflict', field: 'clientIds' });
    expect(world.count('comments')).toBe(0);
    const after = await world.call('campaigns.get', { id });
    expect(after.doneCount).toBe(0);
  });
});

describe('campaigns.exportCsv', () => {
  it('writes the pending contacts with an e-mail for a mailing service', async () => {
    const { id, ids } = await started('ru');
    await world.call('campaigns.sent', { id, clientIds: [ids[3]!], via: 'email' });
    const file = await world.call('campaigns.exportCsv', { id, format: 'email' });
    expect(file.fileName).toMatch(/^Весна email-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect(file.rows).toBe(2);
    const table = csvOf(file);
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['email', 'name', 'first_name', 'message']);
    // By name; Boris has no e-mail; Gleb was sent his message already.
    expect(table.rows).toEqual([
      [
        'vera@example.ru',
        'Власова Вера Ильинична',
        'Вера',
        'Здравствуйте, Вера Ильинична! Ваш менеджер Пётр Смирнов, питомец Барсик.',
      ],
      [
        'anna@example.ru',
        'Иванова Анна Сергеевна',
        'Анна',
        'Здравствуйте, Анна Сергеевна! Ваш менеджер Пётр Смирнов, питомец Барсик.',
      ],
    ]);
  });

  it('writes phones as +7 digits for an SMS service', async () => {
    const { id } = await started('en');
    const file = await world.call('campaigns.exportCsv', { id, format: 'sms' });
    const table = csvOf(file);
    expect(table.headers).toEqual(['phone', 'name', 'message']);
    expect(table.rows.map((r) => [r[0], r[1]])).toEqual([
      ['+79030001122', 'Борисов Борис'],
      ['+79121112233', 'Глебов Глеб Глебович'],
      ['+79123456789', 'Иванова Анна Сергеевна'],
    ]);
    expect(table.rows[0]![2]).toBe(
      'Здравствуйте, Борис! Ваш менеджер Пётр Смирнов, питомец Барсик.',
    );
  });
});
