/**
 * The control group of a campaign (issue 17): a seeded draw that is reproducible with the
 * seed, takes the asked share within one client, and keeps every member's group when clients
 * join later. On real workbooks, through the channels.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCampaignClients } from '../../electron/services/campaigns/campaigns';
import { drawGroups } from '../../electron/services/campaigns/split';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

async function clients(n: number, prefix = 'Клиент'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await world.call('clients.create', { name: `${prefix} ${i}` })).id);
  }
  return ids;
}

async function groupsOf(id: string): Promise<Map<string, string>> {
  const { members } = await world.call('campaigns.get', { id });
  return new Map(members.map((m) => [m.clientId, m.group]));
}

const base = { name: 'Возврат', goal: 'win_back', action: 'call', dueDays: 14 } as const;

describe('the control group', () => {
  it('is the same with the same seed, whatever the order of the selection', async () => {
    const ids = await clients(120);
    const a = await world.call('campaigns.create', { ...base, ids, holdoutPct: 15, seed: 's1' });
    const b = await world.call('campaigns.create', {
      ...base,
      ids: [...ids].reverse(),
      holdoutPct: 15,
      seed: 's1',
    });
    const c = await world.call('campaigns.create', { ...base, ids, holdoutPct: 15, seed: 's2' });
    const groupsA = await groupsOf(a.id);
    expect(await groupsOf(b.id)).toEqual(groupsA);
    // Another seed draws other clients (the same number).
    const groupsC = await groupsOf(c.id);
    expect(groupsC).not.toEqual(groupsA);
    expect([...groupsC.values()].filter((g) => g === 'control')).toHaveLength(18);
    expect(a.seed).toBe('s1');
  });

  it('takes the asked share within one client, for every share from 0 to 50 %', async () => {
    const ids = await clients(37);
    for (const pct of [0, 1, 10, 15, 33, 50]) {
      const campaign = await world.call('campaigns.create', { ...base, ids, holdoutPct: pct });
      expect(campaign.contactCount + campaign.controlCount).toBe(37);
      expect(Math.abs(campaign.controlCount - (37 * pct) / 100)).toBeLessThanOrEqual(1);
      const control = [...(await groupsOf(campaign.id)).values()].filter((g) => g === 'control');
      expect(control).toHaveLength(campaign.controlCount);
    }
    // 0 % leaves nobody out; the default share is 15 %.
    const none = await world.call('campaigns.create', { ...base, ids, holdoutPct: 0 });
    expect(none.controlCount).toBe(0);
    const byDefault = await world.call('campaigns.create', { ...base, ids });
    expect(byDefault.holdoutPct).toBe(15);
    expect(byDefault.controlCount).toBe(6);
  });

  it('draws from the same filter the client list uses, frozen at the start', async () => {
    await clients(10, 'Анна');
    await clients(5, 'Борис');
    const campaign = await world.call('campaigns.create', {
      ...base,
      filter: { query: 'Анна' },
      holdoutPct: 20,
    });
    expect(campaign.contactCount + campaign.controlCount).toBe(10);
    expect(campaign.controlCount).toBe(2);
    // A client matching later does not join by itself: the audience is frozen.
    await clients(3, 'Анна');
    const after = await world.call('campaigns.get', { id: campaign.id });
    expect(after.members).toHaveLength(10);
    expect(after.members.every((m) => m.name.startsWith('Анна'))).toBe(true);
  });

  it('keeps every member in its group when clients join later, the share still within one', async () => {
    const first = await clients(40);
    const campaign = await world.call('campaigns.create', {
      ...base,
      ids: first,
      holdoutPct: 15,
      seed: 'grow',
    });
    const before = await groupsOf(campaign.id);
    let total = 40;
    for (const n of [1, 7, 23]) {
      const more = await clients(n, `Новый ${n}`);
      // A client already in the campaign is not drawn twice.
      expect(addCampaignClients(world.app.ctx, campaign.id, [...more, first[0]!])).toBe(n);
      total += n;
      const now = await groupsOf(campaign.id);
      expect(now.size).toBe(total);
      for (const [clientId, group] of before) expect(now.get(clientId)).toBe(group);
      const control = [...now.values()].filter((g) => g === 'control').length;
      expect(Math.abs(control - total * 0.15)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on the order the audience comes in', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const atOnce = drawGroups('x', 20, ids);
    expect([...atOnce.values()].filter((g) => g === 'control')).toHaveLength(6);
    expect(drawGroups('x', 20, [...ids].reverse())).toEqual(atOnce);
  });
});
