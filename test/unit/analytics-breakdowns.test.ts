import { describe, expect, it } from 'vitest';
import { byChannel } from '../../electron/analytics/channels';
import { dayFromIso } from '../../electron/analytics/days';
import { lostReasons } from '../../electron/analytics/lost-reasons';
import { managerActivity, managerPortfolio } from '../../electron/analytics/managers';
import { npsByMonth } from '../../electron/analytics/nps';
import { pareto } from '../../electron/analytics/pareto';
import { repeatFunnel } from '../../electron/analytics/repeat-funnel';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';
import { windowSums } from '../../electron/analytics/window-sums';

const d = dayFromIso;
const year = { from: d('2024-01-01'), to: d('2024-12-31') };
const buys = (clientId: string, amount: number, ...dates: string[]): SaleRow[] =>
  dates.map((date) => ({ clientId, date, amount }));

describe('analytics Pareto', () => {
  it('takes the revenue share of the top ceil(20 %) of buyers', () => {
    const data = salesDataFromRows(
      [600, 200, 100, 50, 30, 20].map((amount, i) => ({
        clientId: `c${i}`,
        date: '2024-05-01',
        amount,
      })),
    );
    // n = 6: ceil(1.2) = 2 clients, 600 + 200 of 1000.
    expect(pareto(windowSums(data, year))).toEqual({
      clients: 6,
      topClients: 2,
      topRevenue: 800,
      totalRevenue: 1000,
      share: 0.8,
    });
  });

  it('rounds 20 % of 15 clients to 3, not 4, and breaks ties by id', () => {
    // 15 clients of 10 each: the top three are c00, c01, c02 by id.
    const data = salesDataFromRows(
      Array.from({ length: 15 }, (_, i) => ({
        clientId: `c${String(i).padStart(2, '0')}`,
        date: '2024-05-01',
        amount: 10,
      })),
    );
    expect(pareto(windowSums(data, year))).toMatchObject({
      topClients: 3,
      topRevenue: 30,
      share: 0.2,
    });
    expect(pareto(windowSums(salesDataFromRows([]), year)).share).toBeNull();
  });
});

describe('analytics repeat-purchase funnel', () => {
  it('counts clients reaching a 2nd, 3rd, 4th purchase day by acquisition month', () => {
    const data = salesDataFromRows([
      ...buys('a', 10, '2024-01-05', '2024-02-01', '2024-03-01'),
      ...buys('b', 10, '2024-01-20'),
      ...buys('b', -10, '2024-02-20'), // a return is no purchase
      ...buys('c', 10, '2024-01-31', '2024-01-31', '2024-02-02', '2024-02-03', '2024-07-01'), // 4th after asOf
      ...buys('d', 10, '2024-02-10', '2024-02-11'),
    ]);
    const r = repeatFunnel(data, d('2024-06-30'));
    // January: a (3 days), b (1), c (3 by asOf: 31 Jan counted once): 2nd 2, 3rd 2, 4th 0.
    expect(r.months).toEqual([
      { month: '2024-01', clients: 3, reached: [2, 2, 0], shares: [2 / 3, 2 / 3, 0] },
      { month: '2024-02', clients: 1, reached: [1, 0, 0], shares: [1, 0, 0] },
    ]);
    expect(r.total).toEqual({
      month: 'all',
      clients: 4,
      reached: [3, 2, 0],
      shares: [0.75, 0.5, 0],
    });
  });
});

describe('analytics NPS and lost reasons', () => {
  it('computes NPS per month and leaves out invalid answers', () => {
    const r = npsByMonth([
      { date: '2024-01-03', score: 10 },
      { date: '2024-01-04T10:00:00.000Z', score: 9 },
      { date: '2024-01-05', score: 8 },
      { date: '2024-01-31', score: 3 },
      { date: '2024-02-01', score: 6 },
      { date: '2024-02-02', score: 0 },
      { date: '2024-02-02', score: 11 },
      { date: '2024-02-02', score: 5.5 },
      { date: 'soon', score: 9 },
    ]);
    // January: 2 promoters, 1 passive, 1 detractor of 4: (2 − 1) / 4 = 25. February: −100.
    expect(r.months).toEqual([
      { month: '2024-01', answers: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 },
      { month: '2024-02', answers: 2, promoters: 0, passives: 0, detractors: 2, nps: -100 },
    ]);
    // Overall (2 − 3) / 6 = −16.67.
    expect(r.total.nps).toBeCloseTo(-100 / 6, 12);
    expect(npsByMonth([]).total.nps).toBeNull();
  });

  it('breaks lost clients down by reason, blank reasons together', () => {
    expect(lostReasons(['price', 'moved', 'price', null, '', 'price', 'moved'])).toEqual([
      { reason: 'price', count: 3, share: 3 / 7 },
      { reason: 'moved', count: 2, share: 2 / 7 },
      { reason: null, count: 2, share: 2 / 7 },
    ]);
  });
});

describe('analytics channels and managers', () => {
  it('gives revenue and retention by acquisition channel', () => {
    const data = salesDataFromRows([
      ...buys('a', 100, '2023-12-01', '2024-06-01'), // web: active at both ends of 2024
      ...buys('b', 300, '2024-03-01'), // web: new
      ...buys('c', 600, '2023-02-01'), // shop: active on 1 Jan 2024 (334 days), gone by 31 Dec
    ]);
    const rows = byChannel(data, windowSums(data, year), ['web', 'web', 'shop']);
    expect(rows.map((r) => [r.key, r.buyers, r.revenue, r.revenueShare])).toEqual([
      ['shop', 0, 0, 0],
      ['web', 2, 400, 1],
    ]);
    // web: S = {a}, E = {a, b}, N = {b}: (2 − 1) / 1 = 1. shop: S = {c}, E = {}: 0.
    expect(rows[1]!.retention).toMatchObject({ atStart: 1, atEnd: 2, new: 1, retentionRate: 1 });
    expect(rows[0]!.retention).toMatchObject({ atStart: 1, atEnd: 0, retentionRate: 0 });
  });

  it('measures each manager’s share of A and of X clients', () => {
    const abc = Uint8Array.from([1, 2, 3, 1, 0]);
    const xyz = Uint8Array.from([1, 1, 3, 2, 0]);
    expect(managerPortfolio(abc, xyz, ['m1', 'm1', 'm2', 'm2', 'm3'])).toEqual([
      { managerId: 'm1', classed: 2, a: 1, x: 2, shareA: 0.5, shareX: 1 },
      { managerId: 'm2', classed: 2, a: 1, x: 0, shareA: 0.5, shareX: 0 },
    ]);
  });

  it('counts comments by kind and per day of the window', () => {
    const rows = managerActivity(
      [
        { author: 'Anna', kind: 'call', date: '2024-03-01T09:00:00.000Z' },
        { author: 'Anna', kind: 'call', date: '2024-03-31' },
        { author: 'Anna', kind: 'meeting', date: '2024-03-15' },
        { author: 'Boris', kind: 'note', date: '2024-03-10' },
        { author: 'Boris', kind: 'note', date: '2024-04-01' }, // outside
      ],
      { from: d('2024-03-01'), to: d('2024-03-31') },
    );
    expect(rows).toEqual([
      {
        author: 'Anna',
        total: 3,
        byKind: { call: 2, meeting: 1 },
        perDay: 3 / 31,
        perDayByKind: { call: 2 / 31, meeting: 1 / 31 },
      },
      {
        author: 'Boris',
        total: 1,
        byKind: { note: 1 },
        perDay: 1 / 31,
        perDayByKind: { note: 1 / 31 },
      },
    ]);
  });
});
