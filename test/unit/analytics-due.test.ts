import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import { dueToBuy } from '../../electron/analytics/due-to-buy';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';

const d = dayFromIso;
const buys = (clientId: string, amount: number, ...dates: string[]): SaleRow[] =>
  dates.map((date) => ({ clientId, date, amount }));
// A Sunday: "this week" runs from it through Saturday 2 March.
const asOf = d('2024-02-25');

const data = salesDataFromRows([
  ...buys('reg', 100, '2024-01-01', '2024-01-11', '2024-01-31', '2024-02-10'), // gaps 10 20 10: median 10
  ...buys('even', 100, '2024-01-01', '2024-01-11', '2024-01-30'), // gaps 10 19: median 14.5
  ...buys('gone', 100, '2024-01-01', '2024-01-08', '2024-01-15'), // median 7, 41 days since: slipping
  ...buys('gone2', 500, '2023-12-01', '2023-12-11'), // median 10, 76 days since: slipping
  ...buys('later', 100, '2024-02-01', '2024-02-21'), // median 20: expected 12 March, not due yet
  ...buys('one', 100, '2024-01-05'), // one purchase day: no rhythm
  ...buys('future', 100, '2024-01-20', '2024-02-20', '2024-03-20'), // 20 March is after asOf
  ...buys('today', 100, '2024-02-05', '2024-02-15'), // median 10: expected today
  ...buys('week', 100, '2024-02-17', '2024-02-24'), // median 7: expected 2 March, asOf + 6
  ...buys('eight', 100, '2024-02-18', '2024-02-25'), // median 7: expected 3 March, asOf + 7
  // Every 200 days: expected 8 Sep 2023, 170 days ago, yet 370 < 2 × 200 days since the last.
  ...buys('slow', 900, '2022-08-04', '2023-02-20'),
]);
const at = (id: string) => data.clientIds.indexOf(id);

describe('analytics due to buy', () => {
  it('expects the next purchase a median interval after the last, on a whole day', () => {
    const r = dueToBuy(data, asOf);
    // reg: 10 Feb + 10 = 20 Feb, 5 days overdue. even: 30 Jan + 14.5 = 13.5 Feb: 14 Feb, 11 overdue.
    expect(r.expectedDay[at('reg')]).toBe(d('2024-02-20'));
    expect(r.overdueDays[at('reg')]).toBe(5);
    expect(r.expectedDay[at('even')]).toBe(d('2024-02-14'));
    expect(r.overdueDays[at('even')]).toBe(11);
    // future: only 20 Jan and 20 Feb count by asOf: 20 Feb + 31 = 22 March, 26 days ahead.
    expect(r.overdueDays[at('future')]).toBe(-26);
    expect(r.expectedDay[at('one')]).toBeNaN();
    expect(r.overdueDays[at('slow')]).toBe(170);
  });

  it('lists as due this week only those expected from today through today + 6', () => {
    const r = dueToBuy(data, asOf);
    expect(r.due.map((c) => [c.clientId, c.expected, c.overdueDays])).toEqual([
      ['today', '2024-02-25', 0],
      ['week', '2024-03-02', -6],
    ]);
    expect(r.due[1]).toMatchObject({
      lastPurchase: '2024-02-24',
      medianIntervalDays: 7,
      revenue: 200,
    });
    expect(r.dueCount).toBe(2);
    // A limit cuts the list, not the count.
    expect(dueToBuy(data, asOf, { limit: 1 })).toMatchObject({ dueCount: 2 });
    expect(dueToBuy(data, asOf, { limit: 1 }).due).toHaveLength(1);
  });

  it('lists every overdue client as slipping away, most valuable first', () => {
    const byRevenue = dueToBuy(data, asOf);
    // slow 1800, gone2 1000, reg 400, even 300 and gone 300 (ties by id).
    expect(byRevenue.slipping.map((c) => [c.clientId, c.revenue, c.pAlive])).toEqual([
      ['slow', 1800, null],
      ['gone2', 1000, null],
      ['reg', 400, null],
      ['even', 300, null],
      ['gone', 300, null],
    ]);
    expect(byRevenue.slippingCount).toBe(5);
    const pAlive = new Float64Array(data.clientIds.length).fill(0.5);
    const expectedPurchases = new Float64Array(data.clientIds.length);
    expectedPurchases[at('gone')] = 2; // 2 × average check 100 = 200
    expectedPurchases[at('gone2')] = 0.1; // 0.1 × 500 = 50
    const byValue = dueToBuy(data, asOf, { rankBy: 'expectedValue', pAlive, expectedPurchases });
    expect(byValue.slipping.map((c) => [c.clientId, c.value, c.pAlive]).slice(0, 2)).toEqual([
      ['gone', 200, 0.5],
      ['gone2', 50, 0.5],
    ]);
    const cut = dueToBuy(data, asOf, { limit: 1 });
    expect(cut.slipping).toHaveLength(1);
    expect(cut.slippingCount).toBe(5);
  });
});
