/**
 * A workbook that starts taking part in sync logs every row written before, in chunks (the window
 * answers between them); a seeding cut short is finished by the next sync or export.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { enableSync, readMeta, seedChunks } from '../../db/queries/sync-log';
import { SEED_CHUNK } from '../../db/sync-capture';
import { makeWorld } from '../helpers/world';

it('finishes a seeding cut short, logging each row once as a new record', async () => {
  const world = makeWorld();
  try {
    const rows = SEED_CHUNK * 2 + 123;
    const insert = world.app.wb.sqlite.prepare(
      "INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')",
    );
    world.app.wb.transaction(() => {
      for (let i = 0; i < rows; i += 1)
        insert.run(`c-${String(i).padStart(6, '0')}`, `Клиент ${i}`);
    });
    enableSync(world.app.wb, {
      deviceId: '0b7f3a52-6c1e-4a8e-9d2f-1a2b3c4d5e6f',
      deviceName: 'Касса',
      workbookId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
    });
    const chunks = seedChunks(world.app.wb);
    let first = chunks.next();
    while (!first.done && first.value === 0) first = chunks.next();
    expect(first.value).toBe(SEED_CHUNK);
    // Cut short here: a card edited meanwhile is logged by the triggers.
    await world.call('clients.update', { id: 'c-000005', patch: { note: 'пока готовилось' } });
    expect(readMeta(world.app.wb).seeded).toBeUndefined();

    const sent = await world.call('exchange.export', { path: path.join(world.dir, 'all.ktx') });
    const starred = world.app.wb.sqlite
      .prepare(
        "SELECT count(*), count(DISTINCT row_id) FROM sync_log WHERE entity = 'clients' AND field = '*'",
      )
      .raw()
      .get() as number[];
    expect(starred).toEqual([rows, rows]);
    expect(readMeta(world.app.wb).seeded).toBe('1');
    expect(sent.changes).toBeGreaterThanOrEqual(rows + 1);
  } finally {
    world.dispose();
  }
}, 120_000);
