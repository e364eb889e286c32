import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import {
  lastPurchaseBy,
  lowerBound,
  salesDataFromRows,
  upperBound,
} from '../../electron/analytics/sales-data';

const d = dayFromIso;

describe('analytics sales data', () => {
  it('orders clients by id and merges one client’s sales of one day into one purchase', () => {
    const data = salesDataFromRows(
      [
        { clientId: 'b', date: '2024-03-02', amount: 100, margin: 30 },
        { clientId: 'a', date: '2024-03-05', amount: 70 },
        { clientId: 'b', date: '2024-03-01', amount: 50, margin: null },
        { clientId: 'b', date: '2024-03-02', amount: 25, margin: 5 },
        { clientId: 'b', date: '2024-03-02', amount: 10 },
      ],
      ['c'],
    );
    expect(data.clientIds).toEqual(['a', 'b', 'c']);
    expect(Array.from(data.start)).toEqual([0, 1, 3, 3]);
    expect(Array.from(data.day)).toEqual([d('2024-03-05'), d('2024-03-01'), d('2024-03-02')]);
    // b on 2 March: 100 + 25 + 10 = 135; margin known on 100 and 25: 30 + 5 = 35 of 125.
    expect(Array.from(data.revenue)).toEqual([70, 50, 135]);
    expect(Array.from(data.margin)).toEqual([0, 0, 35]);
    expect(Array.from(data.marginRevenue)).toEqual([0, 0, 125]);
  });

  it('keeps return-only days apart; a day with any non-negative sale is a purchase', () => {
    const data = salesDataFromRows([
      { clientId: 'a', date: '2024-01-10', amount: 500 },
      { clientId: 'a', date: '2024-01-20', amount: -200, margin: -60 },
      { clientId: 'a', date: '2024-01-20', amount: -100 },
      // An exchange: a return and a smaller purchase the same day (net −50) is still a visit.
      { clientId: 'a', date: '2024-02-01', amount: -150 },
      { clientId: 'a', date: '2024-02-01', amount: 100 },
      // A free item: zero amount, still a purchase.
      { clientId: 'a', date: '2024-02-15', amount: 0 },
    ]);
    expect(Array.from(data.day)).toEqual([d('2024-01-10'), d('2024-02-01'), d('2024-02-15')]);
    expect(Array.from(data.revenue)).toEqual([500, -50, 0]);
    expect(Array.from(data.adjDay)).toEqual([d('2024-01-20')]);
    expect(Array.from(data.adjRevenue)).toEqual([-300]);
    expect(Array.from(data.adjMargin)).toEqual([-60]);
    expect(Array.from(data.adjMarginRevenue)).toEqual([-200]);
  });

  it('finds purchase days by binary search', () => {
    const data = salesDataFromRows(
      ['2024-01-01', '2024-01-05', '2024-01-09'].map((date) => ({
        clientId: 'a',
        date,
        amount: 1,
      })),
    );
    expect(lowerBound(data.day, 0, 3, d('2024-01-05'))).toBe(1);
    expect(upperBound(data.day, 0, 3, d('2024-01-05'))).toBe(2);
    expect(lowerBound(data.day, 0, 3, d('2024-02-01'))).toBe(3);
    expect(lastPurchaseBy(data, 0, d('2024-01-08'))).toBe(d('2024-01-05'));
    expect(lastPurchaseBy(data, 0, d('2024-01-09'))).toBe(d('2024-01-09'));
    expect(lastPurchaseBy(data, 0, d('2023-12-31'))).toBeNaN();
  });
});
