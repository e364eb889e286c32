/**
 * Today's agenda is read in its own worker thread with its own connection, so the client list
 * answers while the agenda of a large workbook is still being read. The worker is bundled from
 * the real sources, as the build does; what it answers is the agenda read in the main process,
 * and it sees every write the main process committed before the call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agenda } from '../../db/queries/agenda';
import { makeClient, makeWorld, type World } from '../helpers/world';
import { bundleFolder, bundleForNode } from '../helpers/bundle';

let bundleDir: string;
let world: World;
const DATE = '2026-11-12';

beforeAll(async () => {
  bundleDir = bundleFolder('agenda-worker');
  await bundleForNode({ 'agenda-worker': 'electron/services/today/agenda-worker.ts' }, bundleDir);
  world = makeWorld({ app: { agendaWorker: path.join(bundleDir, 'agenda-worker.cjs') } });
  const overdue = await world.call('clients.create', makeClient({ name: 'Орлова Вера' }));
  await world.call('reminders.add', { clientId: overdue.id, title: 'Счёт', due: '2026-11-10' });
  const today = await world.call('clients.create', makeClient({ name: 'Зайцев Пётр' }));
  await world.call('reminders.add', { clientId: today.id, title: 'Звонок', due: DATE });
  await world.call('clients.create', makeClient({ name: 'Белова Анна', birthday: '1990-11-14' }));
  const talked = await world.call('clients.create', makeClient({ name: 'Ким Юлия' }));
  await world.call('comments.add', { clientId: talked.id, kind: 'call', body: 'Договорились' });
});

afterAll(() => {
  world?.dispose();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

describe('the agenda in its worker', () => {
  it('answers what the main process reads, and sees a reminder completed a moment ago', async () => {
    const read = await world.call('reminders.agenda', { date: DATE });
    expect(read).toEqual(agenda(world.app.wb, DATE, 7, undefined));
    expect(read.overdue.map((i) => i.client.name)).toEqual(['Орлова Вера']);
    expect(read.today.map((i) => i.client.name)).toEqual(['Зайцев Пётр']);
    expect(read.birthdays.map((b) => b.client.name)).toEqual(['Белова Анна']);
    await world.call('reminders.complete', { id: read.overdue[0]!.reminder.id });
    const after = await world.call('reminders.agenda', { date: DATE });
    expect(after.overdue).toEqual([]);
    expect(after).toEqual(agenda(world.app.wb, DATE, 7, undefined));
    expect(world.logged.filter((l) => l.includes('agenda worker'))).toEqual([]);
  });

  it('lets the client list answer while the agenda is being read', async () => {
    const answered: string[] = [];
    const today = world.app
      .dispatch('reminders.agenda', { date: DATE })
      .then(() => answered.push('agenda'));
    const list = world.app
      .dispatch('clients.list', { limit: 100, offset: 0 })
      .then(() => answered.push('list'));
    await Promise.all([today, list]);
    expect(answered).toEqual(['list', 'agenda']);
  });
});
