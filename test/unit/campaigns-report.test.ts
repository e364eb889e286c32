/**
 * A campaign's result (issue 17) on hand-computed cases: contact vs control over a window from
 * each member's contact moment, the 95 % intervals against the formulas written out here and
 * published t quantiles, and honest nulls where the data cannot tell.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignReport } from '../../electron/api/contract';
import { tQuantile975 } from '../../electron/services/campaigns/stats';
import { makeWorld, type World } from '../helpers/world';

let world: World;
let now = Date.parse('2026-11-12T09:00:00.000Z');
function setup() {
  now = Date.parse('2026-11-12T09:00:00.000Z');
  world = makeWorld({ now: () => new Date(now) });
}
afterEach(() => world.dispose());

/** Clients named for the test, put in a campaign; their groups, by name. */
async function campaignOf(names: string[], holdoutPct: number, seed: string) {
  const ids = new Map<string, string>();
  for (const name of names) ids.set(name, (await world.call('clients.create', { name })).id);
  const campaign = await world.call('campaigns.create', {
    name: 'Звонки',
    goal: 'win_back',
    action: 'call',
    dueDays: 14,
    holdoutPct,
    seed,
    ids: [...ids.values()],
  });
  const { members } = await world.call('campaigns.get', { id: campaign.id });
  const byGroup = (g: string) => members.filter((m) => m.group === g).map((m) => m.clientId);
  return { id: campaign.id, contact: byGroup('contact'), control: byGroup('control') };
}

const sale = (clientId: string, date: string, amount: number, margin?: number) =>
  world.call('sales.add', { clientId, date, amount, ...(margin ? { margin } : {}) });

/** Every number of the report, however deep: none may be NaN or infinite. */
function numbers(report: CampaignReport): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(report);
  return out;
}

const Z = 1.959963984540054;
const names = (n: number) => Array.from({ length: n }, (_, i) => `Клиент ${i + 1}`);

