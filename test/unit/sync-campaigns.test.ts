/**
 * Campaigns travel with sync (issue 17): started on one device, the same audience and control
 * group on the other; marks made on either device meet, field by field.
 */
import { describe, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { carry, devicesPerTest } from '../helpers/exchange';

const device = devicesPerTest();

describe('campaigns in exchange files', () => {
  it('carries a campaign with its groups, and merges marks made on both devices', async () => {
    const a = device();
    const b = device();
    const ids: string[] = [];
    for (const name of ['Анна', 'Борис', 'Вера', 'Глеб', 'Дина', 'Егор']) {
      ids.push((await a.call('clients.create', { name })).id);
    }
    const campaign = await a.call('campaigns.create', {
      name: 'Весна',
      goal: 'reactivate',
      action: 'call',
      dueDays: 7,
      holdoutPct: 34,
      ids,
    });
    await carry(a, b);
    const onA = await a.call('campaigns.get', { id: campaign.id });
    const onB = await b.call('campaigns.get', { id: campaign.id });
    expect(onB.members).toEqual(onA.members);
    expect(onB).toMatchObject({ seed: onA.seed, controlCount: 2, contactCount: 4 });

    const [first, second] = onA.members.filter((m) => m.group === 'contact');
    await a.call('campaigns.mark', {
      id: campaign.id,
      clientId: first!.clientId,
      status: 'done',
      outcome: 'reached',
    });
    await b.call('campaigns.mark', {
      id: campaign.id,
      clientId: second!.clientId,
      status: 'done',
      outcome: 'refused',
    });
    await carry(a, b);
    await carry(b, a);
    for (const d of [a, b]) {
      const { members, doneCount } = await d.call('campaigns.get', { id: campaign.id });
      expect(doneCount).toBe(2);
      expect(members.find((m) => m.clientId === first!.clientId)?.outcome).toBe('reached');
      expect(members.find((m) => m.clientId === second!.clientId)?.outcome).toBe('refused');
    }
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });
});
