import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ReminderScheduler,
  type DueReminder,
  type Timer,
} from '../../electron/services/reminder-scheduler';
import {
  workbookCheckpoint,
  workbookReminderSource,
} from '../../electron/services/reminder-source';
import { LIVE_BIRTHDAYS } from '../../db/queries/agenda';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

async function client(overrides: Record<string, unknown> = {}) {
  return world.call('clients.create', makeClient(overrides));
}

describe('reminders', () => {
  it('completing a repeating reminder creates the next one, and the series ends with its count', async () => {
    const { id } = await client();
    const first = await world.call('reminders.add', {
      clientId: id,
      title: 'Позвонить',
      due: '2026-01-31T10:00',
      repeat: { every: 1, unit: 'month', count: 3 },
    });
    expect(first).toMatchObject({
      dueDate: '2026-01-31',
      dueTime: '10:00',
      occurrence: 1,
      repeat: { every: 1, unit: 'month', count: 3 },
    });
    const { next: second } = await world.call('reminders.complete', { id: first.id });
    expect(second).toMatchObject({ dueDate: '2026-02-28', dueTime: '10:00', occurrence: 2 });
    const { next: third } = await world.call('reminders.complete', { id: second!.id });
    expect(third).toMatchObject({ dueDate: '2026-03-31', occurrence: 3 });
    const { next: none } = await world.call('reminders.complete', { id: third!.id });
    expect(none).toBeNull();
    expect(await world.call('reminders.list', { clientId: id })).toEqual([]);
    expect(await world.call('reminders.list', { clientId: id, includeDone: true })).toHaveLength(3);
    const history = await world.call('history.list', { clientId: id });
    expect(history.filter((h) => h.entity === 'reminder' && h.field === 'doneAt')).toHaveLength(3);
  });

  it('starts a weekday rule on the first matching day', async () => {
    const { id } = await client();
    const r = await world.call('reminders.add', {
      clientId: id,
      title: 'Планёрка',
      due: '2026-11-27',
      repeat: { every: 1, unit: 'week', weekdays: [1, 4] },
    });
    expect(r.dueDate).toBe('2026-11-30');
    expect((await world.call('reminders.complete', { id: r.id })).next?.dueDate).toBe('2026-12-03');
  });

  it('refuses a rule that never fires, an end before the start and a date in year 20260; saves nothing', async () => {
    const { id } = await client();
    const before = world.count('reminders');
    const cases: [unknown, string][] = [
      [{ every: 1, unit: 'week', weekdays: [1], until: '2026-11-29' }, 'repeat'],
      [{ every: 1, unit: 'day', until: '2026-11-01' }, 'repeat.until'],
      [{ every: 0, unit: 'day' }, 'repeat.every'],
      [{ every: 1, unit: 'day', weekdays: [1] }, 'repeat.weekdays'],
    ];
    for (const [repeat, field] of cases) {
      const result = await world.send('reminders.add', {
        clientId: id,
        title: 'X',
        due: '2026-11-27',
        repeat,
      });
      expect(result, JSON.stringify(repeat)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      });
    }
    const far = await world.send('reminders.add', { clientId: id, title: 'X', due: '20260-01-01' });
    expect(far).toMatchObject({ ok: false, error: { field: 'due' } });
    expect(
      await world.send('reminders.add', { clientId: id, title: 'X', due: '2026-02-30' }),
    ).toMatchObject({ ok: false });
    expect(
      await world.send('reminders.add', { clientId: id, title: 'X', due: '2026-02-01T25:00' }),
    ).toMatchObject({ ok: false });
    expect(world.count('reminders')).toBe(before);
  });

  it('snoozes: the reminder leaves today and comes back on the chosen day', async () => {
    const { id } = await client();
    const r = await world.call('reminders.add', { clientId: id, title: 'Счёт', due: '2026-11-20' });
    let agenda = await world.call('reminders.agenda', { date: '2026-11-20' });
    expect(agenda.today.map((i) => i.reminder.id)).toEqual([r.id]);
    await world.call('reminders.snooze', { id: r.id, until: '2026-11-23' });
    agenda = await world.call('reminders.agenda', { date: '2026-11-20' });
    expect(agenda.today).toEqual([]);
    expect(agenda.upcoming.map((i) => i.due)).toEqual(['2026-11-23']);
    agenda = await world.call('reminders.agenda', { date: '2026-11-25' });
    expect(agenda.overdue.map((i) => i.reminder.title)).toEqual(['Счёт']);
  });

  it('puts timed reminders earlier today under overdue, with the client phone and last comment', async () => {
    const c = await client({ name: 'Орлова', phone: '+7 900 555-44-33' });
    await world.call('comments.add', {
      clientId: c.id,
      kind: 'call',
      body: 'Ждёт прайс\nвторая строка',
    });
    await world.call('reminders.add', { clientId: c.id, title: 'Утро', due: '2026-11-20T09:00' });
    await world.call('reminders.add', { clientId: c.id, title: 'Вечер', due: '2026-11-20T18:00' });
    await world.call('reminders.add', { clientId: c.id, title: 'Через неделю', due: '2026-11-27' });
    await world.call('reminders.add', {
      clientId: c.id,
      title: 'Через восемь дней',
      due: '2026-11-28',
    });
    const agenda = await world.call('reminders.agenda', { date: '2026-11-20', time: '12:00' });
    expect(agenda.overdue.map((i) => i.reminder.title)).toEqual(['Утро']);
    expect(agenda.today.map((i) => i.reminder.title)).toEqual(['Вечер']);
    expect(agenda.upcoming.map((i) => i.reminder.title)).toEqual(['Через неделю']);
    expect(agenda.today[0]!.client).toMatchObject({
      name: 'Орлова',
      phone: '+7 900 555-44-33',
      lastComment: { kind: 'call', body: 'Ждёт прайс\nвторая строка' },
    });
  });
});

