/**
 * Desktop notifications come from the workbook that is open: opening another workbook drops
 * the old one's timers and reports what came due in the new one while it was closed. A
 * workbook open read-only still notifies (it cannot record when it last looked).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Workbook } from '../../db/workbook';
import { FollowingReminders } from '../../electron/services/reminder-follow';
import type { DueReminder } from '../../electron/services/reminder-scheduler';
import { workbookCheckpoint } from '../../electron/services/reminder-source';
import { FakeTimer } from '../helpers/fake-timer';
import { makeClient, makeWorld, type World } from '../helpers/world';

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.dispose();
});

/** Local wall time → the instant. */
const local = (s: string) => new Date(s);

async function workbookWith(reminders: { client: string; title: string; due: string }[]) {
  const world = makeWorld();
  worlds.push(world);
  for (const r of reminders) {
    const c = await world.call('clients.create', makeClient({ name: r.client }));
    await world.call('reminders.add', { clientId: c.id, title: r.title, due: r.due });
  }
  // Reminders were last looked at yesterday evening.
  workbookCheckpoint(world.app.wb).write(local('2026-11-19T20:00'));
  return world;
}

function follower(timer: FakeTimer, current: () => Workbook | null) {
  const seen: string[] = [];
  const errors: unknown[] = [];
  const reminders = new FollowingReminders({
    current,
    timer,
    notifier: {
      notify: (items: DueReminder[], missed) =>
        seen.push(
          `${missed ? 'missed' : 'due'}: ${items.map((i) => `${i.clientName} — ${i.title}`).join(', ')}`,
        ),
    },
    onError: (error) => errors.push(error),
  });
  return { reminders, seen, errors };
}

describe('notifications follow the open workbook', () => {
  it('another workbook opened: its reminders notify, the first one’s no longer do', async () => {
    const salon = await workbookWith([
      { client: 'Анна', title: 'Позвонить про абонемент', due: '2026-11-20T11:00' },
    ]);
    const shop = await workbookWith([
      { client: 'Борис', title: 'Вчерашний звонок', due: '2026-11-20T08:00' },
      { client: 'Вера', title: 'Отправить каталог', due: '2026-11-20T12:00' },
    ]);
    const timer = new FakeTimer(local('2026-11-20T10:00'));
    let open: Workbook | null = salon.app.wb;
    const { reminders, seen, errors } = follower(timer, () => open);
    reminders.follow();
    expect(seen).toEqual([]);

    open = shop.app.wb;
    reminders.follow();
    expect(seen).toEqual(['missed: Борис — Вчерашний звонок']);
    timer.advance(3 * 60 * 60 * 1000); // to 13:00
    expect(seen).toEqual(['missed: Борис — Вчерашний звонок', 'due: Вера — Отправить каталог']);
    expect(errors).toEqual([]);
  });

  it('a timer of the old workbook that fires before the switch is seen moves to the new one', async () => {
    const salon = await workbookWith([
      { client: 'Анна', title: 'Старое', due: '2026-11-20T11:00' },
    ]);
    const shop = await workbookWith([{ client: 'Вера', title: 'Новое', due: '2026-11-20T11:30' }]);
    const timer = new FakeTimer(local('2026-11-20T10:00'));
    let open: Workbook | null = salon.app.wb;
    const { reminders, seen, errors } = follower(timer, () => open);
    reminders.follow();
    // The switch happened (the old file is closed) but no one has told the notifications yet.
    open = shop.app.wb;
    salon.app.close();
    worlds.splice(worlds.indexOf(salon), 1);
    timer.advance(2 * 60 * 60 * 1000);
    expect(seen).toEqual(['due: Вера — Новое']);
    expect(errors).toEqual([]);
  });

  it('reminders changed in the open workbook move the next notification', async () => {
    const salon = await workbookWith([]);
    const timer = new FakeTimer(local('2026-11-20T10:00'));
    const { reminders, seen } = follower(timer, () => salon.app.wb);
    reminders.follow();
    expect(timer.pending()).toBe(0);
    const c = await salon.call('clients.create', makeClient({ name: 'Галина' }));
    await salon.call('reminders.add', { clientId: c.id, title: 'Днём', due: '2026-11-20T14:00' });
    reminders.reschedule();
    timer.advance(4 * 60 * 60 * 1000);
    expect(seen).toEqual(['due: Галина — Днём']);
    reminders.stop();
    expect(timer.pending()).toBe(0);
  });

  it('a workbook open read-only still notifies', async () => {
    const salon = await workbookWith([
      { client: 'Анна', title: 'Вчера', due: '2026-11-20T09:00' },
      { client: 'Борис', title: 'В полдень', due: '2026-11-20T12:00' },
    ]);
    salon.app.wb.sqlite.pragma('query_only = 1');
    const timer = new FakeTimer(local('2026-11-20T10:00'));
    const { reminders, seen, errors } = follower(timer, () => salon.app.wb);
    reminders.follow();
    timer.advance(3 * 60 * 60 * 1000);
    expect(seen).toEqual(['missed: Анна — Вчера', 'due: Борис — В полдень']);
    expect(errors).toEqual([]);
    salon.app.wb.sqlite.pragma('query_only = 0');
  });
});
