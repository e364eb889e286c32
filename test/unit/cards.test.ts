import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '../../electron/api/contract';
import { makeClient, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

async function defineAllTypes(): Promise<FieldDef[]> {
  return Promise.all([
    world.call('fields.define', { key: 'area', label: 'Площадь, м²', type: 'number' }),
    world.call('fields.define', { key: 'budget', label: 'Бюджет', type: 'money' }),
    world.call('fields.define', { key: 'inn', label: 'ИНН', type: 'text' }),
    world.call('fields.define', { key: 'audit', label: 'Аудит', type: 'date' }),
    world.call('fields.define', { key: 'vip', label: 'VIP', type: 'boolean' }),
    world.call('fields.define', {
      key: 'segment',
      label: 'Сегмент',
      type: 'choice',
      options: ['эконом', 'средний', 'премиум'],
    }),
    world.call('fields.define', {
      key: 'brands',
      label: 'Бренды',
      type: 'multichoice',
      options: ['Nike', 'Adidas', 'Puma'],
    }),
  ]);
}

const VALUES = {
  area: 120.5,
  budget: 1_500_000_00,
  inn: '7701234567',
  audit: '2026-03-31',
  vip: true,
  segment: 'премиум',
  brands: ['Nike', 'Puma'],
};

describe('custom fields', () => {
  it('stores a value of every type, returns it under custom, and records each change in history', async () => {
    await defineAllTypes();
    const { id } = await world.call('clients.create', makeClient());
    const updated = await world.call('clients.update', { id, patch: { custom: VALUES } });
    expect(updated.custom).toEqual(VALUES);
    expect((await world.call('clients.get', { id })).custom).toEqual(VALUES);

    await world.call('clients.update', {
      id,
      patch: { custom: { area: 80, vip: false, brands: ['Adidas'] } },
    });
    const history = await world.call('history.list', { clientId: id });
    const byField = (f: string) =>
      history.filter((h) => h.field === f).map((h) => [h.oldValue, h.newValue]);
    expect(byField('custom.area')).toEqual([
      [120.5, 80],
      [null, 120.5],
    ]);
    expect(byField('custom.vip')).toEqual([
      [true, false],
      [null, true],
    ]);
    expect(byField('custom.brands')).toEqual([
      [['Nike', 'Puma'], ['Adidas']],
      [null, ['Nike', 'Puma']],
    ]);
    expect(byField('custom.budget')).toEqual([[null, 150_000_000]]);
  });

  it('refuses a value of the wrong type, an unknown field and an option not offered, keeping what was there', async () => {
    await defineAllTypes();
    const { id } = await world.call('clients.create', makeClient({ custom: { area: 50 } }));
    const cases: [Record<string, unknown>, string][] = [
      [{ area: 'много' }, 'patch.custom.area'],
      [{ budget: 10.5 }, 'patch.custom.budget'],
      [{ audit: '2026-02-30' }, 'patch.custom.audit'],
      [{ vip: 'yes' }, 'patch.custom.vip'],
      [{ segment: 'люкс' }, 'patch.custom.segment'],
      [{ brands: ['Nike', 'Gucci'] }, 'patch.custom.brands'],
      [{ colour: 'red' }, 'patch.custom.colour'],
    ];
    for (const [custom, field] of cases) {
      const result = await world.send('clients.update', {
        id,
        patch: { company: 'Новое', custom },
      });
      expect(result, JSON.stringify(custom)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      });
    }
    const client = await world.call('clients.get', { id });
    expect(client.custom).toEqual({ area: 50 });
    expect(client.company).toBeNull();
  });

  it('keeps values when a field is renamed, reordered, retired and brought back', async () => {
    await defineAllTypes();
    const { id } = await world.call(
      'clients.create',
      makeClient({ custom: { segment: 'средний' } }),
    );
    await world.call('fields.update', {
      key: 'segment',
      label: 'Ценовой сегмент',
      options: ['эконом', 'средний', 'премиум', 'люкс'],
    });
    await world.call('fields.reorder', { keys: ['segment', 'area'] });
    expect((await world.call('fields.list', {})).map((f) => f.key).slice(0, 2)).toEqual([
      'segment',
      'area',
    ]);
    await world.call('fields.retire', { key: 'segment' });
    expect((await world.call('fields.list', {})).map((f) => f.key)).not.toContain('segment');
    expect(
      await world.send('clients.update', { id, patch: { custom: { segment: 'люкс' } } }),
    ).toMatchObject({ ok: false });
    await world.call('fields.unretire', { key: 'segment' });
    expect((await world.call('clients.get', { id })).custom).toEqual({ segment: 'средний' });
    const field = (await world.call('fields.list', {})).find((f) => f.key === 'segment');
    expect(field?.label).toBe('Ценовой сегмент');
    expect(
      await world.send('fields.define', { key: 'segment', label: 'X', type: 'number' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'type' },
    });
  });
});

