import { describe, expect, it } from 'vitest';
import { dayFromIso, periodWindows } from '../../electron/analytics/days';
import { ltv, ltvByGroup, ltvSeries } from '../../electron/analytics/ltv';
import { salesDataFromRows } from '../../electron/analytics/sales-data';
import { windowSums } from '../../electron/analytics/window-sums';

const d = dayFromIso;
const q1 = { from: d('2024-01-01'), to: d('2024-03-31') };
const data = salesDataFromRows([
  { clientId: 'A', date: '2023-11-15', amount: 700 }, // before the window: only A's lifetime start
  { clientId: 'A', date: '2024-01-10', amount: 1000, margin: 300 },
  { clientId: 'A', date: '2024-02-10', amount: 1000 }, // margin unknown
  { clientId: 'A', date: '2024-03-10', amount: 2000, margin: 500 },
  { clientId: 'B', date: '2024-02-20', amount: 500, margin: 100 }, // one purchase day of 1000
  { clientId: 'B', date: '2024-02-20', amount: 500 },
  { clientId: 'C', date: '2023-06-01', amount: 900 }, // nothing in the window
]);

describe('analytics LTV', () => {
  it('multiplies average check, purchases per month, margin share and lifetime', () => {
    // Clients A and B; purchase days 3 + 1 = 4; revenue 4000 + 1000 = 5000.
    // S = 5000 / 4 = 1250; C = 4 / 2 / 3 months = 0.6667; P = (300 + 500 + 100) / (1000 + 2000 + 500)
    // = 900 / 3500; t = (A: Nov 2023 … Mar 2024 = 5, B: Feb = 1) / 2 = 3.
    // LTV = 1250 × 2/3 × 9/35 × 3 = 642.857.
    expect(ltv(data, q1)).toEqual({
      clients: 2,
      purchaseDays: 4,
      revenue: 5000,
      averageCheck: 1250,
      purchasesPerMonth: 4 / 2 / 3,
      marginShare: 900 / 3500,
      marginKnown: true,
      lifetimeMonths: 3,
      ltv: expect.closeTo(22500 / 35, 9) as number,
    });
  });

  it('groups by a per-client key', () => {
    const groups = ltvByGroup(data, windowSums(data, q1), ['m1', 'm2', 'm1']);
    // m1 (A): S = 4000 / 3, C = 3 / 1 / 3 = 1, P = 800 / 3000, t = 5: LTV = 1777.78.
    // m2 (B): S = 1000, C = 1 / 3, P = 100 / 500, t = 1: LTV = 66.67. C buys nothing in Q1.
    expect(groups.map((g) => [g.key, g.clients, g.ltv])).toEqual([
      ['m1', 1, expect.closeTo(16000 / 9, 9)],
      ['m2', 1, expect.closeTo(200 / 3, 9)],
    ]);
  });

  it('falls back to the default margin share when no margin is known', () => {
    const bare = salesDataFromRows([{ clientId: 'x', date: '2024-01-05', amount: 300 }]);
    // S = 300, C = 1 / 1 / 3, t = 1: 100 × P.
    expect(ltv(bare, q1)).toMatchObject({ marginKnown: false, marginShare: 1, ltv: 100 });
    expect(ltv(bare, q1, { defaultMarginShare: 0.25 })).toMatchObject({
      marginShare: 0.25,
      ltv: 25,
    });
    expect(ltv(bare, { from: d('2025-01-01'), to: d('2025-01-31') })).toMatchObject({
      clients: 0,
      averageCheck: null,
      ltv: null,
    });
  });

  it('gives a monthly series equal to LTV over each month', () => {
    // Jan: A: S 1000, C 1, P 0.3, t Nov–Jan = 3 → 900. Feb: A 1000 + B 1000: S 1000, C 1,
    // P 100 / 500 = 0.2, t (4 + 1) / 2 = 2.5 → 500. Mar: A: S 2000, C 1, P 0.25, t 5 → 2500.
    const series = ltvSeries(data, q1, 'month');
    expect(series.map((s) => [s.label, s.ltv])).toEqual([
      ['2024-01', expect.closeTo(900, 9)],
      ['2024-02', expect.closeTo(500, 9)],
      ['2024-03', expect.closeTo(2500, 9)],
    ]);
    // With returns, clipped periods and quarters the one-pass series still equals ltv() per period.
    const mixed = salesDataFromRows([
      { clientId: 'A', date: '2024-01-10', amount: 1000, margin: 300 },
      { clientId: 'A', date: '2024-01-20', amount: -400, margin: -120 }, // return in a month A bought
      { clientId: 'A', date: '2024-05-02', amount: -100 }, // return in a month A did not buy
      { clientId: 'B', date: '2024-04-30', amount: 250 },
      { clientId: 'B', date: '2024-06-30', amount: 50 },
    ]);
    const range = { from: d('2024-01-15'), to: d('2024-06-30') };
    for (const period of ['month', 'quarter'] as const) {
      const one = ltvSeries(mixed, range, period);
      const each = periodWindows(range, period).map((w) => ltv(mixed, w));
      expect(one.map(({ label: _l, from: _f, to: _t, ...rest }) => rest)).toEqual(each);
    }
  });
});
