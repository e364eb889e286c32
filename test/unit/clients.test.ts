import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/api/contract';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

describe("the list's count", () => {
  it('counts the live clients only, as clients go to the trash and come back', async () => {
    const ids: string[] = [];
    for (const name of ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья']) {
      ids.push((await world.call('clients.create', { name })).id);
    }
    const counts = async () => {
      const all = await world.call('clients.list', { limit: 2 });
      const trash = await world.call('clients.list', { trash: true });
      const sorted = await world.call('clients.list', { sort: { field: 'name', dir: 'desc' } });
      return [all.total, all.rows.length, trash.total, sorted.total];
    };
    expect(await counts()).toEqual([5, 2, 0, 5]);
    await world.call('clients.delete', { id: ids[0]! });
    await world.call('clients.delete', { id: ids[3]! });
    expect(await counts()).toEqual([3, 2, 2, 3]);
    await world.call('clients.restore', { id: ids[3]! });
    expect(await counts()).toEqual([4, 2, 1, 4]);
  });

  it('lists the trash by name both ways, a page at a time, from its own index', async () => {
    const names = ['вера', 'Анна', 'Дарья', 'Борис', 'Глеб'];
    for (const name of names) {
      const { id } = await world.call('clients.create', { name });
      if (name !== 'Глеб') await world.call('clients.delete', { id });
    }
    const page = async (dir: 'asc' | 'desc', offset: number) =>
      (
        await world.call('clients.list', {
          trash: true,
          sort: { field: 'name', dir },
          limit: 2,
          offset,
        })
      ).rows.map((r) => r.name);
    expect([...(await page('asc', 0)), ...(await page('asc', 2))]).toEqual([
      'Анна',
      'Борис',
      'вера',
      'Дарья',
    ]);
    expect(await page('desc', 0)).toEqual(['Дарья', 'вера']);
    // The list's trash page in name order reads the partial index of the trash (migration
    // 0013), not every client's row sorted.
    const plan = world.app.wb.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM clients WHERE "clients"."deleted_at" IS NOT NULL
         ORDER BY "clients"."name_fold" ASC, "clients"."id" ASC LIMIT 50`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SCAN clients USING INDEX clients_trash_name_idx']);
  });
});

describe('a client from creation to history', () => {
  it('creates a client, finds it in the list, edits its phone and shows old and new phone in history', async () => {
    const created = await world.call('clients.create', {
      name: 'Иванова Мария',
      phone: '+7 912 345-67-89',
      email: 'maria@example.ru',
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(created.stage).toBe('prospect');

    const list = await world.call('clients.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]?.name).toBe('Иванова Мария');

    const updated = await world.call('clients.update', {
      id: created.id,
      patch: { phone: '+7 912 000-00-00' },
    });
    expect(updated.phone).toBe('+7 912 000-00-00');
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const history = await world.call('history.list', { clientId: created.id });
    const phoneChange = history.find((h) => h.field === 'phone' && h.oldValue !== null);
    expect(phoneChange).toMatchObject({
      field: 'phone',
      oldValue: '+7 912 345-67-89',
      newValue: '+7 912 000-00-00',
      batchKind: 'edit',
    });
    expect(history[0]?.id).toBe(phoneChange?.id);
    expect(phoneChange?.actor).toBeTruthy();
    // Creation is recorded too: one batch with every field given.
    const createdFields = history.filter((h) => h.batchKind === 'create').map((h) => h.field);
    expect(createdFields.sort()).toEqual(['email', 'name', 'phone']);
  });

  it('persists in the workbook file across a reopen', async () => {
    const { id } = await world.call('clients.create', makeClient({ name: 'Пётр' }));
    await world.call('clients.update', { id, patch: { company: 'ООО Ромашка' } });
    world.app.close();
    const { createApp } = await import('../../electron/app');
    const reopened = createApp({
      workbookPath: world.file,
      migrationsDir: (await import('../helpers/world')).MIGRATIONS_DIR,
      dataDir: world.dir,
      shell: 'web',
      version: 'test',
    });
    try {
      const envelope = await reopened.dispatch('clients.get', { id });
      expect(envelope).toMatchObject({
        ok: true,
        data: { name: 'Пётр', company: 'ООО Ромашка', custom: {} },
      });
    } finally {
      reopened.close();
      world.app = reopened; // dispose() closes again harmlessly
    }
  });

  it('records several fields changed at once under one batch, and records nothing for a no-op', async () => {
    const { id } = await world.call('clients.create', makeClient());
    const before = world.count('changes');
    await world.call('clients.update', { id, patch: { company: 'Альфа', position: 'Директор' } });
    const history = await world.call('history.list', { clientId: id });
    const edits = history.filter((h) => h.batchKind === 'edit');
    expect(edits).toHaveLength(2);
    expect(new Set(edits.map((h) => h.batchId)).size).toBe(1);

    const afterEdit = world.count('changes');
    expect(afterEdit).toBe(before + 2);
    await world.call('clients.update', { id, patch: { company: 'Альфа' } });
    expect(world.count('changes')).toBe(afterEdit);
  });

  it('clears a field with an empty string and records the old value', async () => {
    const { id } = await world.call('clients.create', makeClient({ email: 'a@b.ru' }));
    const cleared = await world.call('clients.update', { id, patch: { email: '  ' } });
    expect(cleared.email).toBeNull();
    const [last] = await world.call('history.list', { clientId: id });
    expect(last).toMatchObject({ field: 'email', oldValue: 'a@b.ru', newValue: null });
  });

  it('refuses a second client with the same external code and names the holder', async () => {
    await world.call('clients.create', makeClient({ name: 'Первый', externalId: 'A-001' }));
    const clash = await world.send(
      'clients.create',
      makeClient({ name: 'Второй', externalId: 'A-001' }),
    );
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', field: 'externalId' } });
    expect(!clash.ok && clash.error.message).toContain('Первый');
    expect(world.count('clients')).toBe(1);
  });

  it('reports an unknown id as not found', async () => {
    const result = await world.send('clients.update', { id: 'no-such-id', patch: { name: 'X' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await world.send('history.list', { clientId: 'no-such-id' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('the client list', () => {
  async function seed(names: Record<string, unknown>[]): Promise<Client[]> {
    const out: Client[] = [];
    for (const n of names) out.push(await world.call('clients.create', makeClient(n)));
    return out;
  }

  it('finds clients by any case of a Cyrillic name, by phone digits in any format, by email and company', async () => {
    await seed([
      { name: 'Иванов Сергей', phone: '+7 (912) 345-67-89' },
      { name: 'Петрова Анна', email: 'anna@salon.ru', company: 'Салон «Ёлка»' },
      { name: 'John Smith', phone: '8 800 555 35 35' },
    ]);
    const names = async (query: string) =>
      (await world.call('clients.list', { query })).rows.map((r) => r.name);
    expect(await names('иванов')).toEqual(['Иванов Сергей']);
    expect(await names('ИВАНОВ')).toEqual(['Иванов Сергей']);
    expect(await names('912 345')).toEqual(['Иванов Сергей']);
    expect(await names('9123456789')).toEqual(['Иванов Сергей']);
    expect(await names('SALON.RU')).toEqual(['Петрова Анна']);
    expect(await names('елка')).toEqual(['Петрова Анна']);
    expect(await names('smith john')).toEqual(['John Smith']);
    expect(await names('100%')).toEqual([]);
  });

  it('orders by name regardless of case and pages with limit and offset', async () => {
    await seed([
      { name: 'борисов' },
      { name: 'Алексеев' },
      { name: 'Васильев' },
      { name: 'анисимов' },
    ]);
    const page1 = await world.call('clients.list', { limit: 2, offset: 0 });
    const page2 = await world.call('clients.list', { limit: 2, offset: 2 });
    expect(page1.total).toBe(4);
    expect([...page1.rows, ...page2.rows].map((r) => r.name)).toEqual([
      'Алексеев',
      'анисимов',
      'борисов',
      'Васильев',
    ]);
  });
});
