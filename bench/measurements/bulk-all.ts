/**
 * Bulk edits over every live client (100,000 on the large workbook) and their undo, each beside
 * the bare SQL that changes the same rows (the UPDATE, the history rows, the tags' index rows for
 * a tag), run in a transaction rolled back so the app's figures start from the same workbook.
 * Then the list and cards asked for while such a bulk edit runs, beside the same calls idle.
 */
import type Database from 'better-sqlite3';
import type { BulkAction } from '../../electron/api/contract';
import { percentile } from '../measure';
import { timeAsync, timeSync } from '../measure';
import type { BenchContext, Measurement } from './types';
import type { Figure } from '../measure';

const TAG = 'bench-all';

/** The floor: `work` in one transaction, timed, then rolled back. */
function floor(db: Database.Database, work: () => void): number {
  db.exec('BEGIN IMMEDIATE');
  try {
    return timeSync(work)[1];
  } finally {
    db.exec('ROLLBACK');
  }
}

/** History rows for every live client, as a bulk batch writes them. */
function history(db: Database.Database, field: string, value: string): void {
  db.prepare(
    `INSERT INTO batches (id, kind, label, actor, created_at, updated_at) VALUES ('floor', 'bulk', 'floor', 'bench', '', '')`,
  ).run();
  db.prepare(
    `INSERT INTO changes (id, entity, entity_id, client_id, field, old_value, new_value, actor, at, batch_id, updated_at)
     SELECT 'floor-' || id, 'client', id, id, ?, NULL, ?, 'bench', '', 'floor', '' FROM clients WHERE +deleted_at IS NULL`,
  ).run(field, value);
}

/**
 * The tag index rewritten whole from the live clients' folded tags, in rowid order
 * (`client_tag_search`, see `reindexTags` in search.ts: a tag edit over most of the base empties
 * it at once rather than taking out a row per client). Tags are indexed apart from the rest of
 * a client's text since migration 0010: a tag edit leaves the rows holding the clients' text,
 * custom values and comment bodies (`client_search`) alone, and so does this floor.
 */
function reindexTags(db: Database.Database): void {
  db.exec(
    `INSERT INTO client_tag_search (client_tag_search) VALUES ('delete-all');
     INSERT INTO client_tag_search (rowid, tags)
       SELECT seq, tags_fold FROM clients WHERE +deleted_at IS NULL AND tags_fold <> '' ORDER BY seq;`,
  );
}

async function bulkAndUndo(
  bench: BenchContext,
  name: string,
  action: BulkAction,
  floors: [number, number],
): Promise<Figure[]> {
  const [bulk, bulkMs] = await timeAsync(() => bench.call('clients.bulk', { filter: {}, action }));
  const [undo, undoMs] = await timeAsync(() =>
    bench.call('history.undoBatch', { batchId: bulk.batchId }),
  );
  return [
    {
      name: `bulk ${name}, all clients`,
      ms: bulkMs,
      floorMs: floors[0],
      note: `${bulk.affected} changed`,
    },
    {
      name: `undo of that batch`,
      ms: undoMs,
      floorMs: floors[1],
      note: `${undo.reverted} reverted, ${undo.skipped} skipped`,
    },
  ];
}

export const bulkAll: Measurement = {
  name: 'bulk all',
  async run(bench) {
    const db = bench.app.wb.sqlite;
    const tagFloor = floor(db, () => {
      db.prepare(
        `UPDATE clients SET tags = json_insert(tags, '$[#]', ?),
           tags_fold = CASE tags_fold WHEN '' THEN ? ELSE tags_fold || ' ' || ? END
         WHERE +deleted_at IS NULL`,
      ).run(TAG, TAG, TAG);
      history(db, 'tags', TAG);
      reindexTags(db);
    });
    const untagFloor = floor(db, () => {
      db.prepare(
        `UPDATE clients SET tags = json_remove(tags, '$[#-1]'),
           tags_fold = rtrim(substr(tags_fold, 1, length(tags_fold) - length(?)))
         WHERE +deleted_at IS NULL`,
      ).run(TAG);
      history(db, 'tags', TAG);
      reindexTags(db);
    });
    const stageFloor = floor(db, () => {
      db.prepare(`UPDATE clients SET stage = 'advocate' WHERE +deleted_at IS NULL`).run();
      history(db, 'stage', 'advocate');
    });
    return [
      ...(await bulkAndUndo(bench, 'addTag', { type: 'addTag', tag: TAG }, [tagFloor, untagFloor])),
      ...(await bulkAndUndo(bench, 'setStage', { type: 'setStage', stage: 'advocate' }, [
        stageFloor,
        stageFloor,
      ])),
    ];
  },
};

/** One read the list or the card makes, alternating. */
function reader(bench: BenchContext): (i: number) => Promise<unknown> {
  const ids = bench.liveIds;
  return (i) =>
    i % 2 === 0
      ? bench.call('clients.list', { offset: (i * 37) % 1000, limit: 100 })
      : bench.call('clients.get', { id: ids[(i * 7919) % ids.length]! });
}

/**
 * Reads at a steady pace (one due every `paceMs`) until `until` settles. Each read's time counts
 * from when it was due or the previous one ended, whichever is later: a main thread that cannot
 * answer shows as long waits, while this reader's own queue does not count.
 */
async function readWhile(bench: BenchContext, until: Promise<unknown> | null, count: number) {
  const paceMs = 20;
  const read = reader(bench);
  const times: number[] = [];
  let settled = false;
  void until?.then(
    () => (settled = true),
    () => (settled = true),
  );
  const start = performance.now();
  let ended = start;
  for (let i = 0; until ? !settled : i < count; i++) {
    const due = start + i * paceMs;
    // Always through the event loop: the worker's answer is a message that must get through.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    await read(i);
    const now = performance.now();
    times.push(now - Math.max(due, ended));
    ended = now;
  }
  return times;
}

export const readsDuringBulk: Measurement = {
  name: 'reads during bulk',
  async run(bench) {
    const idle = await readWhile(bench, null, 100);
    // The bulk call starts on the next turn, once the first read is under way.
    const bulk = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
      bench.call('clients.bulk', { filter: {}, action: { type: 'addTag', tag: 'bench-busy' } }),
    );
    const busy = await readWhile(bench, bulk, 0);
    const { batchId } = await bulk;
    // Started on the next turn too: an undo that blocks this thread must show in the reads.
    const undo = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
      bench.call('history.undoBatch', { batchId }),
    );
    const busyUndo = await readWhile(bench, undo, 0);
    await undo;
    const note = (t: number[]) => `${t.length} list/card reads, one every 20 ms`;
    return [50, 95].flatMap((p) => [
      {
        name: `reads during bulk addTag p${p}`,
        ms: percentile(busy, p),
        floorMs: percentile(idle, p),
        note: note(busy),
      },
      {
        name: `reads during its undo p${p}`,
        ms: percentile(busyUndo, p),
        floorMs: percentile(idle, p),
        note: note(busyUndo),
      },
    ]);
  },
};
