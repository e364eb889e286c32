/**
 * Recurring campaigns (issue 17): clients who come to match the campaign's filter join at a
 * refresh, each drawn with the stored seed; members keep their groups, the control share holds
 * within one client, and a refresh with nothing new adds nobody. The birthday filter a
 * birthday campaign is defined with.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
let now = Date.parse('2026-11-12T09:00:00.000Z');
function setup() {
  now = Date.parse('2026-11-12T09:00:00.000Z');
  world = makeWorld({ now: () => new Date(now) });
}
afterEach(() => world.dispose());

const vip = { filters: [{ field: 'tags', op: 'contains' as const, value: 'vip' }] };
const base = { goal: 'regular_touch', action: 'call', dueDays: 14 } as const;

async function clients(n: number, prefix: string, tags: string[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await world.call('clients.create', { name: `${prefix} ${i}`, tags })).id);
  }
  return ids;
}

async function groupsOf(id: string): Promise<Map<string, string>> {
  const { members } = await world.call('campaigns.get', { id });
  return new Map(members.map((m) => [m.clientId, m.group]));
}

describe('a recurring campaign', () => {
  it('takes in newcomers at each refresh; members keep their groups; the share holds', async () => {
    setup();
    const first = await clients(20, 'Первый', ['vip']);
    await clients(5, 'Чужой');
    const campaign = await world.call('campaigns.create', {
      ...base,
      name: 'Касание VIP',
      filter: vip,
      holdoutPct: 15,
      seed: 'rec',
      recurring: true,
    });
    expect(campaign.recurring).toBe(true);
    expect(campaign.filter).toEqual(vip);
    expect(campaign.contactCount + campaign.controlCount).toBe(20);
    const before = await groupsOf(campaign.id);

    let total = 20;
    for (const [round, n] of [
      [1, 7],
      [2, 1],
      [3, 13],
    ] as const) {
      now += 86_400_000;
      const newcomers = await clients(n, `Новый ${round}`, ['vip']);
      const result = await world.call('campaigns.refresh', { id: campaign.id });
      expect(result).toEqual({ campaigns: 1, added: n });
      total += n;
      const groups = await groupsOf(campaign.id);
      expect(groups.size).toBe(total);
      for (const [clientId, group] of before) expect(groups.get(clientId)).toBe(group);
      for (const id of newcomers) expect(groups.has(id)).toBe(true);
      const control = [...groups.values()].filter((g) => g === 'control').length;
      expect(Math.abs(control - (total * 15) / 100)).toBeLessThanOrEqual(1);
      for (const [clientId, group] of groups) before.set(clientId, group);
    }
    // Nothing new: a second refresh (and the refresh of all) adds nobody.
    expect(await world.call('campaigns.refresh', { id: campaign.id })).toEqual({
      campaigns: 1,
      added: 0,
    });
    expect(await world.call('campaigns.refresh', {})).toEqual({ campaigns: 1, added: 0 });
    expect(world.count('campaign_members')).toBe(total);
    expect(first.every((id) => before.has(id))).toBe(true);
  });

  it('refreshes only the live recurring campaigns when no id is given', async () => {
    setup();
    await clients(4, 'Вип', ['vip']);
    const recurring = await world.call('campaigns.create', {
      ...base,
      name: 'Повтор',
      filter: vip,
      holdoutPct: 0,
      recurring: true,
    });
    const frozen = await world.call('campaigns.create', {
      ...base,
      name: 'Разовая',
      filter: vip,
      holdoutPct: 0,
    });
    const trashed = await world.call('campaigns.create', {
      ...base,
      name: 'В корзине',
      filter: vip,
      holdoutPct: 0,
      recurring: true,
    });
    await world.call('campaigns.delete', { id: trashed.id });
    await clients(3, 'Ещё', ['vip']);
    expect(await world.call('campaigns.refresh', {})).toEqual({ campaigns: 1, added: 3 });
    expect((await world.call('campaigns.get', { id: recurring.id })).members).toHaveLength(7);
    expect((await world.call('campaigns.get', { id: frozen.id })).members).toHaveLength(4);
    // A frozen campaign refuses a refresh; a selection cannot be recurring.
    const refused = await world.send('campaigns.refresh', { id: frozen.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const ids = await clients(1, 'Один');
    const selection = await world.send('campaigns.create', {
      ...base,
      name: 'Выбор',
      ids,
      holdoutPct: 0,
      recurring: true,
    });
    expect(selection).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("counts a newcomer's window from when it joined, not from the campaign's start", async () => {
    setup();
    await clients(2, 'Старый', ['vip']);
    const campaign = await world.call('campaigns.create', {
      ...base,
      name: 'Окна',
      filter: vip,
      holdoutPct: 0,
      recurring: true,
    });
    now = Date.parse('2027-01-20T09:00:00.000Z'); // 69 days after the start
    const [late] = (await clients(1, 'Поздний', ['vip'])) as [string];
    await world.call('campaigns.refresh', {});
    await world.call('sales.add', { clientId: late, date: '2027-01-25', amount: 9_000 });
    const r = await world.call('campaigns.report', { id: campaign.id, windowDays: 30 });
    expect(r.contact).toMatchObject({ clients: 3, buyers: 1, revenue: 9_000 });
  });
});

describe('the birthdayIn filter', () => {
  it('finds the clients whose birthday comes within N days, across the new year', async () => {
    setup(); // today: 12 November 2026
    const make = (name: string, birthday?: string) =>
      world.call('clients.create', { name, ...(birthday ? { birthday } : {}) });
    const today = await make('Сегодня', '1980-11-12');
    const week = await make('Неделя', '1990-11-19');
    const past = await make('Вчера', '1985-11-11'); // next one in 364 days
    await make('Без даты');
    const listed = async (days: number) =>
      (
        await world.call('clients.list', {
          filters: [{ field: 'birthdayIn', op: 'lte', value: days }],
        })
      ).rows
        .map((r) => r.name)
        .sort();
    expect(await listed(0)).toEqual(['Сегодня']);
    expect(await listed(7)).toEqual(['Неделя', 'Сегодня']);
    expect(await listed(364)).toEqual(['Вчера', 'Неделя', 'Сегодня']);
    now = Date.parse('2026-12-28T09:00:00.000Z');
    const newYear = await make('Январь', '2000-01-03');
    expect(await listed(7)).toEqual(['Январь']);
    expect([today.id, week.id, past.id, newYear.id]).toHaveLength(4);

    // A birthday campaign: recurring on "within 7 days"; a week later, the next ones join.
    now = Date.parse('2026-11-12T09:00:00.000Z');
    const campaign = await world.call('campaigns.create', {
      name: 'Дни рождения',
      goal: 'birthday',
      action: 'message',
      dueDays: 7,
      holdoutPct: 0,
      recurring: true,
      filter: { filters: [{ field: 'birthdayIn', op: 'lte', value: 7 }] },
    });
    expect(campaign.contactCount).toBe(2);
    now = Date.parse('2026-12-28T09:00:00.000Z');
    expect(await world.call('campaigns.refresh', {})).toEqual({ campaigns: 1, added: 1 });
  });
});
