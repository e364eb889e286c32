/**
 * A portable workbook and the analytics worker: the worker keeps a snapshot of the sales it read
 * in the workbook (the next open starts from it), but in a working copy it stores it only when a
 * save back is about to copy the file. Stored on its own, a moment after the dashboard was
 * looked at, it read as unsaved work with nothing changed, and one landing during a save left
 * "not saved to the stick" on the screen after the save. The worker is bundled from the real
 * sources and runs in its own thread, as in the app.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFolder, bundleForNode } from '../helpers/bundle';
import { makeStick, type Stick } from '../helpers/stick';

let worker: string;
let stick: Stick;

beforeAll(async () => {
  const dir = bundleFolder('portable-analytics');
  await bundleForNode({ 'analytics-worker': 'electron/services/analytics/worker.ts' }, dir);
  worker = path.join(dir, 'analytics-worker.cjs');
  stick = await makeStick();
});

afterAll(() => stick.dispose());

/** The analytics snapshots in a workbook file, read as another program would. */
function snapshotsIn(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM analytics_snapshot').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Longer than the worker's quiet time before it stores a snapshot on its own (500 ms). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 1200));

describe('the analytics snapshot of a portable workbook', () => {
  it('is no unsaved change: it goes to the stick with the next save, and the save leaves nothing unsaved', async () => {
    const pc = stick.computer({ analyticsWorker: worker });
    await pc.openSource();
    expect(snapshotsIn(stick.source)).toBe(0);

    // The dashboard read the sales in the worker; then nothing happens for a while.
    await pc.call('analytics.rfm', { asOf: '2026-06-30' });
    await idle();
    const state = (await pc.info()).portableState;
    expect(state?.unsaved).toBe(false);
    expect(snapshotsIn(pc.app.wb.file)).toBe(0);

    // A change of the user's is unsaved until saved; the save takes the snapshot along.
    await pc.addClient('Дина, с панели');
    await pc.call('analytics.rfm', { asOf: '2026-06-30' });
    expect((await pc.info()).portableState?.unsaved).toBe(true);
    const saved = await pc.call<{ portableState: { unsaved: boolean } }>('workbook.save', {});
    expect(saved.portableState.unsaved).toBe(false);
    expect(snapshotsIn(stick.source)).toBe(1);

    // Nothing stored behind the save's back: still saved a while later.
    await pc.call('analytics.rfm', { asOf: '2026-06-30' });
    await idle();
    expect((await pc.info()).portableState?.unsaved).toBe(false);
  });
});