describe('restore and the card as of a date', () => {
  it('restores an old phone with one call, and the restore is itself in history', async () => {
    const { id } = await world.call('clients.create', makeClient({ phone: '+7 900 111-11-11' }));
    await world.call('clients.update', { id, patch: { phone: '+7 900 222-22-22' } });
    const [change] = await world.call('history.list', { clientId: id });
    const restored = await world.call('history.revert', { changeId: change!.id });
    expect(restored.phone).toBe('+7 900 111-11-11');
    const [latest] = await world.call('history.list', { clientId: id });
    expect(latest).toMatchObject({
      field: 'phone',
      oldValue: '+7 900 222-22-22',
      newValue: '+7 900 111-11-11',
      batchKind: 'revert',
    });
  });

  it('restores a custom field value', async () => {
    await defineAllTypes();
    const { id } = await world.call(
      'clients.create',
      makeClient({ custom: { segment: 'эконом' } }),
    );
    await world.call('clients.update', { id, patch: { custom: { segment: 'премиум' } } });
    const change = (await world.call('history.list', { clientId: id })).find(
      (h) => h.newValue === 'премиум',
    );
    expect((await world.call('history.revert', { changeId: change!.id })).custom['segment']).toBe(
      'эконом',
    );
  });

  it('shows the card as it was at a past moment, and nothing before it existed', async () => {
    await defineAllTypes();
    const created = await world.call(
      'clients.create',
      makeClient({ company: 'Старая', custom: { area: 10 } }),
    );
    const moment = (await world.call('clients.get', { id: created.id })).updatedAt;
    await world.call('clients.update', {
      id: created.id,
      patch: { company: 'Новая', phone: '+7 900 333-33-33', custom: { area: 99 } },
    });
    const then = await world.call('history.asOf', { clientId: created.id, at: moment });
    expect(then).toMatchObject({ company: 'Старая', phone: created.phone, custom: { area: 10 } });
    expect(
      await world.call('history.asOf', { clientId: created.id, at: '2020-01-01T00:00:00Z' }),
    ).toBeNull();
  });
});

describe('the trash', () => {
  it('hides a deleted client from the list and search, keeps its comments, and restores it whole', async () => {
    const { id } = await world.call('clients.create', makeClient({ name: 'Удаляемый Клиент' }));
    await world.call('comments.add', { clientId: id, kind: 'call', body: 'Обещал перезвонить' });
    await world.call('clients.delete', { id });
    expect((await world.call('clients.list', { query: 'удаляемый' })).total).toBe(0);
    expect((await world.call('clients.list', { trash: true })).rows.map((r) => r.name)).toEqual([
      'Удаляемый Клиент',
    ]);
    expect((await world.call('clients.get', { id })).deletedAt).not.toBeNull();

    await world.call('clients.restore', { id });
    expect(
      (await world.call('clients.list', { query: 'перезвонить' })).rows.map((r) => r.id),
    ).toEqual([id]);
    expect(await world.call('comments.list', { clientId: id })).toHaveLength(1);
    expect(
      (await world.call('history.list', { clientId: id })).filter((h) => h.field === 'deletedAt'),
    ).toHaveLength(2);
  });

  it('empties the trash for good, with everything attached', async () => {
    const keep = await world.call('clients.create', makeClient());
    const gone = await world.call('clients.create', makeClient());
    await world.call('comments.add', { clientId: gone.id, kind: 'note', body: 'x' });
    await world.call('clients.delete', { id: gone.id });
    expect(await world.call('trash.empty', {})).toEqual({ purged: 1 });
    expect(world.count('clients')).toBe(1);
    expect(world.count('comments')).toBe(0);
    expect((await world.call('clients.get', { id: keep.id })).id).toBe(keep.id);
  });
});

