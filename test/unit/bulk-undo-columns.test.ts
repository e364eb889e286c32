/**
 * Undoing a bulk stage or tag edit goes the quick way (`revert-columns.ts`): it must leave alone
 * what the general walk leaves alone. A client whose old stage "lost" has lost its reason since
 * would be lost with no reason: it keeps its stage and counts as skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SCAN_CLIENTS_FROM } from '../../db/queries/revert-columns';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

it('an undone stage edit skips a client that would be lost with no reason', async () => {
  const gone = await world.call('clients.create', {
    name: 'Ушедший',
    stage: 'lost',
    lostReason: 'Цена',
  });
  const kept = await world.call('clients.create', { name: 'Постоянный', stage: 'prospect' });
  const bulk = await world.call('clients.bulk', {
    ids: [gone.id, kept.id],
    action: { type: 'setStage', stage: 'regular' },
  });
  await world.call('clients.update', { id: gone.id, patch: { lostReason: null } });
  const undo = await world.call('history.undoBatch', { batchId: bulk.batchId });
  expect([undo.reverted, undo.skipped]).toEqual([1, 1]);
  const stages = await Promise.all(
    [gone, kept].map(async (c) => (await world.call('clients.get', { id: c.id })).stage),
  );
  expect(stages).toEqual(['regular', 'prospect']);
});

it('an undone tag edit takes the tag out of the search', async () => {
  const client = await world.call('clients.create', { name: 'Альфа', tags: ['опт'] });
  await world.call('comments.add', { clientId: client.id, kind: 'call', body: 'Сезонный заказ' });
  const bulk = await world.call('clients.bulk', {
    ids: [client.id],
    action: { type: 'addTag', tag: 'Ёлочный' },
  });
  const found = async (query: string) =>
    (await world.call('clients.list', { query })).rows.map((r) => r.name);
  expect(await found('елочн')).toEqual(['Альфа']);
  await world.call('history.undoBatch', { batchId: bulk.batchId });
  expect([await found('елочн'), await found('сезонн'), await found('опт')]).toEqual([
    [],
    ['Альфа'],
    ['Альфа'],
  ]);
  expect((await world.call('clients.get', { id: client.id })).tags).toEqual(['опт']);
});

it('an undone tag edit skips a client tagged again since and reads tags however they are spelled', async () => {
  const [edited, spaced, plain] = [
    await world.call('clients.create', { name: 'Правленый', tags: ['опт'] }),
    await world.call('clients.create', { name: 'С пробелами', tags: ['опт', 'vip'] }),
    await world.call('clients.create', { name: 'Простой' }),
  ];
  const bulk = await world.call('clients.bulk', {
    ids: [edited.id, spaced.id, plain.id],
    action: { type: 'addTag', tag: 'акция' },
  });
  await world.call('clients.update', { id: edited.id, patch: { tags: ['опт', 'акция', 'новый'] } });
  // The same tags in another spelling of JSON (as another writer may leave them).
  world.app.wb.sqlite
    .prepare('UPDATE clients SET tags = ? WHERE id = ?')
    .run('[ "опт", "vip",  "акция" ]', spaced.id);
  const undo = await world.call('history.undoBatch', { batchId: bulk.batchId });
  expect([undo.reverted, undo.skipped]).toEqual([2, 1]);
  const tags = async (id: string) => (await world.call('clients.get', { id })).tags;
  expect([await tags(edited.id), await tags(spaced.id), await tags(plain.id)]).toEqual([
    ['опт', 'акция', 'новый'],
    ['опт', 'vip'],
    [],
  ]);
  // The undo's own lines undo again: the tags come back.
  const history = world.app.wb.sqlite
    .prepare(
      `SELECT entity_id, old_value, new_value FROM changes WHERE batch_id = ? ORDER BY entity_id`,
    )
    .all(undo.batchId) as { entity_id: string; old_value: string; new_value: string }[];
  expect(history).toHaveLength(2);
  expect(history.find((h) => h.entity_id === spaced.id)).toMatchObject({
    old_value: '["опт","vip","акция"]',
    new_value: '["опт","vip"]',
  });
  await world.call('history.undoBatch', { batchId: undo.batchId });
  expect(await tags(plain.id)).toEqual(['акция']);
  const found = (await world.call('clients.list', { query: 'акци' })).rows.map((r) => r.name);
  expect(found.sort()).toEqual(['Правленый', 'Простой', 'С пробелами']);
});

it('an undone bulk edit over many clients (found by one pass over the table) puts back each its own', async () => {
  const count = SCAN_CLIENTS_FROM + 200;
  const csv = path.join(world.dir, 'клиенты.csv');
  const rows = Array.from({ length: count }, (_, i) => {
    const stage = ['prospect', 'regular', 'repeat'][i % 3];
    return `Клиент ${i};${stage};${i % 2 === 0 ? 'опт' : ''}`;
  });
  fs.writeFileSync(csv, ['Имя;Этап;Теги', ...rows].join('\r\n'));
  world.app.ctx.importer.allowFile(csv);
  const imported = await world.call('import.run', {
    path: csv,
    target: 'clients',
    mapping: { Имя: 'name', Этап: 'stage', Теги: 'tags' },
    onDuplicate: 'create',
    onInvalid: 'abort',
  });
  expect(imported.inserted).toBe(count);
  const state = () =>
    world.app.wb.sqlite
      .prepare('SELECT name, stage, tags FROM clients ORDER BY name')
      .raw()
      .all() as string[][];
  const before = state();
  const tagged = await world.call('clients.bulk', {
    filter: {},
    action: { type: 'addTag', tag: 'сезон' },
  });
  const staged = await world.call('clients.bulk', {
    filter: {},
    action: { type: 'setStage', stage: 'first_purchase' },
  });
  expect([tagged.affected, staged.affected]).toEqual([count, count]);
  // One client edited since each bulk edit: its undo leaves that client alone.
  const { rows: found } = await world.call('clients.list', { query: 'Клиент 7', limit: 1 });
  const edited = found[0]!;
  await world.call('clients.update', {
    id: edited.id,
    patch: { stage: 'repeat', tags: ['сезон', 'новый'] },
  });
  const stageUndo = await world.call('history.undoBatch', { batchId: staged.batchId });
  const tagUndo = await world.call('history.undoBatch', { batchId: tagged.batchId });
  expect([stageUndo.reverted, stageUndo.skipped]).toEqual([count - 1, 1]);
  expect([tagUndo.reverted, tagUndo.skipped]).toEqual([count - 1, 1]);
  const expected = before.map((row) =>
    row[0] === edited.name ? [row[0], 'repeat', '["сезон","новый"]'] : row,
  );
  expect(state()).toEqual(expected);
  expect((await world.call('clients.list', { query: 'сезон' })).total).toBe(1);
  // The stage undo's history: a line per client put back, its ids unique and counting up in the
  // order the lines were written, each saying which stage it put back.
  const lines = world.app.wb.sqlite
    .prepare(
      `SELECT c.id, k.name, c.field, c.old_value, c.new_value FROM changes c
       JOIN clients k ON k.id = c.entity_id WHERE c.batch_id = ? ORDER BY c.rowid`,
    )
    .raw()
    .all(stageUndo.batchId) as string[][];
  expect(lines).toHaveLength(count - 1);
  const ids = lines.map(([id]) => id!);
  expect(new Set(ids).size).toBe(count - 1);
  expect(ids).toEqual([...ids].sort());
  const stageOf = new Map(before.map(([name, stage]) => [name, stage]));
  for (const [, name, field, oldValue, newValue] of lines) {
    expect([field, oldValue, newValue]).toEqual([
      'stage',
      '"first_purchase"',
      JSON.stringify(stageOf.get(name)),
    ]);
  }
});
