/**
 * Many change rows at once (`recordChanges` from 1,000 rows: the stage moves after a large
 * import) are written by one statement: the rows must be exactly those the statement per row
 * writes, values of every kind encoded alike, the ids the same counted-up sequence.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import { recordChanges, startBatch, type ChangeInput } from '../../db/queries/history';
import { makeWorld, type World } from '../helpers/world';

let world: World;
afterEach(() => world.dispose());

const VALUES: unknown[] = [
  null,
  'prospect',
  'Кавычки "и" \\ обратная черта, 🙂',
  0,
  -12.5,
  true,
  ['a', 1, null],
  { nested: { x: 'y' } },
  '',
];

function items(n: number): ChangeInput[] {
  return Array.from({ length: n }, (_, i) => ({
    entity: i % 2 ? 'client' : 'sale',
    entityId: `e-${i}`,
    clientId: i % 5 === 0 ? null : `c-${i % 37}`,
    field: i % 3 ? 'stage' : 'custom.area',
    oldValue: VALUES[i % VALUES.length],
    newValue: VALUES[(i * 7 + 3) % VALUES.length],
  }));
}

it('writes 1,500 changes by one statement as the statement per row writes them', () => {
  world = makeWorld({ locale: 'ru' });
  let ids = 0;
  let last = '';
  const ctx = {
    wb: world.app.wb,
    now: () => new Date('2026-12-01T10:00:00.000Z'),
    newId: () => {
      ids += 1;
      last = uuidv7();
      return last;
    },
    actor: () => 'Тест',
  };
  const all = items(1_500);
  const [one, rowByRow] = world.app.wb.transaction(() => [
    startBatch(ctx, 'bulk', 'one'),
    startBatch(ctx, 'bulk', 'rows'),
  ]);
  const used = ids;
  world.app.wb.transaction(() => recordChanges(ctx, one, all));
  // One fresh id for the lot, the rest counted up from it.
  expect(ids - used).toBe(1);
  const fresh = last;
  // Below the threshold: a statement per row.
  world.app.wb.transaction(() => {
    for (let at = 0; at < all.length; at += 500)
      recordChanges(ctx, rowByRow, all.slice(at, at + 500));
  });
  const rows = (batchId: string) =>
    world.app.wb.sqlite
      .prepare(
        `SELECT id, entity, entity_id, client_id, field, old_value, new_value, actor, at, updated_at,
                typeof(old_value) AS t1, typeof(new_value) AS t2
         FROM changes WHERE batch_id = ? ORDER BY id`,
      )
      .all(batchId) as Record<string, unknown>[];
  const written = rows(one);
  expect(written.map((r) => r.entity_id)).toEqual(all.map((c) => c.entityId));
  const ids1 = written.map((r) => r.id as string);
  const counters = ids1.map((id) => Number.parseInt(id.slice(24), 16));
  expect(ids1[0]).toBe(fresh);
  expect(ids1.every((id) => id.slice(0, 24) === fresh.slice(0, 24))).toBe(true);
  expect(counters.every((c, i) => c === counters[0]! + i)).toBe(true);
  const withoutId = (r: Record<string, unknown>) => ({ ...r, id: undefined });
  expect(written.map(withoutId)).toEqual(rows(rowByRow).map(withoutId));
  expect(new Set(written.map((r) => r.old_value)).size).toBe(VALUES.length);
});