describe('campaigns.report', () => {
  it('counts each member from its contact moment: the mark for the contacted, the start for the rest', async () => {
    setup();
    const { id, contact, control } = await campaignOf(names(10), 20, 'hand');
    expect([contact.length, control.length]).toEqual([8, 2]);
    const [c1, c2, c3, c4] = contact as [string, string, string, string];
    const [k1] = control as [string];
    // c1 is called on 20 November: its window is 20 November – 19 December.
    now = Date.parse('2026-11-20T09:00:00.000Z');
    await world.call('campaigns.mark', { id, clientId: c1, status: 'done', outcome: 'agreed' });
    await sale(c1, '2026-11-15', 70_000); // before its call: not counted
    await sale(c1, '2026-11-25', 100_000); // counted
    await sale(c2, '2026-11-17', 52_000, 30_000); // in the start's window (not called yet)
    await sale(c3, '2026-12-20', 90_000); // 38 days after the start: outside 30 days
    await sale(c4, '2026-11-01', 40_000); // before the start
    await sale(k1, '2026-11-12', 40_000, 10_000); // the start's day counts
    const r = await world.call('campaigns.report', { id, windowDays: 30 });

    expect(r.contact).toEqual({
      clients: 8,
      buyers: 2,
      revenue: 152_000,
      margin: 30_000,
      buyRate: 0.25,
      revenuePerClient: 19_000,
    });
    expect(r.control).toEqual({
      clients: 2,
      buyers: 1,
      revenue: 40_000,
      margin: 10_000,
      buyRate: 0.5,
      revenuePerClient: 20_000,
    });
    expect(r.buyRateDiff).toBeCloseTo(-0.25, 12);
    const se = Math.sqrt((0.25 * 0.75) / 8 + (0.5 * 0.5) / 2);
    // Wald's lower end, −1.005, is cut to the smallest possible difference, −1.
    expect(-0.25 - Z * se).toBeLessThan(-1);
    expect(r.buyRateCi95![0]).toBe(-1);
    expect(r.buyRateCi95![1]).toBeCloseTo(-0.25 + Z * se, 10);
    expect(r.significant).toBe(false);
    // 152 000 / 8 − 40 000 / 2 = −1 000 a client; × 8 contacted.
    expect(r.revenuePerClientDiff).toBe(-1_000);
    expect(r.moneyUplift).toBe(-8_000);
    expect(r.revenueCi95![0]).toBeLessThan(-1_000);
    expect(r.revenueCi95![1]).toBeGreaterThan(-1_000);

    // Five days: c1's is 20–24 November (its sale on the 25th falls out), the others' 12–16
    // November (c2's sale on the 17th falls out, k1's on the 12th stays).
    const week = await world.call('campaigns.report', { id, windowDays: 5 });
    expect(week.contact.buyers).toBe(0);
    expect(week.contact.revenue).toBe(0);
    expect(week.control.buyers).toBe(1);
  });

  it('gives Welch’s interval against the published t quantile (equal groups, df = 2)', async () => {
    setup();
    const { id, contact, control } = await campaignOf(names(4), 50, 'welch');
    const [c1, c2] = contact as [string, string];
    const [k1, k2] = control as [string, string];
    await sale(c1, '2026-11-13', 30_000);
    await sale(c2, '2026-11-14', 10_000);
    await sale(k1, '2026-11-15', 20_000);
    await sale(k2, '2026-11-16', -5_000); // a return: no buyer, money back
    await sale(k2, '2026-11-17', 5_000);
    const r = await world.call('campaigns.report', { id, windowDays: 30 });
    expect(r.contact).toMatchObject({ clients: 2, buyers: 2, revenue: 40_000 });
    expect(r.control).toMatchObject({ clients: 2, buyers: 2, revenue: 20_000 });
    // Revenue per client: contact 30 000 and 10 000, control 20 000 and 0 (the return
    // cancels the sale). Both variances 2·10⁸, so Welch's df is exactly 2(n − 1) = 2.
    const t2 = 4.302652729911275; // Student's t, 97.5 %, 2 degrees of freedom (tables)
    const se = Math.sqrt(2e8 / 2 + 2e8 / 2);
    expect(r.revenuePerClientDiff).toBe(10_000);
    expect(r.revenueCi95![0]).toBeCloseTo(Math.round(10_000 - t2 * se), 0);
    expect(r.revenueCi95![1]).toBeCloseTo(Math.round(10_000 + t2 * se), 0);
    expect(r.moneyUplift).toBe(20_000);
    // Everyone bought in both groups: no spread, no interval for the share.
    expect(r.buyRateDiff).toBe(0);
    expect(r.buyRateCi95).toBeNull();
    expect(r.significant).toBeNull();
  });

  it('says nothing it cannot know without a control group', async () => {
    setup();
    const { id, contact } = await campaignOf(names(3), 0, 'none');
    await sale(contact[0]!, '2026-11-13', 12_345);
    const r = await world.call('campaigns.report', { id, windowDays: 30 });
    // A sale without a margin: the margin is unknown, not zero.
    expect(r.contact).toMatchObject({ clients: 3, buyers: 1, revenue: 12_345, margin: null });
    expect(r.control).toEqual({
      clients: 0,
      buyers: 0,
      revenue: 0,
      margin: null,
      buyRate: null,
      revenuePerClient: null,
    });
    expect(r).toMatchObject({
      buyRateDiff: null,
      buyRateCi95: null,
      revenuePerClientDiff: null,
      revenueCi95: null,
      moneyUplift: null,
      significant: null,
    });
    expect(numbers(r).every(Number.isFinite)).toBe(true);
  });

  it('reports no buyers as a zero difference without an interval, never NaN', async () => {
    setup();
    const { id } = await campaignOf(names(10), 30, 'empty');
    const r = await world.call('campaigns.report', { id, windowDays: 90 });
    expect(r.contact).toMatchObject({ clients: 7, buyers: 0, revenue: 0, buyRate: 0 });
    expect(r.control).toMatchObject({ clients: 3, buyers: 0, revenue: 0, buyRate: 0 });
    expect(r).toMatchObject({
      buyRateDiff: 0,
      buyRateCi95: null,
      revenuePerClientDiff: 0,
      revenueCi95: null,
      moneyUplift: 0,
    });
    expect(numbers(r).every(Number.isFinite)).toBe(true);
  });
});

describe('the t quantile behind the revenue interval', () => {
  it('matches the published table', () => {
    const table: [number, number][] = [
      [1, 12.706204736],
      [2, 4.30265273],
      [5, 2.570581836],
      [10, 2.228138852],
      [30, 2.042272456],
      [120, 1.979930405],
    ];
    for (const [df, t] of table) expect(tQuantile975(df)).toBeCloseTo(t, 8);
    expect(tQuantile975(1e7)).toBeCloseTo(Z, 5);
  });
});
