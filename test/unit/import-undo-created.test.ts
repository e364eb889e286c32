/**
 * Undoing a client import that both created clients and updated one the workbook held: the
 * created clients are read and trashed set-based (their change rows never walked), the update
 * is walked back as before. The workbook's clients end as they were (the existing one with its
 * old values, the new ones in the trash and out of the search), a client trashed by hand since
 * counts as skipped, and every new card's history shows its creation and its removal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'en' });
});
afterEach(() => world.dispose());

const CREATED = 30;

function csv(rows: string[]): string {
  const file = path.join(world.dir, 'mixed.csv');
  fs.writeFileSync(file, ['Name;E-mail;City', ...rows].join('\n'));
  world.app.ctx.importer.allowFile(file);
  return file;
}

const clientRows = () =>
  world.app.wb.sqlite
    .prepare('SELECT id, name, email, address, deleted_at FROM clients ORDER BY id')
    .all();

it('undoes an import that created and updated clients: the workbook as before, each new card with its removal', async () => {
  const kept = await world.call('clients.create', {
    name: 'Anna Old',
    email: 'anna@example.org',
    address: 'Oslo',
  });
  const before = clientRows();
  const rows = [
    'Anna Old;anna@example.org;Bergen',
    ...Array.from({ length: CREATED }, (_, i) => `New Person${i};new${i}@example.org;Tromso`),
  ];
  const result = await world.call('import.run', {
    path: csv(rows),
    target: 'clients',
    mapping: { Name: 'name', 'E-mail': 'email', City: 'address' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  expect(result).toMatchObject({ inserted: CREATED, updated: 1 });
  expect((await world.call('clients.get', { id: kept.id })).address).toBe('Bergen');
  expect((await world.call('clients.list', { query: 'tromso' })).total).toBe(CREATED);

  // One new client goes to the trash by hand before the undo: nothing left to undo for it.
  const trashed = (await world.call('clients.list', { query: 'person7' })).rows[0]!;
  await world.call('clients.delete', { id: trashed.id });

  const undo = await world.call('history.undoBatch', { batchId: result.batchId! });
  // The update's one field and every new client still alive; the one trashed since is skipped.
  expect(undo).toMatchObject({ reverted: 1 + CREATED - 1, skipped: 1 });

  const after = clientRows() as { id: string; deleted_at: string | null }[];
  const old = new Map((before as { id: string }[]).map((r) => [r.id, r]));
  // The client the workbook held is as it was; every other row is a new client, in the trash.
  expect(after.filter((r) => old.has(r.id))).toEqual(before);
  const added = after.filter((r) => !old.has(r.id));
  expect(added).toHaveLength(CREATED);
  expect(added.every((r) => r.deleted_at !== null)).toBe(true);
  expect((await world.call('clients.list', { query: 'tromso' })).total).toBe(0);
  expect((await world.call('clients.list', { query: 'bergen' })).total).toBe(0);
  expect((await world.call('clients.list', { query: 'oslo' })).total).toBe(1);

  // A new card's history: created by the import, then moved to the trash by the undo.
  const other = added.find((r) => r.id !== trashed.id)!;
  const history = await world.call('history.list', { clientId: other.id });
  expect(history.map((h) => [h.field, h.batchId, h.batchKind])).toEqual([
    ['deletedAt', undo.batchId, 'undo'],
    ['created', result.batchId, 'import'],
  ]);
  // The one trashed by hand has no line from the undo.
  const skipped = await world.call('history.list', { clientId: trashed.id });
  expect(skipped.filter((h) => h.batchId === undo.batchId)).toEqual([]);
  // The undo wrote a removal line for each client it moved, and the update's line.
  const lines = world.app.wb.sqlite
    .prepare('SELECT field, count(*) AS n FROM changes WHERE batch_id = ? GROUP BY field')
    .all(undo.batchId);
  expect(lines).toEqual([
    { field: 'address', n: 1 },
    { field: 'deletedAt', n: CREATED - 1 },
  ]);
});
