/**
 * The undo of a bulk stage or tag edit read ahead by the bulk worker while the worker before it
 * folds the WAL back (`readColumnRevertAhead`): its transaction then only writes. What it read
 * is used only while nothing was written since, by this connection or another; otherwise the
 * undo reads again in its transaction and leaves alone a client edited in between.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { undoBatch } from '../../db/queries/revert';
import { readColumnRevertAhead } from '../../db/queries/revert-columns';
import type { Workbook } from '../../db/workbook';
import { makeWorld, type World } from '../helpers/world';

let world: World;
/** A second connection to the workbook, as the bulk worker has. */
let worker: Workbook;
beforeEach(() => {
  world = makeWorld();
  worker = world.worker();
});
afterEach(() => {
  world.dispose();
});

/** Three tagged clients, and a bulk edit that adds a tag to each. */
async function tagged() {
  const clients = await Promise.all(
    ['Анна', 'Борис', 'Вера'].map((name) => world.call('clients.create', { name, tags: ['опт'] })),
  );
  const bulk = await world.call('clients.bulk', {
    ids: clients.map((c) => c.id),
    action: { type: 'addTag', tag: 'акция' },
  });
  return { clients, batchId: bulk.batchId };
}

const workerCtx = () => ({
  wb: worker,
  now: () => new Date('2026-12-01T10:00:00Z'),
  newId: () => crypto.randomUUID(),
  actor: () => 'bulk worker',
});

const tagsOf = async (id: string) => (await world.call('clients.get', { id })).tags;

it('reads the undo of a column batch ahead, and the undo writes what it read', async () => {
  const { clients, batchId } = await tagged();
  const ahead = readColumnRevertAhead(worker, batchId);
  expect(ahead).toMatchObject({ batchId, field: 'tags', skipped: 0 });
  expect(ahead?.reverted.map(([id]) => id).sort()).toEqual(clients.map((c) => c.id).sort());
  // Nothing written since: the undo takes the lines as read. One left out of the plan here stays
  // tagged, which shows that the transaction did not read the batch again.
  const [, ...rest] = ahead!.reverted;
  const outcome = undoBatch(workerCtx(), batchId, { ahead: { ...ahead!, reverted: rest } });
  expect(outcome).toMatchObject({ reverted: 2, skipped: 0 });
  const left = ahead!.reverted[0]![0];
  for (const client of clients) {
    expect(await tagsOf(client.id)).toEqual(client.id === left ? ['опт', 'акция'] : ['опт']);
  }
});

it('an undo read ahead is dropped when another connection wrote since: a client edited then keeps its edit', async () => {
  const { clients, batchId } = await tagged();
  const ahead = readColumnRevertAhead(worker, batchId);
  expect(ahead?.reverted).toHaveLength(3);
  // The main process edits a card between the read and the undo.
  const edited = clients[1]!;
  await world.call('clients.update', { id: edited.id, patch: { tags: ['опт', 'акция', 'vip'] } });
  const outcome = undoBatch(workerCtx(), batchId, { ahead: ahead! });
  expect(outcome).toMatchObject({ reverted: 2, skipped: 1 });
  expect(await Promise.all(clients.map((c) => tagsOf(c.id)))).toEqual([
    ['опт'],
    ['опт', 'акция', 'vip'],
    ['опт'],
  ]);
});

it('nothing is read ahead for a batch that is no column batch, or one that cannot be undone', async () => {
  const client = await world.call('clients.create', { name: 'Глеб', tags: ['опт'] });
  const update = await world.call('clients.update', { id: client.id, patch: { note: 'звонил' } });
  const [batch] = await world.call('history.batches', {});
  expect(batch?.clients).toBe(1);
  expect(update.note).toBe('звонил');
  expect(readColumnRevertAhead(worker, batch!.id)).toBeNull();
  // A client removed for good after its bulk edit: the undo refuses, the read ahead gives none.
  const { clients, batchId } = await tagged();
  world.app.wb.sqlite.pragma('foreign_keys = OFF');
  world.app.wb.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(clients[0]!.id);
  world.app.wb.sqlite.pragma('foreign_keys = ON');
  expect(readColumnRevertAhead(worker, batchId)).toBeNull();
});
