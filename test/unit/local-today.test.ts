// A machine in Moscow (UTC+3): at 01:30 there the UTC calendar is still on the day before.
process.env['TZ'] = 'Europe/Moscow';

/**
 * "Today" is the local day everywhere the main process decides it, and it comes from the app's
 * injected clock: at 01:30 on 12 November in Moscow (22:30 on the 11th in UTC) a birthday of
 * the 12th is not in the future, a call logged now was made on the 12th, a sale of today counts
 * in this year's and this month's figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

/** A clock standing still at an instant. */
const at = (iso: string) => () => new Date(iso);

describe('today is the local day', () => {
  it('accepts a birthday of today at 01:30 local time, in the card and in an import', async () => {
    world = makeWorld({ now: at('2026-11-11T22:30:00.000Z') });
    const born = await world.call('clients.create', makeClient({ birthday: '2026-11-12' }));
    expect(born.birthday).toBe('2026-11-12');
    const other = await world.call('clients.create', makeClient());
    const patched = await world.call('clients.update', {
      id: other.id,
      patch: { birthday: '2026-11-12' },
    });
    expect(patched.birthday).toBe('2026-11-12');

    const tomorrow = await world.send('clients.update', {
      id: other.id,
      patch: { birthday: '2026-11-13' },
    });
    expect(tomorrow).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'patch.birthday',
        message: 'A birthday must be between 1900-01-01 and today.',
      },
    });

    const file = path.join(world.dir, 'born.csv');
    fs.writeFileSync(file, 'Name;Birthday\r\nTodays Child;12.11.2026\r\nNot Yet;13.11.2026\r\n');
    world.app.ctx.importer.allowFile(file);
    const result = await world.call('import.run', {
      path: file,
      target: 'clients',
      mapping: { Name: 'name', Birthday: 'birthday' },
      onDuplicate: 'update',
      onInvalid: 'skip',
    });
    expect(result.inserted).toBe(1);
    expect(result.errors.map((e) => e.row)).toEqual([3]);
    const list = await world.call('clients.list', { query: 'Todays Child' });
    expect(list.rows.map((r) => r.birthday)).toEqual(['2026-11-12']);
  });

  it('dates a call made at 01:00 local time on the local day, in the list and on Today', async () => {
    world = makeWorld({ now: at('2026-11-11T22:30:00.000Z') });
    const client = await world.call(
      'clients.create',
      makeClient({ name: 'Ночной звонок', stage: 'regular' }),
    );
    await world.call('comments.add', { clientId: client.id, kind: 'call', body: 'Поговорили' });

    const list = await world.call('clients.list', { query: 'Ночной звонок' });
    expect(list.rows[0]?.lastContact).toBe('2026-11-12');
    const filtered = await world.call('clients.list', {
      filters: [{ field: 'lastContact', op: 'eq', value: '2026-11-12' }],
    });
    expect(filtered.total).toBe(1);
    // Regular clients are touched every 14 days: on the 26th the call is 14 days old, not 15.
    const agenda = await world.call('reminders.agenda', { date: '2026-11-26' });
    expect(agenda.needsTouch.map((t) => t.client.name)).toEqual([]);
    const dayAfter = await world.call('reminders.agenda', { date: '2026-11-27' });
    expect(dayAfter.needsTouch.map((t) => [t.client.name, t.lastContact])).toEqual([
      ['Ночной звонок', '2026-11-12'],
    ]);
  });

  it('counts a sale of today in this year and this month at 00:30 on 1 January', async () => {
    world = makeWorld({ now: at('2026-12-31T21:30:00.000Z') });
    const client = await world.call('clients.create', makeClient({ name: 'Новогодний' }));
    await world.call('sales.add', { clientId: client.id, date: '2027-01-01', amount: 150_000 });
    await world.call('sales.add', { clientId: client.id, date: '2026-11-20', amount: 100 });

    const card = await world.call('clients.get', { id: client.id });
    expect(card.revenueYear).toBe(150_000);
    const rich = await world.call('clients.list', {
      filters: [{ field: 'revenueYear', op: 'gte', value: 150_000 }],
    });
    expect(rich.total).toBe(1);
    const summary = await world.call('sales.summary', { clientId: client.id });
    expect(summary.byMonth.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
