/**
 * The managers list (the client list's filter and the settings screen) counts each manager's
 * clients that are not in the trash, whatever sits in the trash. The managers' names (what the
 * list, the card and the filters show) are the same managers in the same order, uncounted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

describe('managers list', () => {
  it("counts each manager's clients out of the trash, and again after a restore", async () => {
    world = makeWorld();
    const anna = await world.call('managers.add', { name: 'Анна' });
    const boris = await world.call('managers.add', { name: 'Борис' });
    const made = [];
    for (const [name, managerId] of [
      ['Иванов', anna.id],
      ['Петров', anna.id],
      ['Сидоров', anna.id],
      ['Смирнов', boris.id],
      ['Без менеджера', null],
    ] as const) {
      made.push(await world.call('clients.create', { name, managerId }));
    }
    const counts = async () =>
      (await world.call('managers.list', {})).map((m) => [m.name, m.clientCount]);
    expect(await counts()).toEqual([
      ['Анна', 3],
      ['Борис', 1],
    ]);
    await world.call('clients.delete', { id: made[0]!.id });
    await world.call('clients.delete', { id: made[3]!.id });
    await world.call('clients.delete', { id: made[4]!.id });
    expect(await counts()).toEqual([
      ['Анна', 2],
      ['Борис', 0],
    ]);
    await world.call('clients.restore', { id: made[3]!.id });
    expect(await counts()).toEqual([
      ['Анна', 2],
      ['Борис', 1],
    ]);
  });

  it('names the same managers in the same order as the counted list, after edits too', async () => {
    world = makeWorld();
    const zoya = await world.call('managers.add', { name: 'зоя', email: 'zoya@example.ru' });
    const anna = await world.call('managers.add', { name: 'Анна' });
    await world.call('managers.add', { name: 'Борис' });
    await world.call('clients.create', { name: 'Иванов', managerId: anna.id });
    await world.call('managers.update', { id: anna.id, active: false });
    await world.call('managers.update', { id: zoya.id, name: 'Ангелина' });
    const counted = await world.call('managers.list', {});
    const named = await world.call('managers.names', {});
    expect(named).toEqual(counted.map(({ clientCount: _count, ...name }) => name));
    expect(named.map((m) => [m.name, m.active, m.email])).toEqual([
      ['Ангелина', true, 'zoya@example.ru'],
      ['Борис', true, null],
      ['Анна', false, null],
    ]);
  });
});
