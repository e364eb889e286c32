/**
 * Undoing a bulk stage or tag edit goes the quick way (`revert-columns.ts`): it must leave alone
 * what the general walk leaves alone. A client whose old stage "lost" has lost its reason since
 * would be lost with no reason: it keeps its stage and counts as skipped.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
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
