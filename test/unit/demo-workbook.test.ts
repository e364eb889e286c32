/**
 * The demo workbook of the first run: a separate file in the app's folder, filled with a
 * realistic client base and reminders around today, opened in the user's language; the user's
 * own workbook is left as it was, and the demo keeps what was done in it.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../electron/services/demo/demo';
import { makeClient, makeWorld, steppingClock, type World } from '../helpers/world';

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.dispose();
});

it('builds the demo once, opens it in the user’s language, and leaves the own workbook alone', async () => {
  const w = makeWorld({ locale: 'en', now: steppingClock('2026-11-30T09:00:00.000Z', 10) });
  worlds.push(w);
  await w.call('settings.set', { language: 'en' });
  const own = await w.call('clients.create', makeClient({ name: 'Свой клиент' }));
  const ownFile = w.app.wb.file;

  const demo = await w.call('workbook.openDemo', undefined);
  expect(path.dirname(demo.path)).toBe(path.join(w.dir, 'demo'));
  expect(demo.path).not.toBe(ownFile);
  const live = (await w.call('clients.list', { limit: 1 })).total;
  const trashed = (await w.call('clients.list', { limit: 1, trash: true })).total;
  // A few of the generated clients were deleted along the way, as in a real base.
  expect(live + trashed).toBe(DEMO_CLIENTS);
  expect(live).toBeGreaterThan(DEMO_CLIENTS * 0.95);
  expect((await w.call('settings.get', undefined)).language).toBe('en');
  // Today has something to show: reminders overdue, today and in the coming days.
  const agenda = await w.call('reminders.agenda', { date: '2026-11-30', days: 7 });
  expect(agenda.overdue).toHaveLength(2);
  expect(agenda.today).toHaveLength(3);
  expect(agenda.upcoming.length).toBeGreaterThanOrEqual(2);
  // And the dashboard has sales to count.
  const rfm = await w.call('analytics.rfm', { asOf: '2026-11-30' });
  expect(rfm.clients.length).toBeGreaterThan(DEMO_CLIENTS / 2);

  const added = await w.call('clients.create', makeClient({ name: 'Добавлен в демо' }));
  await w.call('workbook.open', { path: ownFile });
  const back = await w.call('clients.list', {});
  expect(back.rows.map((r) => r.id)).toEqual([own.id]);

  // Opened again: the same demo, with what was done in it, not a new one.
  const again = await w.call('workbook.openDemo', undefined);
  expect(again.path).toBe(demo.path);
  expect((await w.call('clients.get', { id: added.id })).name).toBe('Добавлен в демо');
  expect((await w.call('clients.list', { limit: 1 })).total).toBe(live + 1);
});
