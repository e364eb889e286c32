// A machine in Moscow (UTC+3): at 01:30 there the UTC calendar is still on the day before.
process.env['TZ'] = 'Europe/Moscow';

/**
 * Figures that name a day take it from the user's calendar, not UTC's: the win-back list's last
 * contact, the day an NPS answer was given, the comments counted in a dashboard window. And the
 * win-back badge counts every lost client even when the list is cut.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

describe('analytics.winBackList', () => {
  it('cuts the list to the limit, most valuable first, and counts every lost client', async () => {
    world = makeWorld({ now: () => new Date('2026-11-11T22:30:00.000Z') });
    const ids: string[] = [];
    for (let i = 1; i <= 7; i += 1) {
      const client = await world.call('clients.create', { name: `Lost ${i}` });
      await world.call('sales.add', {
        clientId: client.id,
        date: '2026-03-01',
        amount: i * 100_00,
      });
      await world.call('clients.update', {
        id: client.id,
        patch: { stage: 'lost', lostReason: 'Переехал' },
      });
      ids.push(client.id);
    }
    await world.call('clients.create', { name: 'Still here' });
    // Logged at 01:30 on the 12th in Moscow, 22:30 on the 11th in UTC.
    await world.call('comments.add', { clientId: ids[6]!, kind: 'call', body: 'Не дозвонились' });

    const list = await world.call('analytics.winBackList', { limit: 5 });
    expect(list.total).toBe(7);
    expect(list.rows.map((r) => r.name)).toEqual([
      'Lost 7',
      'Lost 6',
      'Lost 5',
      'Lost 4',
      'Lost 3',
    ]);
    expect(list.rows[0]).toMatchObject({ revenue: 700_00, lastContact: '2026-11-12' });
    expect((await world.call('analytics.winBackList', undefined)).rows).toHaveLength(7);
    const refused = await world.send('analytics.winBackList', { limit: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'limit' } });
  });
});

describe('days of comments and answers', () => {
  it('dates an NPS answer and counts a call on the local day', async () => {
    world = makeWorld({ now: () => new Date('2026-11-11T22:30:00.000Z') });
    const client = await world.call('clients.create', { name: 'Night owl' });
    const answer = await world.call('nps.add', { clientId: client.id, score: 9 });
    expect(answer.at).toBe('2026-11-12');
    await world.call('comments.add', { clientId: client.id, kind: 'call', body: 'Поздний звонок' });
    const calls = async (asOf: string) =>
      (await world.call('analytics.dashboard', { asOf, months: 3 })).activity.reduce(
        (n, a) => n + a.total,
        0,
      );
    expect(await calls('2026-11-11')).toBe(0);
    expect(await calls('2026-11-12')).toBe(1);
  });
});
