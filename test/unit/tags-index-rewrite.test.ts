/**
 * A tag edit over most of the base, or its undo, rewrites the whole tag index at once
 * (`reindexTags` in search.ts); a smaller one rewrites its clients' rows. Either way the index
 * must hold exactly the live clients' tags: a tag finds its clients, those in the trash never,
 * and the clients outside the edit keep their rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { REWRITE_TAGS_FROM } from '../../db/queries/search';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld();
});
afterEach(() => world.dispose());

const COUNT = REWRITE_TAGS_FROM + 200;

/** `COUNT` clients: every second one tagged "опт", every third "розница". */
async function importClients(): Promise<void> {
  const csv = path.join(world.dir, 'клиенты.csv');
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const tags = [i % 2 === 0 ? 'опт' : '', i % 3 === 0 ? 'розница' : ''].filter(Boolean);
    return `Клиент ${i};${tags.join(', ')}`;
  });
  fs.writeFileSync(csv, ['Имя;Теги', ...rows].join('\r\n'));
  world.app.ctx.importer.allowFile(csv);
  const imported = await world.call('import.run', {
    path: csv,
    target: 'clients',
    mapping: { Имя: 'name', Теги: 'tags' },
    onDuplicate: 'create',
    onInvalid: 'abort',
  });
  expect(imported.inserted).toBe(COUNT);
}

/** The `seq`s the tag index finds for `word`. */
function indexed(word: string): number[] {
  return world.app.wb.sqlite
    .prepare('SELECT rowid FROM client_tag_search WHERE client_tag_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(`"${word}"`) as number[];
}

/** The `seq`s of the live clients one of whose tags holds `word`. */
function tagged(word: string): number[] {
  return world.app.wb.sqlite
    .prepare(
      `SELECT seq FROM clients WHERE deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM json_each(clients.tags) t WHERE instr(t.value, ?) > 0)
       ORDER BY seq`,
    )
    .pluck()
    .all(word) as number[];
}

function expectIndexExact(): void {
  for (const word of ['опт', 'розница', 'сезон', 'акция'])
    expect(indexed(word)).toEqual(tagged(word));
}

it('holds exactly the live clients’ tags after a tag edit over all clients, a smaller one and their undo', async () => {
  await importClients();
  // Two clients in the trash, with tags: the rewritten index must not find them.
  const { rows } = await world.call('clients.list', { query: 'Клиент 10', limit: 2 });
  for (const row of rows) await world.call('clients.delete', { id: row.id });
  expect(tagged('опт').length).toBeGreaterThan(0);
  expectIndexExact();

  const all = await world.call('clients.bulk', {
    filter: {},
    action: { type: 'addTag', tag: 'сезон' },
  });
  expect(all.affected).toBe(COUNT - 2);
  expect(indexed('сезон')).toHaveLength(COUNT - 2);
  expectIndexExact();

  // Fewer than half of the clients: their rows only.
  const some = (await world.call('clients.list', { query: 'Клиент 5', limit: 50 })).rows;
  const few = await world.call('clients.bulk', {
    ids: some.map((r) => r.id),
    action: { type: 'addTag', tag: 'акция' },
  });
  expect(indexed('акция')).toHaveLength(some.length);
  expectIndexExact();

  // The later edit first: undone the other way, its clients would be skipped as edited since.
  await world.call('history.undoBatch', { batchId: few.batchId });
  expect(indexed('акция')).toEqual([]);
  expectIndexExact();
  await world.call('history.undoBatch', { batchId: all.batchId });
  expect(indexed('сезон')).toEqual([]);
  expectIndexExact();
  // The search box agrees.
  expect((await world.call('clients.list', { query: 'розница' })).total).toBe(
    tagged('розница').length,
  );
});
