/**
 * A creation entry in the history (a client's name as it was created, a sale's date as it was
 * added, an imported client's "created") has no earlier value: restoring it is refused with a
 * message that says how to remove the record instead, and the history marks such entries so
 * the screens offer no Restore. Undoing a whole batch that created records removes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/api/contract';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

async function refusedRevert(entry: HistoryEntry | undefined): Promise<string> {
  if (!entry) throw new Error('no such history entry');
  const envelope = await world.send('history.revert', { changeId: entry.id });
  expect(envelope).toMatchObject({
    ok: false,
    error: { code: 'invalid_input', field: 'changeId' },
  });
  if (envelope.ok) throw new Error('unreachable');
  return envelope.error.message;
}

describe('restoring a creation entry', () => {
  it('a client created by hand: every field of the creation is refused, in Russian', async () => {
    world = makeWorld({ locale: 'ru' });
    await world.call('fields.define', { key: 'area', label: 'Площадь', type: 'number' });
    const client = await world.call('clients.create', {
      name: 'Иванова Мария',
      email: 'maria@example.ru',
      custom: { area: 40 },
    });
    const history = await world.call('history.list', { clientId: client.id });
    for (const field of ['name', 'email', 'custom.area']) {
      const entry = history.find((h) => h.field === field);
      expect(entry?.creation, field).toBe(true);
      expect(await refusedRevert(entry)).toBe(
        'Это запись о создании клиента — её нельзя вернуть. Чтобы убрать клиента, удалите его карточку.',
      );
    }
    const now = await world.call('clients.get', { id: client.id });
    expect(now).toMatchObject({ name: 'Иванова Мария', email: 'maria@example.ru' });
    expect(now.custom['area']).toBe(40);
  });

  it('a later edit of a field that was empty at creation is still restorable', async () => {
    world = makeWorld({ locale: 'en' });
    const client = await world.call('clients.create', { name: 'Anna' });
    await world.call('clients.update', { id: client.id, patch: { phone: '+7 912 345-67-89' } });
    const history = await world.call('history.list', { clientId: client.id });
    const phone = history.find((h) => h.field === 'phone');
    expect(phone).toMatchObject({ oldValue: null, creation: false });
    const restored = await world.call('history.revert', { changeId: phone!.id });
    expect(restored.phone).toBeNull();
  });

  it('a sale added by hand: its date and amount are refused, the sale stays', async () => {
    world = makeWorld({ locale: 'en' });
    const client = await world.call('clients.create', { name: 'Anna' });
    const sale = await world.call('sales.add', {
      clientId: client.id,
      date: '2026-05-14',
      amount: 150_000,
    });
    await world.call('sales.update', { id: sale.id, patch: { amount: 120_000 } });
    const history = await world.call('history.list', { clientId: client.id });
    const saleEntries = history.filter((h) => h.entity === 'sale');
    const date = saleEntries.find((h) => h.field === 'date');
    expect(await refusedRevert(date)).toBe(
      'This entry records the creation of the sale; it cannot be restored. To remove the sale, delete it on the Sales tab.',
    );
    const created = saleEntries.find((h) => h.field === 'amount' && h.oldValue === null);
    expect(created?.creation).toBe(true);
    await refusedRevert(created);
    // The later change of the amount is an ordinary one.
    const edit = saleEntries.find((h) => h.field === 'amount' && h.oldValue === 150_000);
    expect(edit?.creation).toBe(false);
    await world.call('history.revert', { changeId: edit!.id });
    expect(await world.call('sales.list', { clientId: client.id })).toMatchObject([
      { id: sale.id, date: '2026-05-14', amount: 150_000 },
    ]);
  });

  it('a client created by an import', async () => {
    world = makeWorld({ locale: 'en' });
    const file = path.join(world.dir, 'clients.csv');
    fs.writeFileSync(file, 'Name;Phone\nAnna;+7 912 345-67-89\n');
    world.app.ctx.importer.allowFile(file);
    await world.call('import.run', {
      path: file,
      target: 'clients',
      mapping: { Name: 'name', Phone: 'phone' },
      onDuplicate: 'update',
      onInvalid: 'skip',
    });
    const [client] = (await world.call('clients.list', {})).rows;
    const history = await world.call('history.list', { clientId: client!.id });
    const created = history.find((h) => h.field === 'created');
    expect(created?.creation).toBe(true);
    expect(await refusedRevert(created)).toContain('creation of the client');
    expect((await world.call('clients.get', { id: client!.id })).deletedAt).toBeNull();
  });
});

describe('undoing a batch that created records', () => {
  it('removes the sale it added and moves the client it created to the trash', async () => {
    world = makeWorld({ locale: 'en' });
    const client = await world.call('clients.create', { name: 'Anna', phone: '+7 912 000-00-01' });
    await world.call('sales.add', { clientId: client.id, date: '2026-05-14', amount: 150_000 });
    const history = await world.call('history.list', { clientId: client.id });
    const saleBatch = history.find((h) => h.entity === 'sale')!.batchId;
    const undoSale = await world.call('history.undoBatch', { batchId: saleBatch });
    expect(undoSale.reverted).toBe(1);
    expect(await world.call('sales.list', { clientId: client.id })).toEqual([]);

    const createBatch = history.find((h) => h.field === 'name')!.batchId;
    await world.call('history.undoBatch', { batchId: createBatch });
    const trashed = await world.call('clients.get', { id: client.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.name).toBe('Anna');
  });
});
