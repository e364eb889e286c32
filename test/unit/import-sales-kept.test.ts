/**
 * A sales check's new sales kept for the run (`import-kept-sales.ts`): on a real purchase
 * history (the CDNOW sample) with bad rows, repeats, a new manager and sales imported before,
 * the run after an unchanged check writes at once (no reading of the file again) and leaves the
 * workbook as a run planned afresh does: the same result, sales, history lines, stages; its undo
 * puts everything back. A row updating a sale, or a write between check and run, makes the run
 * plan again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportPhase, ImportResult } from '../../electron/api/contract';
import type { Workbook } from '../../db/workbook';
import { moveStagesFromSales } from '../../db/queries/stage-ladder';
import { PlanKeeper } from '../../electron/services/import/kept-plan';
import { checkImport, runImport } from '../../electron/services/import/run';
import { makeWorld, type World } from '../helpers/world';

const CDNOW = path.resolve(__dirname, '../fixtures/CDNOW_sample.txt');

/** Two workbooks alike: one imports through the kept check, the other plans its run afresh. */
let kept: World;
let fresh: World;
/** The import worker's own connection to `kept`'s workbook. */
let worker: Workbook;
beforeEach(() => {
  kept = makeWorld({ locale: 'ru' });
  fresh = makeWorld({ locale: 'ru' });
  worker = kept.worker();
});
afterEach(() => {
  kept.dispose();
  fresh.dispose();
});

const ctxOf = (wb: Workbook) => ({
  wb,
  now: () => new Date(),
  newId: () => uuidv7(),
  actor: () => 'Тест',
});

/**
 * Small chunks and a low bulk threshold: the run crosses chunks, rebuilds the indexes and
 * reads its new sales back from the client index (`bulkRows` higher: row by row, by rowid).
 */
function envOf(keeper: PlanKeeper | undefined, phases: ImportPhase[] = [], bulkRows = 500) {
  return {
    locale: 'ru' as const,
    today: '2026-11-30',
    chunkRows: 700,
    bulkRows,
    keeper,
    onProgress: (phase: ImportPhase) => {
      if (!phases.includes(phase)) phases.push(phase);
    },
  };
}

const HEAD = 'Код;Дата;Сумма;Количество;Менеджер';

/** The CDNOW sample as a 1C-like file, with unknown clients, bad amounts and repeated rows. */
function cdnowRows(): { clients: string[]; rows: string[] } {
  const lines = fs.readFileSync(CDNOW, 'utf8').trim().split('\n');
  const ids = new Set<string>();
  const rows: string[] = [];
  lines.forEach((line, i) => {
    const [, id, ymd, cds, dollars] = line.trim().split(/\s+/);
    ids.add(id!);
    const date = `${ymd!.slice(6)}.${ymd!.slice(4, 6)}.${ymd!.slice(0, 4)}`;
    const manager = i % 3 === 0 ? 'Петров' : i % 3 === 1 ? 'Сидорова' : '';
    rows.push(`${id};${date};${dollars!.replace('.', ',')};${cds};${manager}`);
    if (i % 101 === 5) rows.push(`X-${i};${date};10;1;`);
    if (i % 131 === 7) rows.push(`${id};${date};много;1;`);
    if (i % 89 === 13 && i > 800) rows.push(rows[rows.length - 700]!);
  });
  // Shuffled (the same way every time): a chunk's rows reach the workbook in the order of the
  // client index, not the file's.
  const shuffled = rows.map((_, i) => rows[(i * 7919) % rows.length]!);
  return { clients: [...ids], rows: shuffled };
}

function file(world: World, name: string, lines: string[]): string {
  const at = path.join(world.dir, name);
  fs.writeFileSync(at, lines.join('\r\n'));
  world.app.ctx.importer.allowFile(at);
  return at;
}

const request = (at: string, onDuplicate: 'skip' | 'update' = 'skip') => ({
  path: at,
  target: 'sales' as const,
  mapping: {
    Код: 'externalId',
    Дата: 'date',
    Сумма: 'amount',
    Количество: 'quantity',
    Менеджер: 'manager',
  },
  onDuplicate,
  onInvalid: 'skip' as const,
});

/**
 * The clients, a manager, and sales imported before: the file's first 300 rows (which it
 * repeats) and a sale of 1996 for the clients of the next 600.
 */
