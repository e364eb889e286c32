/**
 * The content of the fixture workbooks: a small salon-and-wholesale business written through
 * the real dispatch, so that every table holds rows the program itself would write: clients of
 * both kinds, custom fields of every type (one retired), comments, reminders that repeat,
 * sales and a return, plans, NPS answers, managers, lost reasons, saved views, settings, and
 * history batches of every kind (edit, create, bulk, import, revert, undo).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../electron/app';
import type { ChannelName, InputOf, OutputOf } from '../../electron/api/contract';

async function call<C extends ChannelName>(
  app: App,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const envelope = await app.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.data as OutputOf<C>;
}

/**
 * Ids in UUIDv7's shape, in creation order, the same on every run. The count sits in the
 * fourth group: a write of many rows numbers its further ids on from the last twelve digits
 * (db/queries/history.ts `idSequence`), which must not reach the next id given here.
 */
export function fixtureIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `01950000-0000-7000-${(0x8000 + n).toString(16)}-000000000000`;
  };
}

export async function fillWorkbook(app: App, dir: string): Promise<void> {
  await call(app, 'settings.set', { language: 'ru', userName: 'Ольга Петрова' });
  const anna = await call(app, 'managers.add', { name: 'Анна Смирнова', email: 'anna@salon.ru' });
  const igor = await call(app, 'managers.add', { name: 'Игорь Лебедев', email: null });
  await call(app, 'managers.update', { id: igor.id, active: false });
  await call(app, 'settings.set', { currentManagerId: anna.id });
  await call(app, 'cadence.set', { preset: 'salon', birthdayDays: 10 });
  await call(app, 'stageRules.set', { auto: true, regularDays: 4, regularMonths: 12 });
  await call(app, 'settings.setAnalytics', { activeDays: 180, xyzPeriod: 'quarter' });
  const moved = await call(app, 'lostReasons.add', { label: 'Переехал в другой город' });
  await call(app, 'lostReasons.add', { label: 'Дорого' });

  const fields: InputOf<'fields.define'>[] = [
    { key: 'hair_type', label: 'Тип волос', type: 'choice', options: ['Сухие', 'Жирные'] },
    {
      key: 'services',
      label: 'Услуги',
      type: 'multichoice',
      options: ['Стрижка', 'Окрашивание', 'Маникюр'],
    },
    { key: 'allergy', label: 'Аллергия', type: 'text', group: 'Здоровье' },
    { key: 'visits_plan', label: 'Визитов в год', type: 'number' },
    { key: 'credit_limit', label: 'Кредитный лимит', type: 'money' },
    { key: 'contract_date', label: 'Дата договора', type: 'date' },
    { key: 'vip', label: 'VIP', type: 'boolean' },
    { key: 'old_code', label: 'Старый код', type: 'text' },
  ];
  for (const f of fields) await call(app, 'fields.define', f);

  const maria = await call(app, 'clients.create', {
    name: 'Иванова Мария Сергеевна',
    phone: '8 (912) 345-67-89',
    email: 'maria@example.ru',
    birthday: '1985-12-31',
    channel: 'Instagram',
    managerId: anna.id,
    tags: ['постоянная', 'ёлка'],
    note: 'Любит утренние записи',
    externalId: 'К-001',
    custom: {
      hair_type: 'Сухие',
      services: ['Стрижка', 'Окрашивание'],
      allergy: 'Аммиак',
      visits_plan: 12,
      vip: true,
      old_code: 'A-17',
    },
  });
  const stroy = await call(app, 'clients.create', {
    kind: 'company',
    name: 'ООО «СтройМаркет»',
    company: 'СтройМаркет',
    position: 'Закупки',
    phone: '+7 495 123-45-67',
    phone2: '+7 916 765-43-21',
    email: 'zakupki@stroymarket.ru',
    address: 'Москва, ул. Строителей, 5',
    managerId: igor.id,
    externalId: 'К-002',
    taxId: '7701234567',
    custom: { credit_limit: 50_000_000, contract_date: '2024-02-01' },
  });
  const john = await call(app, 'clients.create', {
    name: 'John Smith',
    phone: '+1 (415) 555-0134',
    email: 'john@example.com',
    channel: 'Referral',
    stage: 'regular',
  });
  const petrov = await call(app, 'clients.create', { name: 'Петров Пётр', phone: '89120001122' });
  const gone = await call(app, 'clients.create', { name: 'Сидорова Анна', email: 'anna@mail.ru' });
  const trashed = await call(app, 'clients.create', { name: 'Дубль Марии' });
  await call(app, 'fields.retire', { key: 'old_code' });

  await call(app, 'clients.update', {
    id: petrov.id,
    patch: { company: 'ИП Петров', tags: ['опт'] },
  });
  await call(app, 'clients.update', {
    id: gone.id,
    patch: { stage: 'lost', lostReason: moved.label },
  });
  await call(app, 'clients.delete', { id: trashed.id });

  const call1 = await call(app, 'comments.add', {
    clientId: maria.id,
    kind: 'call',
    body: 'Перезвонить насчёт окрашивания',
  });
  await call(app, 'comments.add', {
    clientId: maria.id,
    kind: 'offer',
    body: 'Скидка 10% на уход',
    touch: 'offer',
  });
  await call(app, 'comments.add', {
    clientId: stroy.id,
    kind: 'meeting',
    body: 'Обсудили весенний заказ',
  });
  const note = await call(app, 'comments.add', {
    clientId: john.id,
    kind: 'note',
    body: 'Prefers e-mail',
  });
  await call(app, 'comments.update', {
    id: call1.id,
    body: 'Перезвонить насчёт окрашивания в пятницу',
  });
  await call(app, 'comments.delete', { id: note.id });

  const weekly = await call(app, 'reminders.add', {
    clientId: maria.id,
    title: 'Напомнить о записи',
    due: '2025-03-03T10:00',
    repeat: { every: 1, unit: 'week', weekdays: [1, 4], until: '2025-12-31' },
  });
  await call(app, 'reminders.add', {
    clientId: stroy.id,
    title: 'Сверка взаиморасчётов',
    due: '2025-03-31',
    repeat: { every: 1, unit: 'month', count: 12 },
  });
  await call(app, 'reminders.add', {
    clientId: john.id,
    title: 'Birthday card',
    due: '2025-07-14',
    repeat: { every: 1, unit: 'year' },
  });
  const oneOff = await call(app, 'reminders.add', {
    clientId: petrov.id,
    title: 'Выставить счёт',
    due: '2025-03-05',
  });
  const dropped = await call(app, 'reminders.add', {
    clientId: petrov.id,
    title: 'Лишнее',
    due: '2025-03-06',
  });
  await call(app, 'reminders.complete', { id: weekly.id, call: 'Записалась на четверг' });
  await call(app, 'reminders.snooze', { id: oneOff.id, until: '2025-03-10T09:30' });
  await call(app, 'reminders.delete', { id: dropped.id });

  await call(app, 'sales.add', {
    clientId: maria.id,
    date: '2024-11-02',
    amount: 350_000,
    category: 'Окрашивание',
  });
  await call(app, 'sales.add', {
    clientId: maria.id,
    date: '2025-01-15',
    amount: 180_000,
    category: 'Стрижка',
    managerId: anna.id,
  });
  const bulky = await call(app, 'sales.add', {
    clientId: stroy.id,
    date: '2025-02-10',
    amount: 12_500_000,
    margin: 2_100_000,
    category: 'Опт',
    product: 'Плитка',
    quantity: 120.5,
    docNo: 'РН-0042',
  });
  await call(app, 'sales.add', {
    clientId: stroy.id,
    date: '2025-02-20',
    amount: -450_000,
    category: 'Опт',
    docNo: 'ВЗ-0003',
  });
  await call(app, 'sales.update', { id: bulky.id, patch: { margin: 2_250_000 } });
  const wrong = await call(app, 'sales.add', {
    clientId: john.id,
    date: '2025-01-05',
    amount: 9_900,
  });
  await call(app, 'sales.delete', { id: wrong.id });

  const csv = path.join(dir, 'продажи-февраль.csv');
  fs.writeFileSync(
    csv,
    'Код клиента;Дата;Сумма;Номер документа\r\nК-001;28.02.2025;2 400,00;ЧК-118\r\n',
  );
  app.ctx.importer.allowFile(csv);
  await call(app, 'import.run', {
    path: csv,
    target: 'sales',
    mapping: {
      'Код клиента': 'externalId',
      Дата: 'date',
      Сумма: 'amount',
      'Номер документа': 'docNo',
    },
    onDuplicate: 'skip',
    onInvalid: 'abort',
  });

  await call(app, 'plans.set', {
    clientId: stroy.id,
    category: 'Опт',
    period: '2025',
    plan: 60_000_000,
    potential: 90_000_000,
  });
  await call(app, 'plans.set', {
    clientId: stroy.id,
    category: 'Опт',
    period: '2025-Q1',
    plan: 15_000_000,
  });
  await call(app, 'plans.set', {
    clientId: maria.id,
    category: 'Окрашивание',
    period: '2025-03',
    plan: 400_000,
    potential: null,
  });

  await call(app, 'nps.add', {
    clientId: maria.id,
    score: 10,
    comment: 'Всё отлично',
    at: '2025-01-20',
  });
  await call(app, 'nps.add', { clientId: stroy.id, score: 6, at: '2025-02-25' });
  const mistaken = await call(app, 'nps.add', { clientId: john.id, score: 3, at: '2025-02-01' });
  await call(app, 'nps.delete', { id: mistaken.id });

  await call(app, 'views.save', {
    name: 'VIP Анны',
    definition: {
      filters: [
        { field: 'managerId', op: 'eq', value: anna.id },
        { field: 'custom.vip', op: 'eq', value: true },
      ],
      sort: { field: 'name', dir: 'asc' },
      columns: ['name', 'phone', 'custom.services', 'lastPurchase'],
    },
  });
  await call(app, 'views.save', {
    name: 'Потерянные',
    definition: { filters: [{ field: 'stage', op: 'eq', value: 'lost' }] },
  });

  // A campaign (migration 0009): members in both groups, one contacted with an outcome.
  const campaign = await call(app, 'campaigns.create', {
    name: 'Весенний обзвон',
    goal: 'reactivate',
    action: 'call',
    template: 'Здравствуйте, {имя}!',
    holdoutPct: 25,
    dueDays: 14,
    seed: 'fixture',
    ids: [maria.id, stroy.id, john.id, petrov.id],
  });
  const { members } = await call(app, 'campaigns.get', { id: campaign.id });
  const reached = members.find((m) => m.group === 'contact');
  if (!reached) throw new Error('the campaign has no contact group');
  await call(app, 'campaigns.mark', {
    id: campaign.id,
    clientId: reached.clientId,
    status: 'done',
    outcome: 'reached',
  });

  // The bulk tag stays undoable: the fixture test undoes it after the upgrade.
  await call(app, 'clients.bulk', {
    ids: [maria.id, stroy.id, john.id],
    action: { type: 'addTag', tag: 'весна-2025' },
  });
  const staged = await call(app, 'clients.bulk', {
    ids: [petrov.id],
    action: { type: 'setStage', stage: 'advocate' },
  });
  await call(app, 'history.undoBatch', { batchId: staged.batchId });
  await call(app, 'clients.update', { id: maria.id, patch: { note: 'Любит вечерние записи' } });
  const history = await call(app, 'history.list', { clientId: maria.id });
  const noteChange = history.find((e) => e.field === 'note' && !e.creation);
  if (!noteChange) throw new Error('the note change is not in the history');
  await call(app, 'history.revert', { changeId: noteChange.id });
}
