/**
 * Many stage moves at once (from 1,000: after a large sales import) record their history with
 * a statement per pair of stages: the rows must be exactly those the statement per row writes
 * (a workbook whose ids are not uuids takes that path), the ids the counted-up sequence.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import { moveStagesFromSales } from '../../db/queries/stage-ladder';
import { makeWorld, type World } from '../helpers/world';

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.dispose();
});

const CLIENTS = 1_200;

/** 1,200 prospects with 1 to 4 purchase days each (the ladder's every step), moved. */
function movedHistory(newId: () => string) {
  const world = makeWorld({ locale: 'ru' });
  worlds.push(world);
  const wb = world.app.wb;
  const at = '2026-11-01T10:00:00.000Z';
  const ids: string[] = [];
  wb.transaction(() => {
    const client = wb.sqlite.prepare(
      'INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    const sale = wb.sqlite.prepare(
      'INSERT INTO sales (id, client_id, date, amount, created_at, updated_at) VALUES (?, ?, ?, 100, ?, ?)',
    );
    for (let i = 0; i < CLIENTS; i += 1) {
      const id = `client-${String(i).padStart(5, '0')}`;
      ids.push(id);
      client.run(id, `Клиент ${i}`, at, at);
      for (let d = 0; d <= i % 4; d += 1) {
        sale.run(`sale-${i}-${d}`, id, `2026-0${d + 1}-1${i % 10}`, at, at);
      }
    }
  });
  let last = '';
  const ctx = {
    wb,
    now: () => new Date('2026-12-01T10:00:00.000Z'),
    newId: () => (last = newId()),
    actor: () => 'Тест',
  };
  const moved = wb.transaction(() => moveStagesFromSales(ctx, ids));
  const rows = wb.sqlite
    .prepare(
      `SELECT id, entity, entity_id, client_id, field, old_value, new_value, actor, at, updated_at
       FROM changes WHERE field = 'stage' ORDER BY id`,
    )
    .all() as Record<string, unknown>[];
  const stages = wb.sqlite.prepare('SELECT id, stage FROM clients ORDER BY id').all();
  return { moved, rows, stages, last };
}

it('records 1,200 stage moves by pairs of stages as the statement per row does', () => {
  let n = 0;
  const byRow = movedHistory(() => `id-${String((n += 1)).padStart(8, '0')}`);
  const bySql = movedHistory(() => uuidv7());
  expect(bySql.moved).toBe(CLIENTS);
  expect(bySql.stages).toEqual(byRow.stages);
  const byClient = (rows: Record<string, unknown>[]) =>
    rows
      .map((r): Record<string, unknown> => ({ ...r, id: undefined }))
      .sort((a, b) => String(a.entity_id).localeCompare(String(b.entity_id)));
  expect(byClient(bySql.rows)).toEqual(byClient(byRow.rows));
  expect(new Set(bySql.rows.map((r) => r.new_value)).size).toBe(3);
  // The ids: the batch's fresh id, then one fresh id counted up for all the rows.
  const ids = bySql.rows.map((r) => r.id as string);
  const counters = ids.map((id) => Number.parseInt(id.slice(24), 16));
  expect(ids.every((id) => id.slice(0, 24) === bySql.last.slice(0, 24))).toBe(true);
  expect(ids[0]).toBe(bySql.last);
  expect(counters.every((c, i) => c === counters[0]! + i)).toBe(true);
});
