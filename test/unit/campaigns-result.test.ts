/**
 * A campaign's result over days since contact, the comparison of all campaigns, and the trash
 * (issue 17): the curve's last point is the report over the same window, the comparison is
 * each campaign's report, a deleted campaign leaves the lists and comes back whole.
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

async function campaignOf(names: string[], holdoutPct: number, seed: string) {
  const ids: string[] = [];
  for (const name of names) ids.push((await world.call('clients.create', { name })).id);
  const campaign = await world.call('campaigns.create', {
    name: `Звонки ${seed}`,
    goal: 'win_back',
    action: 'call',
    dueDays: 14,
    holdoutPct,
    seed,
    ids,
  });
  const { members } = await world.call('campaigns.get', { id: campaign.id });
  const byGroup = (g: string) => members.filter((m) => m.group === g).map((m) => m.clientId);
  return { id: campaign.id, contact: byGroup('contact'), control: byGroup('control') };
}

const sale = (clientId: string, date: string, amount: number) =>
  world.call('sales.add', { clientId, date, amount });
const names = (n: number, p = 'Клиент') => Array.from({ length: n }, (_, i) => `${p} ${i + 1}`);

describe('campaigns.curve', () => {
  it('climbs day by day from each contact and ends on the report of the same window', async () => {
    setup();
    const { id, contact, control } = await campaignOf(names(10), 20, 'curve');
    const [c1, c2, c3] = contact as [string, string, string];
    const [k1, k2] = control as [string, string];
    // c1 is called on 20 November: its day 0 is the 20th.
    now = Date.parse('2026-11-20T09:00:00.000Z');
    await world.call('campaigns.mark', { id, clientId: c1, status: 'done' });
    await sale(c1, '2026-11-15', 70_000); // before its call
    await sale(c1, '2026-11-22', 100_000); // day 2
    await sale(c1, '2026-11-30', 20_000); // day 10: a second purchase, not a second buyer
    await sale(c2, '2026-11-12', 50_000); // day 0 (the start)
    await sale(c3, '2026-12-20', 90_000); // day 38: past 30 days
    await sale(k1, '2026-11-17', 40_000); // day 5
    await sale(k2, '2026-11-18', -3_000); // a return: money back, no buyer

    const curve = await world.call('campaigns.curve', { id, days: 30 });
    expect(curve.days).toBe(30);
    expect(curve.contact.clients).toBe(8);
    expect(curve.control.clients).toBe(2);
    expect(curve.contact.buyRate).toHaveLength(31);
    // Day 0: nothing yet; after day 0 (index 1) c2's sale on the start day.
    expect(curve.contact.buyRate[0]).toBe(0);
    expect(curve.contact.revenuePerClient[1]).toBe(50_000 / 8);
    expect(curve.contact.buyRate[2]).toBe(1 / 8);
    expect(curve.contact.buyRate[3]).toBe(2 / 8);
    expect(curve.contact.revenuePerClient[3]).toBe(150_000 / 8);
    expect(curve.contact.revenuePerClient[11]).toBe(170_000 / 8);
    expect(curve.control.buyRate[5]).toBe(0);
    expect(curve.control.buyRate[6]).toBe(1 / 2);
    expect(curve.control.revenuePerClient[7]).toBe(37_000 / 2);

    for (const days of [30, 60, 5]) {
      const c = days === 30 ? curve : await world.call('campaigns.curve', { id, days });
      const r = await world.call('campaigns.report', { id, windowDays: days });
      expect(c.contact.buyRate[days]).toBe(r.contact.buyRate);
      expect(c.control.buyRate[days]).toBe(r.control.buyRate);
      expect(c.contact.revenuePerClient[days]).toBe(r.contact.revenuePerClient);
      expect(c.control.revenuePerClient[days]).toBe(r.control.revenuePerClient);
    }
    // Non-decreasing shares who bought.
    const rates = curve.contact.buyRate.map((x) => x ?? 0);
    expect(rates.every((x, i) => i === 0 || x >= rates[i - 1]!)).toBe(true);
  });

  it('has null lines for an empty control group', async () => {
    setup();
    const { id } = await campaignOf(names(3), 0, 'nocontrol');
    const curve = await world.call('campaigns.curve', { id, days: 30 });
    expect(curve.control.clients).toBe(0);
    expect(curve.control.buyRate.every((x) => x === null)).toBe(true);
    expect(curve.contact.buyRate.every((x) => x === 0)).toBe(true);
  });
});

describe('campaigns.compare', () => {
  it('gives every live campaign its own report, a client in two campaigns counted in each', async () => {
    setup();
    const a = await campaignOf(names(12, 'Анна'), 25, 'a');
    const b = await campaignOf(names(9, 'Борис'), 34, 'b');
    // A client of campaign a joins campaign b too.
    const shared = a.contact[0]!;
    await world.call('campaigns.create', {
      name: 'Общий',
      goal: 'up_sale',
      action: 'offer',
      dueDays: 7,
      holdoutPct: 0,
      ids: [shared, a.control[0]!],
    });
    now = Date.parse('2026-11-15T09:00:00.000Z');
    await world.call('campaigns.mark', { id: b.id, clientId: b.contact[1]!, status: 'done' });
    await sale(shared, '2026-11-13', 10_000);
    await sale(a.control[0]!, '2026-11-20', 25_000);
    await sale(a.contact[2]!, '2026-12-30', 30_000);
    await sale(b.contact[1]!, '2026-11-14', 5_000); // before its call
    await sale(b.contact[1]!, '2026-11-16', 8_000);
    await sale(b.control[0]!, '2026-11-12', 12_000);

    for (const windowDays of [30, 60, 90]) {
      const rows = await world.call('campaigns.compare', { windowDays });
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.report).toEqual(
          await world.call('campaigns.report', { id: row.campaign.id, windowDays }),
        );
      }
      // Newest first, as campaigns.list.
      expect(rows.map((r) => r.campaign.id)).toEqual(
        (await world.call('campaigns.list', {})).map((c) => c.id),
      );
    }
  });
});

describe('campaigns.delete and campaigns.restore', () => {
  it('moves a campaign to the trash and back with its members and marks', async () => {
    setup();
    const a = await campaignOf(names(6), 34, 'del');
    const b = await campaignOf(names(4, 'Вера'), 25, 'keep');
    await world.call('campaigns.mark', {
      id: a.id,
      clientId: a.contact[0]!,
      status: 'done',
      outcome: 'agreed',
    });
    const before = await world.call('campaigns.get', { id: a.id });

    const deleted = await world.call('campaigns.delete', { id: a.id });
    expect(deleted.id).toBe(a.id);
    expect((await world.call('campaigns.list', {})).map((c) => c.id)).toEqual([b.id]);
    expect(
      (await world.call('campaigns.compare', { windowDays: 30 })).map((r) => r.campaign.id),
    ).toEqual([b.id]);
    const gone = await world.send('campaigns.get', { id: a.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Deleting it again, or restoring a live one: not found.
    expect(await world.send('campaigns.delete', { id: a.id })).toMatchObject({ ok: false });
    expect(await world.send('campaigns.restore', { id: b.id })).toMatchObject({ ok: false });
    expect(world.count('campaign_members')).toBe(10);

    const restored = await world.call('campaigns.restore', { id: a.id });
    expect(restored.id).toBe(a.id);
    expect(await world.call('campaigns.get', { id: a.id })).toEqual({
      ...before,
      updatedAt: restored.updatedAt,
    });
    expect((await world.call('campaigns.list', {})).map((c) => c.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });
});