describe('birthdays in the agenda', () => {
  it('shows birthdays in the next days across the year end, with the age, and 29 February on the 28th', async () => {
    await client({ name: 'Новогодний', birthday: '1980-01-02' });
    await client({ name: 'Високосный', birthday: '2000-02-29' });
    await client({ name: 'Летний', birthday: '1990-07-01' });
    const december = await world.call('reminders.agenda', { date: '2026-12-28' });
    expect(december.birthdays.map((b) => [b.client.name, b.date, b.age])).toEqual([
      ['Новогодний', '2027-01-02', 47],
    ]);
    const february = await world.call('reminders.agenda', { date: '2027-02-25' });
    expect(february.birthdays.map((b) => [b.client.name, b.date, b.age])).toEqual([
      ['Високосный', '2027-02-28', 27],
    ]);
  });

  it('follows birthdays edited, removed and trashed, from their own index', async () => {
    const moved = await client({ name: 'Перенесённый', birthday: '1985-05-05' });
    const removed = await client({ name: 'Без даты', birthday: '1970-12-30' });
    const trashed = await client({ name: 'В корзине', birthday: '1975-12-31' });
    await client({ name: 'Остался', birthday: '1990-12-29' });
    const names = async () =>
      (await world.call('reminders.agenda', { date: '2026-12-28' })).birthdays.map(
        (b) => b.client.name,
      );
    expect(await names()).toEqual(['Остался', 'Без даты', 'В корзине']);
    await world.call('clients.update', { id: moved.id, patch: { birthday: '1985-12-28' } });
    await world.call('clients.update', { id: removed.id, patch: { birthday: null } });
    await world.call('clients.delete', { id: trashed.id });
    expect(await names()).toEqual(['Перенесённый', 'Остался']);
    await world.call('clients.restore', { id: trashed.id });
    expect(await names()).toEqual(['Перенесённый', 'Остался', 'В корзине']);
    const plan = world.app.wb.sqlite.prepare(`EXPLAIN QUERY PLAN ${LIVE_BIRTHDAYS}`).all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail)).toEqual([
      'SEARCH clients USING COVERING INDEX clients_birthday_idx (birthday>?)',
    ]);
  });
});

