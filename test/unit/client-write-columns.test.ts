/**
 * A card edit writes only the columns it changes (and the derived ones those move): the
 * folded name, the search text, the folded tags and the phone keys must still be exactly
 * what the whole row gives after every kind of edit, and found by the search.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ClientPatch } from '../../electron/api/contract';
import { derived } from '../../db/queries/client-derived';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

const stored = (id: string) =>
  world.app.wb.sqlite
    .prepare(
      `SELECT name_fold AS nameFold, search_text AS searchText, tags_fold AS tagsFold,
              phone_key AS phoneKey, phone2_key AS phone2Key, updated_at AS updatedAt
       FROM clients WHERE id = ?`,
    )
    .get(id) as Record<string, string | null>;

it('keeps every derived column true to the row through edits of one field at a time', async () => {
  const client = await world.call('clients.create', {
    name: 'Иванова Мария',
    phone: '+7 912 000-11-22',
    tags: ['опт'],
    note: 'Любит скидки',
  });
  const patches: ClientPatch[] = [
    { name: 'Петрова Мария' },
    { phone: '8 (903) 555-66-77' },
    { phone2: '+7 495 123-45-67' },
    { email: 'maria@example.ru' },
    { note: 'Звонить после обеда' },
    { tags: ['розница', 'Ёлка'] },
    { stage: 'regular' },
    { company: 'ООО «Ромашка»', position: 'Закупщик' },
    { phone: null, phone2: null },
    { tags: [] },
  ];
  let previous = stored(client.id).updatedAt;
  for (const patch of patches) {
    const after = await world.call('clients.update', { id: client.id, patch });
    const { updatedAt, ...columns } = stored(client.id);
    expect(columns, JSON.stringify(patch)).toEqual(derived(after));
    expect(updatedAt! >= previous!).toBe(true);
    previous = updatedAt;
  }
  const found = async (query: string) => (await world.call('clients.list', { query })).total;
  expect(
    await Promise.all(['петрова', 'ромашк', 'обеда', '4951234567', 'скидки', 'ёлка'].map(found)),
  ).toEqual([1, 1, 1, 0, 0, 0]);
});

it('an edit of a stage leaves the other columns as they were', async () => {
  const client = await world.call('clients.create', { name: 'Сидоров', phone: '+7 900 1234567' });
  const before = world.app.wb.sqlite.prepare('SELECT * FROM clients WHERE id = ?').get(client.id);
  await world.call('clients.update', { id: client.id, patch: { stage: 'repeat' } });
  const after = world.app.wb.sqlite.prepare('SELECT * FROM clients WHERE id = ?').get(client.id);
  const { stage, updated_at: at, ...rest } = after as Record<string, unknown>;
  const { stage: was, updated_at: wasAt, ...restBefore } = before as Record<string, unknown>;
  expect([was, stage]).toEqual(['prospect', 'repeat']);
  expect(at).not.toBe(undefined);
  expect(wasAt).not.toBe(undefined);
  expect(rest).toEqual(restBefore);
});
