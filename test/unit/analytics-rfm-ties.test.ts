/**
 * RFM quintiles with ties, pinned on a hand-computed case (equal values ranked by client id, a
 * free purchase, a return that makes the money negative) and, on many clients with few distinct
 * values, against the definition itself: sort by (value, client id), score floor(i · 5 / n) + 1.
 */
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import { rfm, segmentKeys } from '../../electron/analytics/rfm';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';

const asOf = dayFromIso('2024-12-31');

describe('RFM scores with ties', () => {
  it('ranks equal values by client id, worst first', () => {
    const data = salesDataFromRows([
      { clientId: 'a', date: '2024-12-01', amount: 100 }, // R 30, F 1, M 100
      { clientId: 'b', date: '2024-12-01', amount: 100 }, // R 30, F 1, M 100: a's twin
      { clientId: 'c', date: '2024-11-01', amount: 0 }, // R 60, F 1, M 0: a free item is a purchase
      { clientId: 'd', date: '2024-10-01', amount: 50 }, // R 91, F 1
      { clientId: 'd', date: '2024-10-05', amount: -200 }, //   a return only: M −150, still F 1
      { clientId: 'e', date: '2024-12-01', amount: 100 }, // R 0, F 2, M 200
      { clientId: 'e', date: '2024-12-31', amount: 100 },
      { clientId: 'f', date: '2024-12-31', amount: 100 }, // R 0, F 1, M 100
      { clientId: 'g', date: '2024-06-01', amount: 40 }, // R 183, F 2, M 80
      { clientId: 'g', date: '2024-07-01', amount: 40 },
    ]);
    const r = rfm(data, asOf);
    // n = 7: positions 0…6 score 1 1 2 3 3 4 5.
    // R, oldest first: g d c a b e f; F, fewest first: a b c d f e g; M: d c g a b f e.
    const scores = Object.fromEntries(
      data.clientIds.map((id, c) => [id, [r.r[c], r.f[c], r.m[c]]]),
    );
    expect(scores).toEqual({
      a: [3, 1, 3],
      b: [3, 1, 3],
      c: [2, 2, 1],
      d: [1, 3, 1],
      e: [4, 4, 5],
      f: [5, 3, 4],
      g: [1, 5, 2],
    });
    expect(segmentKeys(r)).toEqual([
      'about_to_sleep',
      'about_to_sleep',
      'hibernating',
      'at_risk',
      'loyal',
      'potential_loyalists',
      'cant_lose',
    ]);
  });

  it('scores many clients with few distinct values as the sort by (value, id) does', () => {
    let seed = 12345;
    const next = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const rows: SaleRow[] = [];
    for (let i = 0; i < 3000; i++) {
      const id = `c${String(i).padStart(5, '0')}`;
      const visits = 1 + next(4);
      for (let v = 0; v < visits; v++) {
        rows.push({
          clientId: id,
          date: `2024-${String(1 + next(12)).padStart(2, '0')}-01`,
          amount: [0, 100, 250, -300][next(4)]!,
        });
      }
    }
    const data = salesDataFromRows(rows);
    const result = rfm(data, asOf);
    const members = data.clientIds.map((_, c) => c).filter((c) => result.frequency[c]! > 0);
    const expected = (value: ArrayLike<number>, higherIsBetter: boolean) => {
      const sign = higherIsBetter ? 1 : -1;
      const out = new Map<number, number>();
      [...members]
        .sort((x, y) => sign * (value[x]! - value[y]!) || x - y)
        .forEach((c, i) => out.set(c, Math.floor((i * 5) / members.length) + 1));
      return members.map((c) => out.get(c));
    };
    expect(members.map((c) => result.r[c])).toEqual(expected(result.recency, false));
    expect(members.map((c) => result.f[c])).toEqual(expected(result.frequency, true));
    expect(members.map((c) => result.m[c])).toEqual(expected(result.monetary, true));
  });
});
