/** Opening a client card: the client, its history and its comments, for random clients. */
import { spread, timeAsync, timeSync } from '../measure';
import { sample, type Measurement } from './types';

const CARDS = 200;

export const cardOpen: Measurement = {
  name: 'card open',
  async run(bench) {
    const db = bench.app.wb.sqlite;
    const client = db.prepare('SELECT * FROM clients WHERE id = ?');
    const changes = db.prepare('SELECT * FROM changes WHERE client_id = ? ORDER BY at DESC');
    const comments = db.prepare(
      'SELECT * FROM comments WHERE client_id = ? AND deleted_at IS NULL ORDER BY at DESC',
    );
    const app: number[] = [];
    const floor: number[] = [];
    for (const id of sample(bench.rng, bench.liveIds, CARDS)) {
      const [, ms] = await timeAsync(async () => {
        await bench.call('clients.get', { id });
        await bench.call('history.list', { clientId: id });
        await bench.call('comments.list', { clientId: id });
      });
      app.push(ms);
      floor.push(
        timeSync(() => {
          client.get(id);
          changes.all(id);
          comments.all(id);
        })[1],
      );
    }
    return spread('card open', app, floor, `${app.length} cards; get + history + comments`);
  },
};
