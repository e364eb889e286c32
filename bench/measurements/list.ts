/** Opening the client list: the first page of 100, cold (first query after open) and warm. */
import Database from 'better-sqlite3';
import { spread, timeAsync, timeSync, type Figure } from '../measure';
import type { Measurement } from './types';

const FLOOR = `SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY name_fold, id LIMIT 100`;
const WARM_RUNS = 30;

export const listOpen: Measurement = {
  name: 'list open',
  async run(bench) {
    const [, cold] = await timeAsync(() => bench.call('clients.list', { limit: 100 }));
    // The cold floor on a connection of its own, so its page cache is as empty as the app's was.
    const raw = new Database(bench.file, { readonly: true, fileMustExist: true });
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    const [, coldFloor] = timeSync(() => raw.prepare(FLOOR).all());
    raw.close();
    const warm: number[] = [];
    const warmFloor: number[] = [];
    const floor = bench.app.wb.sqlite.prepare(FLOOR);
    for (let i = 0; i < WARM_RUNS; i++) {
      warm.push((await timeAsync(() => bench.call('clients.list', { limit: 100 })))[1]);
      warmFloor.push(timeSync(() => floor.all())[1]);
    }
    const figures: Figure[] = [{ name: 'list open, cold', ms: cold, floorMs: coldFloor }];
    return [...figures, ...spread('list open, warm', warm, warmFloor).slice(0, 1)];
  },
};
