/**
 * How changes from other devices merge, case by case, through exchange files (the hub carries
 * the same changes: sync-hub-*.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncDigest } from '../../db/queries/sync-digest';
import { carry, devicesPerTest, exportFrom } from '../helpers/exchange';
import { makeClient, type World } from '../helpers/world';

const device = devicesPerTest();

async function meetBoth(a: World, b: World) {
  await carry(a, b);
  await carry(b, a);
}

describe('merging changes from other devices', () => {
  it('purges a client everywhere, with a sale another device added meanwhile', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient({ name: 'Удалить совсем' }));
    const keep = await a.call('clients.create', makeClient({ name: 'Оставить' }));
    await carry(a, b);
    await a.call('clients.delete', { id: client.id });
    await a.call('trash.empty', {});
    await b.call('sales.add', { clientId: client.id, date: '2026-11-02', amount: 150000 });
    await meetBoth(a, b);
    for (const d of [a, b]) {
      expect(d.count('clients')).toBe(1);
      expect(d.count('sales')).toBe(0);
    }
    expect((await b.call('clients.get', { id: keep.id })).name).toBe('Оставить');
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });

  it('merges a plan both devices set for the same client, category and period', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient());
    await carry(a, b);
    const plan = { clientId: client.id, category: 'Обувь | кожа', period: '2026' } as const;
    await a.call('plans.set', { ...plan, plan: 100000 });
    await b.call('plans.set', { ...plan, potential: 500000 });
    await meetBoth(a, b);
    await carry(a, b);
    const onA = await a.call('plans.list', { clientId: client.id });
    const onB = await b.call('plans.list', { clientId: client.id });
    // Each device's part is kept: the plan from one, the potential from the other.
    expect(onA.map((p) => [p.plan, p.potential])).toEqual([[100000, 500000]]);
    expect(onB.map((p) => [p.plan, p.potential])).toEqual([[100000, 500000]]);
    expect(await a.call('sync.conflicts', undefined)).toHaveLength(0);
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });

  it('lists a plan both devices set to different amounts as a conflict on both', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient());
    await carry(a, b);
    const plan = { clientId: client.id, category: 'Сумки', period: '2026-Q1' } as const;
    await a.call('plans.set', { ...plan, plan: 100000 });
    await b.call('plans.set', { ...plan, plan: 300000 });
    await meetBoth(a, b);
    await carry(a, b);
    const [onA] = await a.call('plans.list', { clientId: client.id });
    const [onB] = await b.call('plans.list', { clientId: client.id });
    expect(onA?.plan).toBe(onB?.plan);
    for (const d of [a, b]) {
      const [conflict] = await d.call('sync.conflicts', undefined);
      expect(conflict?.field).toBe('plan');
      expect([conflict?.mine.value, conflict?.theirs.value].sort()).toEqual([100000, 300000]);
    }
  });

  it('keeps both portrait fields two devices defined with the same key', async () => {
    const a = device();
    const b = device();
    await a.call('exchange.export', { path: path.join(a.dir, 'start.ktx') });
    await b.call('exchange.import', { path: path.join(a.dir, 'start.ktx') });
    await a.call('fields.define', { key: 'size', label: 'Размер обуви', type: 'number' });
    await b.call('fields.define', { key: 'size', label: 'Размер одежды', type: 'text' });
    await meetBoth(a, b);
    const labels = (await a.call('fields.list', undefined)).map((f) => f.label).sort();
    expect(labels).toEqual(['Размер обуви', 'Размер одежды']);
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });

  it("shows in the card's history which device a change came from", async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient({ phone: '+7 912 100-00-01' }));
    await carry(a, b);
    await a.call('clients.update', { id: client.id, patch: { phone: '+7 912 100-00-02' } });
    await carry(a, b);
    const history = await b.call('history.list', { clientId: client.id });
    const phone = history.find((h) => h.field === 'phone' && h.newValue === '+7 912 100-00-02');
    expect(phone).toMatchObject({ batchKind: 'sync', oldValue: '+7 912 100-00-01' });
    const name = (await a.call('sync.status', undefined)).deviceName;
    expect(phone?.batchLabel).toBe(name);
  });

  it('changes nothing more for a file loaded twice or files loaded out of order', async () => {
    const a = device();
    const b = device();
    const client = await a.call('clients.create', makeClient({ name: 'Первый' }));
    const first = await exportFrom(a);
    await a.call('clients.update', { id: client.id, patch: { name: 'Второй' } });
    await a.call('comments.add', { clientId: client.id, kind: 'note', body: 'Позже' });
    const second = await exportFrom(a);
    const late = await b.call('exchange.import', { path: second });
    expect(late.applied).toBeGreaterThan(0);
    expect((await b.call('exchange.import', { path: first })).applied).toBe(0);
    expect((await b.call('exchange.import', { path: second })).applied).toBe(0);
    expect((await b.call('clients.get', { id: client.id })).name).toBe('Второй');
    expect(syncDigest(a.app.wb)).toBe(syncDigest(b.app.wb));
  });

  it('carries the business rules but not the language or the user', async () => {
    const a = device();
    const b = device();
    await a.call('clients.create', makeClient());
    await a.call('cadence.set', { birthdayDays: 21 });
    await a.call('settings.set', { language: 'ru', userName: 'Пётр' });
    await carry(a, b);
    expect((await b.call('cadence.get', undefined)).birthdayDays).toBe(21);
    const settings = await b.call('settings.get', undefined);
    expect(settings.userName).toBeNull();
    expect(settings.language).not.toBe('ru');
  });

  it('refuses a file that is not an exchange file, or one of another workbook', async () => {
    const a = device();
    const b = device();
    await b.call('clients.create', makeClient());
    const junk = path.join(a.dir, 'junk.ktx');
    fs.writeFileSync(junk, 'not a file of changes');
    const bad = await a.send('exchange.import', { path: junk });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await a.call('clients.create', makeClient());
    const fromA = await exportFrom(a);
    await b.call('exchange.export', { path: path.join(b.dir, 'own.ktx') });
    const other = await b.send('exchange.import', { path: fromA });
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!other.ok) expect(other.error.message).toContain('another workbook');
  });
});
