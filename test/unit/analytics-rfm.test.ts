import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import { rfm, RFM_SEGMENTS, segmentIndex, segmentKeys } from '../../electron/analytics/rfm';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';

const asOf = dayFromIso('2024-12-31');
const buys = (clientId: string, amount: number, ...dates: string[]): SaleRow[] =>
  dates.map((date) => ({ clientId, date, amount }));

describe('analytics RFM', () => {
  it('scores recency, frequency and money by quintile of rank', () => {
    const data = salesDataFromRows([
      ...buys('a', 100, '2024-12-30'), // R 1 day, F 1, M 100
      ...buys('a', 999, '2025-01-02'), // after asOf: ignored
      ...buys('b', 150, '2024-06-01', '2024-12-01'), // R 30, F 2, M 300
      ...buys('c', 100, '2024-01-01', '2024-03-01', '2024-05-01', '2024-07-01', '2024-09-01'), // R 121, F 5, M 500
      ...buys('d', 300, '2022-06-01', '2022-12-01', '2023-01-01'), // R 730, F 3, M 900
      ...buys('e', 50, '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31'), // R 0 (asOf inclusive), F 4, M 200
      ...buys('f', 100, '2025-01-05'), // first purchase after asOf: not scored
    ]);
    const r = rfm(data, asOf);
    // n = 5, so score = position + 1. R, oldest first: d c b a e; F: a b d e c; M: a e b c d.
    const row = (id: string) => {
      const c = data.clientIds.indexOf(id);
      return [r.recency[c], r.frequency[c], r.monetary[c], r.r[c], r.f[c], r.m[c]];
    };
    expect(row('a')).toEqual([1, 1, 100, 4, 1, 1]);
    expect(row('b')).toEqual([30, 2, 300, 3, 2, 3]);
    expect(row('c')).toEqual([121, 5, 500, 2, 5, 4]);
    expect(row('d')).toEqual([730, 3, 900, 1, 3, 5]);
    expect(row('e')).toEqual([0, 4, 200, 5, 4, 2]);
    expect(row('f')).toEqual([-1, 0, 0, 0, 0, 0]);
    // (R, F): a (4, 1) promising, b (3, 2) about to sleep, c (2, 5) can't lose, d (1, 3) at risk,
    // e (5, 4) champions.
    expect(segmentKeys(r)).toEqual([
      'promising',
      'about_to_sleep',
      'cant_lose',
      'at_risk',
      'champions',
      null,
    ]);
    expect(r.segments.find((s) => s.segment === 'cant_lose')).toEqual({
      segment: 'cant_lose',
      clients: 1,
      revenue: 500,
    });
    expect(r.grid[4]![3]).toBe(1); // e: R 5, F 4
  });

  it('breaks ties by client id and spreads n clients as floor(i · 5 / n) + 1', () => {
    const ten = salesDataFromRows(
      Array.from({ length: 10 }, (_, i) => ({
        clientId: `t${i}`,
        date: '2024-06-01',
        amount: 100,
      })),
    );
    const r = rfm(ten, asOf);
    // All equal: order by id; i = 0…9 → 1 1 2 2 3 3 4 4 5 5 for each of R, F and M.
    const expected = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
    expect(Array.from(r.r)).toEqual(expected);
    expect(Array.from(r.f)).toEqual(expected);
    expect(Array.from(r.m)).toEqual(expected);
    const seven = rfm(
      salesDataFromRows(
        Array.from({ length: 7 }, (_, i) => ({
          clientId: `s${i}`,
          date: '2024-06-01',
          amount: i + 1,
        })),
      ),
      asOf,
    );
    // 7 clients: floor(i · 5 / 7) + 1 for i = 0…6 → 1 1 2 3 3 4 5.
    expect(Array.from(seven.m)).toEqual([1, 1, 2, 3, 3, 4, 5]);
  });

  it('maps every (R, F) pair to exactly one named segment', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const rules = RFM_SEGMENTS.filter(
          (s) => r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1],
        );
        expect(rules, `${r}${f}`).toHaveLength(1);
      }
    }
    const name = (r: number, f: number) => RFM_SEGMENTS[segmentIndex(r, f)]!.segment;
    expect([name(5, 5), name(5, 4), name(4, 5), name(5, 1), name(4, 2)]).toEqual([
      'champions',
      'champions',
      'loyal',
      'new',
      'potential_loyalists',
    ]);
    expect([name(3, 3), name(2, 4), name(1, 5), name(2, 1), name(1, 2)]).toEqual([
      'need_attention',
      'at_risk',
      'cant_lose',
      'hibernating',
      'lost',
    ]);
  });
});
