/**
 * A sales check's new sales kept for the run (`import-kept-sales.ts`): on a real purchase
 * history (the CDNOW sample) with bad rows, repeats, a new manager and sales imported before,
 * the run after an unchanged check writes at once (no reading of the file again) and leaves the
 * workbook as a run planned afresh does: the same result, sales, history lines, stages; its undo
 * puts everything back. A row updating a sale, or a write between check and run, makes the run
 * plan again.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportPhase, ImportResult } from '../../electron/api/contract';
import type { Workbook } from '../../db/workbook';
import { moveStagesFromSales } from '../../db/queries/stage-ladder';
import { PlanKeeper } from '../../electron/services/import/kept-plan';
import { checkImport, runImport } from '../../electron/services/import/run';
import {
  cdnowRows,
  HEAD,
  importState,
  prepareSales,
  salesFile,
  salesRequest,
} from '../helpers/cdnow-sales';
import { makeWorld, type World } from '../helpers/world';

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

/** The clients, a manager, and sales imported before (`prepareSales`), with this test's chunks. */
const prepare = (world: World, rows: string[], clients: string[]) =>
  prepareSales(world, rows, clients, envOf(undefined));

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
    const before = importState(kept);

    const keeper = new PlanKeeper();
    const keptFile = salesFile(kept, 'sales.csv', [HEAD, ...rows]);
    const check = await checkImport(worker, salesRequest(keptFile), envOf(keeper, [], bulkRows));
    expect(check).toMatchObject({ willUpdate: 0, newManagers: ['Сидорова'] });
    expect(check.invalid).toBeGreaterThan(50);
    expect(check.willSkip).toBeGreaterThan(300);
    const phases: ImportPhase[] = [];
    const result = await runImport(
      ctxOf(worker),
      salesRequest(keptFile),
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
      salesRequest(salesFile(fresh, 'sales.csv', [HEAD, ...rows])),
      envOf(undefined),
    );
    expect(withoutBatch(result)).toEqual(withoutBatch(planned));
    expect(result.inserted).toBe(check.willCreate);
    expect(result.inserted).toBeGreaterThan(6000);
    const after = importState(kept);
    expect(after).toEqual(importState(fresh));
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
    const undone = importState(kept);
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
  const updating = salesFile(kept, 'update.csv', [HEAD, ...changed, ...rows.slice(300, 1000)]);
  await checkImport(worker, salesRequest(updating, 'update'), envOf(keeper));
  const phases: ImportPhase[] = [];
  const result = await runImport(
    ctxOf(worker),
    salesRequest(updating, 'update'),
    envOf(keeper, phases),
  );
  expect(phases).toContain('read');
  const planned = await runImport(
    fresh.app.ctx,
    salesRequest(
      salesFile(fresh, 'update.csv', [HEAD, ...changed, ...rows.slice(300, 1000)]),
      'update',
    ),
    envOf(undefined),
  );
  expect(withoutBatch(result)).toEqual(withoutBatch(planned));
  expect(result.updated).toBeGreaterThan(100);

  // A client deleted in the window after the check: the run must not give it sales.
  const rest = salesFile(kept, 'rest.csv', [HEAD, ...rows.slice(1000)]);
  const check = await checkImport(worker, salesRequest(rest), envOf(keeper));
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
  const run = await runImport(ctxOf(worker), salesRequest(rest), envOf(keeper, again));
  expect(again).toContain('read');
  expect(run.invalid).toBeGreaterThan(check.invalid);
  expect(salesOf.get(gone)).toBe(had);
});

it('answers a run that aborts on bad rows from the kept check, as a fresh run does, writing nothing', async () => {
  const { clients, rows } = cdnowRows();
  await prepare(kept, rows, clients);
  await prepare(fresh, rows, clients);
  const abort = (at: string) => ({ ...salesRequest(at), onInvalid: 'abort' as const });
  const keeper = new PlanKeeper();
  const keptFile = salesFile(kept, 'sales.csv', [HEAD, ...rows]);
  await checkImport(worker, abort(keptFile), envOf(keeper));
  const before = importState(kept);
  const phases: ImportPhase[] = [];
  const result = await runImport(ctxOf(worker), abort(keptFile), envOf(keeper, phases));
  // Neither read again nor written.
  expect(phases).toEqual([]);
  const planned = await runImport(
    fresh.app.ctx,
    abort(salesFile(fresh, 'sales.csv', [HEAD, ...rows])),
    envOf(undefined),
  );
  expect(result).toEqual(planned);
  expect(result).toMatchObject({ aborted: true, batchId: null, inserted: 0 });
  expect(importState(kept)).toEqual(before);
});
