import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import { dueToBuy } from '../../electron/analytics/due-to-buy';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';

const d = dayFromIso;
const buys = (clientId: string, amount: number, ...dates: string[]): SaleRow[] =>
  dates.map((date) => ({ clientId, date, amount }));
const asOf = d('2024-02-25');

// Clients in id order: even, future, gone, gone2, later, one, reg.
const data = salesDataFromRows([
  ...buys('reg', 100, '2024-01-01', '2024-01-11', '2024-01-31', '2024-02-10'), // gaps 10 20 10: median 10
  ...buys('even', 100, '2024-01-01', '2024-01-11', '2024-01-30'), // gaps 10 19: median 14.5
  ...buys('gone', 100, '2024-01-01', '2024-01-08', '2024-01-15'), // median 7, 41 days since: slipping
  ...buys('gone2', 500, '2023-12-01', '2023-12-11'), // median 10, 76 days since: slipping
  ...buys('later', 100, '2024-02-01', '2024-02-21'), // median 20: expected 12 March, not due yet
  ...buys('one', 100, '2024-01-05'), // one purchase day: no rhythm
  ...buys('future', 100, '2024-01-20', '2024-02-20', '2024-03-20'), // 20 March is after asOf
]);
const at = (id: string) => data.clientIds.indexOf(id);

describe('analytics due to buy', () => {
  it('expects the next purchase a median interval after the last', () => {
    const r = dueToBuy(data, asOf);
    // reg: 10 Feb + 10 = 20 Feb, 5 days overdue. even: 30 Jan + 14.5 = 13.5 Feb, 11.5 overdue.
    expect(r.expectedDay[at('reg')]).toBe(d('2024-02-20'));
    expect(r.overdueDays[at('reg')]).toBe(5);
    expect(r.overdueDays[at('even')]).toBe(11.5);
    // future: only 20 Jan and 20 Feb count by asOf: 20 Feb + 31 = 22 March, 26 days ahead.
    expect(r.overdueDays[at('future')]).toBe(-26);
    expect(r.expectedDay[at('one')]).toBeNaN();
    // Due (within 7 days ahead, or overdue, not slipping), earliest expected first.
    expect(r.due.map((c) => [c.clientId, c.expected, c.overdueDays])).toEqual([
      ['even', '2024-02-14', 11.5],
      ['reg', '2024-02-20', 5],
    ]);
    expect(r.due[0]).toMatchObject({
      lastPurchase: '2024-01-30',
      medianIntervalDays: 14.5,
      revenue: 300,
    });
    expect(r.dueCount).toBe(2);
  });

  it('lists clients gone for more than twice their rhythm, most valuable first', () => {
    const byRevenue = dueToBuy(data, asOf);
    // gone: 25 Feb − 15 Jan = 41 > 2 × 7; gone2: 76 > 2 × 10; reg: 15 ≤ 20 is not slipping.
    expect(byRevenue.slipping.map((c) => [c.clientId, c.revenue, c.pAlive])).toEqual([
      ['gone2', 1000, null],
      ['gone', 300, null],
    ]);
    const pAlive = new Float64Array(data.clientIds.length).fill(0.5);
    const expectedPurchases = new Float64Array(data.clientIds.length);
    expectedPurchases[at('gone')] = 2; // 2 × average check 100 = 200
    expectedPurchases[at('gone2')] = 0.1; // 0.1 × 500 = 50
    const byValue = dueToBuy(data, asOf, { rankBy: 'expectedValue', pAlive, expectedPurchases });
    expect(byValue.slipping.map((c) => [c.clientId, c.value, c.pAlive])).toEqual([
      ['gone', 200, 0.5],
      ['gone2', 50, 0.5],
    ]);
    expect(dueToBuy(data, asOf, { limit: 1 }).slipping).toHaveLength(1);
  });
});