describe('full-text search', () => {
  it('finds by Cyrillic in any case, ё as е, phone digits in any format, comments and custom text', async () => {
    await defineAllTypes();
    const a = await world.call(
      'clients.create',
      makeClient({
        name: 'Иванов Пётр',
        phone: '+7 (912) 345-67-89',
        custom: { inn: '7701234567' },
      }),
    );
    const b = await world.call(
      'clients.create',
      makeClient({ name: 'Smith John', phone: '8 800 555-35-35', email: 'john@shop.co.uk' }),
    );
    await world.call('comments.add', {
      clientId: b.id,
      kind: 'meeting',
      body: 'Обсудили поставку плитки',
    });
    const ids = async (query: string) =>
      (await world.call('clients.list', { query })).rows.map((r) => r.id);
    expect(await ids('иванов')).toEqual([a.id]);
    expect(await ids('ИВАНОВ петр')).toEqual([a.id]);
    expect(await ids('пётр')).toEqual([a.id]);
    expect(await ids('345-67')).toEqual([a.id]);
    // The same number with the Russian trunk 8 instead of +7 (issue 11: any formatting).
    expect(await ids('8 (912) 345')).toEqual([a.id]);
    expect(await ids('912 345')).toEqual([a.id]);
    expect(await ids('плитк')).toEqual([b.id]);
    expect(await ids('770123')).toEqual([a.id]);
    expect(await ids('SHOP.CO')).toEqual([b.id]);
    expect(await ids('ив')).toEqual([a.id]);
    // an edit re-indexes at once
    await world.call('clients.update', { id: a.id, patch: { name: 'Петров Пётр' } });
    expect(await ids('иванов')).toEqual([]);
    expect(await ids('петров')).toEqual([a.id]);
  });
});

describe('filters and sorting', () => {
  it('filters on standard fields, custom fields and related records, and sorts on any column', async () => {
    await defineAllTypes();
    const petrov = await world.call('managers.add', { name: 'Петров' });
    const c1 = await world.call(
      'clients.create',
      makeClient({
        name: 'А',
        stage: 'regular',
        managerId: petrov.id,
        custom: { area: 200, brands: ['Nike'] },
      }),
    );
    const c2 = await world.call(
      'clients.create',
      makeClient({ name: 'Б', stage: 'regular', custom: { area: 50, brands: ['Puma', 'Nike'] } }),
    );
    const c3 = await world.call(
      'clients.create',
      makeClient({ name: 'В', stage: 'prospect', managerId: petrov.id, custom: { area: 120 } }),
    );
    const names = async (input: Parameters<World['call']>[1]) =>
      (await world.call('clients.list', input as never)).rows.map((r) => r.name);
    expect(
      await names({
        filters: [
          { field: 'stage', op: 'eq', value: 'regular' },
          { field: 'managerId', op: 'eq', value: petrov.id },
        ],
      }),
    ).toEqual(['А']);
    expect(await names({ filters: [{ field: 'custom.area', op: 'gte', value: 100 }] })).toEqual([
      'А',
      'В',
    ]);
    expect(
      await names({ filters: [{ field: 'custom.brands', op: 'contains', value: 'Nike' }] }),
    ).toEqual(['А', 'Б']);
    expect(await names({ filters: [{ field: 'custom.area', op: 'empty' }] })).toEqual([]);
    expect(await names({ sort: { field: 'custom.area', dir: 'desc' } })).toEqual(['А', 'В', 'Б']);
    expect(
      await names({ filters: [{ field: 'lastPurchase', op: 'lt', value: '2026-06-01' }] }),
    ).toEqual([]);
    await world.call('comments.add', { clientId: c2.id, kind: 'call', body: 'звонок' });
    expect(await names({ filters: [{ field: 'lastContact', op: 'notEmpty' }] })).toEqual(['Б']);
    const bad = await world.send('clients.list', {
      filters: [{ field: 'custom.nope', op: 'eq', value: 1 }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'filters.0.field' },
    });
    expect([c1, c3].length).toBe(2);
  });
});