describe('log a call and mark the reminder done', () => {
  it('saves the call on the feed and completes the reminder in one step', async () => {
    const { id } = await client({ name: 'Звонок по делу' });
    const weekly = await world.call('reminders.add', {
      clientId: id,
      title: 'Позвонить про заказ',
      due: '2026-11-12',
      repeat: { every: 1, unit: 'week' },
    });
    const result = await world.call('reminders.complete', {
      id: weekly.id,
      call: 'Договорились о поставке',
    });
    expect(result.done.doneAt).not.toBeNull();
    expect(result.next?.dueDate).toBe('2026-11-19');
    expect(result.comment).toMatchObject({ kind: 'call', body: 'Договорились о поставке' });
    const feed = await world.call('comments.list', { clientId: id });
    expect(feed.map((c) => [c.kind, c.body])).toEqual([['call', 'Договорились о поставке']]);
    const agenda = await world.call('reminders.agenda', { date: '2026-11-12' });
    expect(agenda.today.map((i) => i.reminder.title)).toEqual([]);

    // A reminder that is not there: neither is saved.
    const missing = await world.send('reminders.complete', { id: 'no-such', call: 'Текст' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await world.call('comments.list', { clientId: id })).toHaveLength(1);
  });
});

describe('contact cadence', () => {
  it('lists clients past their stage cadence, latest first then most valuable, and drops them after a call', async () => {
    // The test clock starts on 2026-11-12: clients are created then and never contacted.
    const regular = await client({ name: 'Постоянный', stage: 'regular' });
    const rich = await client({ name: 'Постоянный богатый', stage: 'regular' });
    await client({ name: 'Ушедший', stage: 'lost', lostReason: 'Цена' });
    world.app.wb.sqlite
      .prepare(
        "INSERT INTO sales (id, client_id, date, amount, created_at, updated_at) VALUES ('s1', ?, '2026-10-01', 500000, 'x', 'x')",
      )
      .run(rich.id);
    const prospect = await client({ name: 'Новенький', stage: 'prospect' });
    const agenda = await world.call('reminders.agenda', { date: '2026-12-02' });
    // Never contacted: counted from the first purchase (1 October: 62 days, regular 14 → 48
    // late), else from creation (20 days: regular 6 late, prospect (7) 13); lost has no cadence.
    expect(
      agenda.needsTouch.map((t) => [t.client.name, t.overdueDays, t.value, t.countedFrom]),
    ).toEqual([
      ['Постоянный богатый', 48, 500000, 'firstPurchase'],
      ['Новенький', 13, 0, 'created'],
      ['Постоянный', 6, 0, 'created'],
    ]);
    await world.call('comments.add', {
      clientId: prospect.id,
      kind: 'note',
      body: 'заметка — не контакт',
    });
    // A call yesterday (the agenda's yesterday) puts the regular client back on schedule.
    const call = await world.call('comments.add', {
      clientId: regular.id,
      kind: 'call',
      body: 'поговорили',
    });
    world.app.wb.sqlite
      .prepare("UPDATE comments SET at = '2026-12-01T10:00:00.000Z' WHERE id = ?")
      .run(call.id);
    const later = await world.call('reminders.agenda', { date: '2026-12-02' });
    expect(later.needsTouch.map((t) => t.client.name)).toEqual(['Постоянный богатый', 'Новенький']);
  });

  it('applies a preset and stage overrides', async () => {
    const salon = await world.call('cadence.set', { preset: 'salon' });
    expect(salon.stages.regular).toBe(30);
    const custom = await world.call('cadence.set', {
      stages: { regular: 10, lost: null },
      birthdayDays: 14,
    });
    expect(custom).toMatchObject({
      stages: { regular: 10, prospect: 3, lost: null },
      birthdayDays: 14,
    });
    expect(await world.call('cadence.get', {})).toEqual(custom);
  });

  it('counts the touch mix over the last contacts', async () => {
    const { id } = await client();
    for (const touch of ['content', 'offer', 'offer', null] as const) {
      await world.call('comments.add', { clientId: id, kind: 'call', body: 'контакт', touch });
    }
    await world.call('comments.add', {
      clientId: id,
      kind: 'note',
      body: 'не контакт',
      touch: 'news',
    });
    expect(await world.call('clients.touchMix', { clientId: id })).toEqual({
      content: 1,
      news: 0,
      offer: 2,
      untagged: 1,
    });
  });
});

/** A clock that only moves when the test says so. */
class FakeTimer implements Timer {
  private t: number;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  now = () => new Date(this.t);
  setTimeout = (fn: () => void, ms: number) => {
    this.seq += 1;
    this.timers.push({ at: this.t + ms, fn, id: this.seq });
    return this.seq;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== id);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

describe('the notification scheduler', () => {
  it('reports reminders missed while closed, then fires each one when it comes due', async () => {
    const c = await client({ name: 'Клиент' });
    const local = (s: string) => new Date(s).toISOString(); // local wall time → instant
    await world.call('reminders.add', {
      clientId: c.id,
      title: 'Вчерашнее',
      due: '2026-11-19T15:00',
    });
    await world.call('reminders.add', {
      clientId: c.id,
      title: 'Сегодня в 11',
      due: '2026-11-20T11:00',
    });
    const store = workbookCheckpoint(world.app.wb);
    store.write(new Date(local('2026-11-19T12:00')));
    const timer = new FakeTimer(local('2026-11-20T10:00'));
    const seen: [string[], boolean][] = [];
    const scheduler = new ReminderScheduler(
      timer,
      workbookReminderSource(world.app.wb),
      { notify: (items: DueReminder[], missed) => seen.push([items.map((i) => i.title), missed]) },
      store,
    );
    scheduler.start();
    expect(seen).toEqual([[['Вчерашнее'], true]]);

    timer.advance(59 * 60 * 1000);
    expect(seen).toHaveLength(1);
    timer.advance(60 * 1000);
    expect(seen[1]).toEqual([['Сегодня в 11'], false]);

    // a reminder added later is picked up after a reschedule; a snoozed one waits for its new time
    const late = await world.call('reminders.add', {
      clientId: c.id,
      title: 'Днём',
      due: '2026-11-20T14:00',
    });
    await world.call('reminders.snooze', { id: late.id, until: '2026-11-20T16:30' });
    scheduler.reschedule();
    timer.advance(4 * 60 * 60 * 1000); // to 15:00
    expect(seen).toHaveLength(2);
    timer.advance(90 * 60 * 1000); // to 16:30
    expect(seen[2]).toEqual([['Днём'], false]);
    scheduler.stop();
    expect(store.read()?.toISOString()).toBe(local('2026-11-20T16:30'));
  });
});
