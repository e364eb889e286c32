/** A bulk edit of 10,000 clients (stage → regular) and the undo of that batch. */
import { timeAsync, timeSync } from '../measure';
import { sample, type Measurement } from './types';

const SELECTION = 10_000;

export const bulkEdit: Measurement = {
  name: 'bulk edit',
  async run(bench) {
    const db = bench.app.wb.sqlite;
    const ids = sample(bench.rng, bench.liveIds, SELECTION);
    const stageOf = db.prepare('SELECT stage FROM clients WHERE id = ?').pluck();
    const before = new Map(ids.map((id) => [id, stageOf.get(id) as string]));
    const [bulk, bulkMs] = await timeAsync(() =>
      bench.call('clients.bulk', { ids, action: { type: 'setStage', stage: 'regular' } }),
    );
    const [undo, undoMs] = await timeAsync(() =>
      bench.call('history.undoBatch', { batchId: bulk.batchId }),
    );
    const notRestored = ids.filter((id) => stageOf.get(id) !== before.get(id)).length;
    // The floor: one raw UPDATE per client in one transaction, there and back.
    const update = db.prepare('UPDATE clients SET stage = ? WHERE id = ?');
    const [, floorMs] = timeSync(() =>
      db.transaction(() => ids.forEach((id) => update.run('regular', id)))(),
    );
    const [, floorUndoMs] = timeSync(() =>
      db.transaction(() => ids.forEach((id) => update.run(before.get(id), id)))(),
    );
    return [
      {
        name: `bulk edit ${ids.length} (setStage)`,
        ms: bulkMs,
        floorMs,
        note: `${bulk.affected} changed`,
      },
      {
        name: 'undo of that batch',
        ms: undoMs,
        floorMs: floorUndoMs,
        note: `${undo.reverted} reverted, ${undo.skipped} skipped${notRestored ? `, ${notRestored} NOT restored` : ''}`,
      },
    ];
  },
};