describe('bulk actions', () => {
  it('assigns a manager to a filter result as one batch and undoes it as one', async () => {
    const sidorov = await world.call('managers.add', { name: 'Сидоров' });
    const before = await Promise.all(
      ['Альфа', 'Бета', 'Гамма'].map((name, i) =>
        world.call('clients.create', makeClient({ name, stage: i < 2 ? 'regular' : 'prospect' })),
      ),
    );
    const result = await world.call('clients.bulk', {
      filter: { filters: [{ field: 'stage', op: 'eq', value: 'regular' }] },
      action: { type: 'setManager', managerId: sidorov.id },
    });
    expect(result.affected).toBe(2);
    expect((await world.call('managers.list', {}))[0]).toMatchObject({
      name: 'Сидоров',
      clientCount: 2,
    });
    const [batch] = await world.call('history.batches', {});
    expect(batch).toMatchObject({ id: result.batchId, kind: 'bulk', clients: 2, client: null });
    expect(batch?.fields).toEqual([]);

    // one of them is edited by hand afterwards: undo leaves that one alone
    await world.call('clients.update', { id: before[1]!.id, patch: { managerId: null } });
    // The journal names the one client of an edit, and what changed.
    const [edit] = await world.call('history.batches', {});
    expect(edit).toMatchObject({
      kind: 'edit',
      clients: 1,
      changes: 1,
      client: { id: before[1]!.id, name: before[1]!.name },
      fields: [{ entity: 'client', field: 'managerId' }],
    });
    const undo = await world.call('history.undoBatch', { batchId: result.batchId });
    expect(undo).toMatchObject({ reverted: 1, skipped: 1 });
    expect((await world.call('clients.get', { id: before[0]!.id })).managerId).toBeNull();
    expect(await world.send('history.undoBatch', { batchId: result.batchId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('adds a tag, sets a custom field and deletes a selection; undo brings all back', async () => {
    await defineAllTypes();
    const rows = await Promise.all([1, 2, 3].map(() => world.call('clients.create', makeClient())));
    const ids = rows.map((r) => r.id);
    await world.call('clients.bulk', { ids, action: { type: 'addTag', tag: 'опт' } });
    expect(
      (
        await world.call('clients.list', {
          filters: [{ field: 'tags', op: 'contains', value: 'опт' }],
        })
      ).total,
    ).toBe(3);
    const custom = await world.call('clients.bulk', {
      ids,
      action: { type: 'setCustom', key: 'segment', value: 'средний' },
    });
    expect(custom.affected).toBe(3);
    const wrong = await world.send('clients.bulk', {
      ids,
      action: { type: 'setCustom', key: 'area', value: 'много' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'action.value.area' },
    });
    const del = await world.call('clients.bulk', {
      ids: ids.slice(0, 2),
      action: { type: 'delete' },
    });
    expect((await world.call('clients.list', {})).total).toBe(1);
    await world.call('history.undoBatch', { batchId: del.batchId });
    expect((await world.call('clients.list', {})).total).toBe(3);
    await world.call('history.undoBatch', { batchId: custom.batchId });
    expect((await world.call('clients.get', { id: ids[0]! })).custom).toEqual({});
  });

  it("reassigns all of a leaving manager's clients in one step", async () => {
    const [from, to] = await Promise.all([
      world.call('managers.add', { name: 'Уходящий' }),
      world.call('managers.add', { name: 'Новый' }),
    ]);
    for (let i = 0; i < 4; i++)
      await world.call('clients.create', makeClient({ managerId: from.id }));
    expect((await world.call('managers.reassign', { fromId: from.id, toId: to.id })).affected).toBe(
      4,
    );
    await world.call('managers.update', { id: from.id, active: false });
    const list = await world.call('managers.list', {});
    expect(list.map((m) => [m.name, m.active, m.clientCount])).toEqual([
      ['Новый', true, 4],
      ['Уходящий', false, 0],
    ]);
  });
});

describe('comments', () => {
  it('adds, edits and deletes comments with the author and keeps every edit in history', async () => {
    const manager = await world.call('managers.add', { name: 'Петров' });
    await world.call('settings.set', { currentManagerId: manager.id });
    const { id } = await world.call('clients.create', makeClient());
    const first = await world.call('comments.add', {
      clientId: id,
      kind: 'call',
      body: 'Позвонил, договорились о встрече',
      touch: 'offer',
    });
    expect(first).toMatchObject({ author: 'Петров', kind: 'call', touch: 'offer' });
    await world.call('comments.add', { clientId: id, kind: 'note', body: 'Любит зелёный чай' });
    expect((await world.call('comments.list', { clientId: id })).map((c) => c.kind)).toEqual([
      'note',
      'call',
    ]);
    expect(await world.call('comments.list', { clientId: id, kind: 'call' })).toHaveLength(1);
    await world.call('comments.update', { id: first.id, body: 'Встреча в пятницу' });
    await world.call('comments.delete', { id: first.id });
    expect(await world.call('comments.list', { clientId: id })).toHaveLength(1);
    const edits = (await world.call('history.list', { clientId: id })).filter(
      (h) => h.entity === 'comment' && h.field === 'body',
    );
    expect(edits.map((h) => h.newValue)).toContain('Встреча в пятницу');
    expect(edits.every((h) => h.actor === 'Петров')).toBe(true);
  });

  it('refuses a 10 MB comment and saves nothing', async () => {
    const { id } = await world.call('clients.create', makeClient());
    const result = await world.send('comments.add', {
      clientId: id,
      kind: 'note',
      body: 'я'.repeat(10 * 1024 * 1024),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body' } });
    expect(world.count('comments')).toBe(0);
  });
});

describe('stages and lost reasons', () => {
  it('requires a reason to mark a client lost and offers the default reasons in the user language', async () => {
    const { id } = await world.call('clients.create', makeClient());
    expect(await world.send('clients.update', { id, patch: { stage: 'lost' } })).toMatchObject({
      ok: false,
      error: { field: 'patch.lostReason' },
    });
    const reasons = await world.call('lostReasons.list', {});
    expect(reasons.length).toBeGreaterThan(3);
    const lost = await world.call('clients.update', {
      id,
      patch: { stage: 'lost', lostReason: reasons[0]!.label },
    });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: reasons[0]!.label });
  });
});

describe('saved views', () => {
  it('saves, lists, renames and deletes a named view', async () => {
    const view = await world.call('views.save', {
      name: 'Постоянные Петрова',
      definition: {
        filters: [{ field: 'stage', op: 'eq', value: 'regular' }],
        sort: { field: 'updatedAt', dir: 'desc' },
        columns: ['name', 'phone'],
      },
    });
    await world.call('views.save', {
      id: view.id,
      name: 'Постоянные',
      definition: view.definition,
    });
    expect((await world.call('views.list', {})).map((v) => v.name)).toEqual(['Постоянные']);
    await world.call('views.delete', { id: view.id });
    expect(await world.call('views.list', {})).toEqual([]);
  });
});
