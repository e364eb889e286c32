import { describe, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { carry, devicesPerTest } from '../helpers/exchange';
import { makeClient } from '../helpers/world';

const device = devicesPerTest();

describe('exchange files', () => {
  it('starts a fresh workbook from a file and merges edits of different fields', async () => {
    const a = device();
    const b = device();
    const client = await a.call(
      'clients.create',
      makeClient({ name: 'Анна', phone: '+7 912 111-11-11' }),
    );
    await a.call('comments.add', {
      clientId: client.id,
      kind: 'call',
      body: 'Позвонить в пятницу',
    });
    const first = await carry(a, b);
    expect(first.applied).toBeGreaterThan(0);
    const onB = await b.call('clients.get', { id: client.id });
    expect(onB.name).toBe('Анна');
    expect(await b.call('comments.list', { clientId: client.id })).toHaveLength(1);

    await a.call('clients.update', { id: client.id, patch: { email: 'anna@почта.рф' } });
    await b.call('clients.update', { id: client.id, patch: { phone: '+7 912 222-22-22' } });
    await carry(a, b);
    await carry(b, a);
    const onA = await a.call('clients.get', { id: client.id });
    expect(onA.email).toBe('anna@почта.рф');
    expect(onA.phone).toBe('+7 912 222-22-22');
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
    // Found by the new phone on the device that received it (the search index follows).
    const found = await a.call('clients.list', { query: '222-22-22' });
    expect(found.rows.map((r) => r.id)).toContain(client.id);
    const again = await carry(b, a);
    expect(again.applied).toBe(0);
  });

  it('keeps the losing value of a field both devices changed as a conflict on both', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient({ name: 'Борис' }));
    await carry(a, b);
    await a.call('clients.update', { id: client.id, patch: { phone: '+7 900 000-00-01' } });
    await b.call('clients.update', { id: client.id, patch: { phone: '+7 900 000-00-02' } });
    await carry(a, b);
    await carry(b, a);
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
    const onA = await a.call('sync.conflicts', undefined);
    const onB = await b.call('sync.conflicts', undefined);
    expect(onA).toHaveLength(1);
    expect(onB).toHaveLength(1);
    const winner = (await a.call('clients.get', { id: client.id })).phone;
    expect(winner).toBe('+7 900 000-00-02');
    // A's value lost: A keeps its own, which then wins on B too.
    expect(onA[0]!.winner).toBe('theirs');
    expect(onA[0]!.mine.value).toBe('+7 900 000-00-01');
    await a.call('sync.resolve', { id: onA[0]!.id, keep: 'mine' });
    await carry(a, b);
    expect((await b.call('clients.get', { id: client.id })).phone).toBe('+7 900 000-00-01');
    expect(await b.call('sync.conflicts', undefined)).toHaveLength(0);
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });
});
