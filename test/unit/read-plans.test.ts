/**
 * Today's "needs a touch" reads every live client's last contact, first purchase and last
 * year's value: it must take them from the covering indexes of contacts and of sales by client
 * (one seek per client), not group every comment and sale of the workbook. The plan is asked
 * of SQLite on a real, migrated workbook: a change of the query or of those indexes that loses
 * them fails here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEEDS_TOUCH } from '../../db/queries/agenda';
import { makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(() => {
  world = makeWorld({ locale: 'ru' });
});
afterEach(() => world.dispose());

describe("Today's reads", () => {
  it('looks up each client in the covering indexes of contacts and of sales', () => {
    const plan = (
      world.app.wb.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${NEEDS_TOUCH}`)
        .all({ yearAgo: '2025-11-30', cadence: '{}', date: '2026-11-30', limit: 200 }) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan).toContain('SEARCH m USING COVERING INDEX comments_contact_idx (client_id=?)');
    expect(plan).toContain('SEARCH s USING COVERING INDEX sales_client_date_idx (client_id=?)');
    expect(plan).toContain(
      'SEARCH s USING COVERING INDEX sales_client_date_idx (client_id=? AND date>?)',
    );
    // Neither table is read whole.
    expect(plan.filter((d) => /^SCAN (comments|sales)/.test(d))).toEqual([]);
  });
});