async function prepare(world: World, rows: string[], clients: string[]): Promise<void> {
  await world.call('import.run', {
    path: file(world, 'clients.csv', ['Код;ФИО', ...clients.map((id) => `${id};Клиент ${id}`)]),
    target: 'clients',
    mapping: { Код: 'externalId', ФИО: 'name' },
    onDuplicate: 'update',
    onInvalid: 'skip',
  });
  await world.call('managers.add', { name: 'Петров' });
  await runImport(
    world.app.ctx,
    // Without their managers: the file's second manager is new to the workbook. And a sale
    // on a day of its own for other clients: their stages count it with the file's days.
    request(
      file(world, 'earlier.csv', [
        HEAD,
        ...rows.slice(0, 300).map((r) => r.replace(/;[^;]*$/, ';')),
        ...rows
          .slice(300, 900)
          .map((r) => r.replace(/;\d\d\.\d\d\.\d{4};/, ';15.06.1996;').replace(/;[^;]*$/, ';')),
      ]),
    ),
    envOf(undefined),
  );
}

/**
 * All a user could read of the import, by the clients' codes (ids differ between workbooks);
 * the sales in the order they were written (the order of the client index: pages filled in turn).
 */
function state(world: World) {
  const sqlite = world.app.wb.sqlite;
  return {
    sales: sqlite
      .prepare(
        `SELECT c.external_id, s.date, s.amount, s.quantity, m.name AS manager, s.deleted_at IS NULL AS live
         FROM sales s JOIN clients c ON c.id = s.client_id LEFT JOIN managers m ON m.id = s.manager_id
         ORDER BY s.rowid`,
      )
      .all() as { live: number }[],
    history: sqlite
      .prepare(
        `SELECT c.external_id, ch.entity, ch.field, b.kind, b.label,
                CASE WHEN ch.entity = 'sales' THEN json_array_length(ch.new_value) ELSE ch.new_value END AS value,
                -- The sales a line lists, in its order (ids differ between workbooks; rowids do not).
                CASE WHEN ch.entity = 'sales' THEN (
                  SELECT json_group_array(json_array(s.rowid, s.date, s.amount) ORDER BY j.key)
                  FROM json_each(ch.new_value) j JOIN sales s ON s.id = j.value) END AS listed
         FROM changes ch JOIN batches b ON b.id = ch.batch_id JOIN clients c ON c.id = ch.client_id
         ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      )
      .all() as { value: unknown; listed: string | null }[],
    stages: sqlite.prepare('SELECT external_id, stage FROM clients ORDER BY external_id').all(),
    managers: sqlite.prepare('SELECT name FROM managers ORDER BY name').pluck().all(),
    indexes: sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all(),
  };
}

const withoutBatch = ({ batchId: _, ...rest }: ImportResult) => rest;

it.each([
  ['read back from the client index', 500],
  ['read back by rowid', 1_000_000],
])(
  'writes the check’s sales at once and leaves the workbook as a fresh run does (%s); the undo takes all back',
  async (_, bulkRows) => {
    const { clients, rows } = cdnowRows();
    await prepare(kept, rows, clients);
    await prepare(fresh, rows, clients);
    const before = state(kept);

    const keeper = new PlanKeeper();
    const keptFile = file(kept, 'sales.csv', [HEAD, ...rows]);
    const check = await checkImport(worker, request(keptFile), envOf(keeper, [], bulkRows));
    expect(check).toMatchObject({ willUpdate: 0, newManagers: ['Сидорова'] });
    expect(check.invalid).toBeGreaterThan(50);
    expect(check.willSkip).toBeGreaterThan(300);
    const phases: ImportPhase[] = [];
    const result = await runImport(
      ctxOf(worker),
      request(keptFile),
      envOf(keeper, phases, bulkRows),
    );
    // Not read again: the kept check was written.
    expect(phases).toEqual(['write']);
    // Its table dropped: this connection stays open (the worker's closes after a run).
    expect(
      worker.sqlite
        .prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'import_kept%'")
        .pluck()
        .get(),
    ).toBe(0);

    const planned = await runImport(
      fresh.app.ctx,
      request(file(fresh, 'sales.csv', [HEAD, ...rows])),
      envOf(undefined),
    );
    expect(withoutBatch(result)).toEqual(withoutBatch(planned));
    expect(result.inserted).toBe(check.willCreate);
    expect(result.inserted).toBeGreaterThan(6000);
    const after = state(kept);
    expect(after).toEqual(state(fresh));
    expect(after.stages).not.toEqual(before.stages);
    // Both runs moved the stages from the clients their planners had read: a ladder that reads
    // every client afresh finds each already on its step.
    for (const world of [kept, fresh]) {
      const ids = world.app.wb.sqlite.prepare('SELECT id FROM clients').pluck().all() as string[];
      expect(ids.length).toBeGreaterThan(2_000);
      expect(world.app.wb.transaction(() => moveStagesFromSales(world.app.ctx, ids))).toBe(0);
    }
    // Every id a history line lists is one of the sales written, each listed once.
    const listed = after.history.flatMap((h) =>
      h.listed === null ? [] : (JSON.parse(h.listed) as unknown[]),
    );
    expect(listed.length).toBe(
      after.history.reduce((n, h) => n + (h.listed === null ? 0 : (h.value as number)), 0),
    );
    expect(new Set(listed.map((l) => JSON.stringify(l))).size).toBe(after.sales.length);

    await kept.call('history.undoBatch', { batchId: result.batchId! });
    const undone = state(kept);
    // Back as before: the import's sales in the trash, the stages back, the indexes as defined.
    expect(undone.sales.filter((s) => s.live)).toEqual(before.sales);
    expect(undone.stages).toEqual(before.stages);
    expect(undone.managers).toEqual(after.managers);
    expect(undone.indexes).toEqual(before.indexes);
  },
);

it('plans again when a row updates a sale, or when the window wrote between check and run', async () => {
  const { clients, rows } = cdnowRows();
  await prepare(kept, rows, clients);
  await prepare(fresh, rows, clients);
  // The first 300 rows again, with another quantity: each updates a sale already there.
  const changed = rows.slice(0, 300).map((r) => r.replace(/;(\d+);([^;]*)$/, ';7;$2'));
  const keeper = new PlanKeeper();
  const updating = file(kept, 'update.csv', [HEAD, ...changed, ...rows.slice(300, 1000)]);
  await checkImport(worker, request(updating, 'update'), envOf(keeper));
  const phases: ImportPhase[] = [];
  const result = await runImport(ctxOf(worker), request(updating, 'update'), envOf(keeper, phases));
  expect(phases).toContain('read');
  const planned = await runImport(
    fresh.app.ctx,
    request(file(fresh, 'update.csv', [HEAD, ...changed, ...rows.slice(300, 1000)]), 'update'),
    envOf(undefined),
  );
  expect(withoutBatch(result)).toEqual(withoutBatch(planned));
  expect(result.updated).toBeGreaterThan(100);

  // A client deleted in the window after the check: the run must not give it sales.
  const rest = file(kept, 'rest.csv', [HEAD, ...rows.slice(1000)]);
  const check = await checkImport(worker, request(rest), envOf(keeper));
  const gone = kept.app.wb.sqlite
    .prepare('SELECT id FROM clients WHERE external_id = ?')
    .pluck()
    .get(rows[1000]!.split(';')[0]) as string;
  await kept.call('clients.delete', { id: gone });
  const salesOf = kept.app.wb.sqlite
    .prepare('SELECT count(*) FROM sales WHERE client_id = ? AND deleted_at IS NULL')
    .pluck();
  const had = salesOf.get(gone);
  const again: ImportPhase[] = [];
  const run = await runImport(ctxOf(worker), request(rest), envOf(keeper, again));
  expect(again).toContain('read');
  expect(run.invalid).toBeGreaterThan(check.invalid);
  expect(salesOf.get(gone)).toBe(had);
});

it('answers a run that aborts on bad rows from the kept check, as a fresh run does, writing nothing', async () => {
  const { clients, rows } = cdnowRows();
  await prepare(kept, rows, clients);
  await prepare(fresh, rows, clients);
  const abort = (at: string) => ({ ...request(at), onInvalid: 'abort' as const });
  const keeper = new PlanKeeper();
  const keptFile = file(kept, 'sales.csv', [HEAD, ...rows]);
  await checkImport(worker, abort(keptFile), envOf(keeper));
  const before = state(kept);
  const phases: ImportPhase[] = [];
  const result = await runImport(ctxOf(worker), abort(keptFile), envOf(keeper, phases));
  // Neither read again nor written.
  expect(phases).toEqual([]);
  const planned = await runImport(
    fresh.app.ctx,
    abort(file(fresh, 'sales.csv', [HEAD, ...rows])),
    envOf(undefined),
  );
  expect(result).toEqual(planned);
  expect(result).toMatchObject({ aborted: true, batchId: null, inserted: 0 });
  expect(state(kept)).toEqual(before);
});
