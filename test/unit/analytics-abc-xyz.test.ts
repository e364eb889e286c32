import { describe, expect, it } from 'vitest';
import { abc } from '../../electron/analytics/abc';
import { dayFromIso } from '../../electron/analytics/days';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';
import { xyz } from '../../electron/analytics/xyz';

const d = dayFromIso;
const sale = (clientId: string, date: string, amount: number): SaleRow => ({
  clientId,
  date,
  amount,
});
const codes = (classOf: Uint8Array, ids: readonly string[], names: readonly (string | null)[]) =>
  Object.fromEntries(ids.map((id, i) => [id, names[classOf[i]!]]));
const ABC = [null, 'A', 'B', 'C'];
const XYZ = [null, 'X', 'Y', 'Z'];

describe('analytics ABC', () => {
  const q1 = { from: d('2024-01-01'), to: d('2024-03-31') };
  const data = salesDataFromRows([
    sale('c1', '2024-01-01', 300), // window bounds inclusive
    sale('c1', '2024-03-31', 200),
    sale('c2', '2024-02-10', 300),
    sale('c3', '2024-02-11', 100),
    sale('c4', '2024-02-11', 100), // ties c3: c3 ranks first by id
    sale('c9', '2024-02-12', 50),
    sale('c5', '2024-02-01', 50), // bought and returned all: net 0
    sale('c5', '2024-02-20', -50),
    sale('c6', '2024-02-01', 30), // returned more than bought in the window: net −20
    sale('c6', '2024-02-02', -50),
    sale('c7', '2023-12-01', 400), // only a return inside the window: no purchase, not classed
    sale('c7', '2024-01-15', -100),
    sale('c10', '2024-03-01', 0), // only a free item in the window: no revenue, not classed
    sale('c10', '2023-03-01', 900),
    sale('c8', '2024-04-01', 1000), // outside the window
  ]);

  it('ranks by revenue, ties by id, and classes by the share ranked before', () => {
    // Positive total 500 + 300 + 100 + 100 + 50 = 1050. Share before each:
    // c1 0 → A; c2 500/1050 = 0.476 → A; c3 800/1050 = 0.762 → A; c4 900/1050 = 0.857 → B;
    // c9 1000/1050 = 0.952 → C. c5 (net 0), c6 (net −20) and c10 (a free item) have no revenue
    // in the window: not classed, in no class's count or revenue.
    const r = abc(data, q1);
    expect(codes(r.classOf, data.clientIds, ABC)).toEqual({
      c1: 'A',
      c10: null,
      c2: 'A',
      c3: 'A',
      c4: 'B',
      c5: null,
      c6: null,
      c7: null,
      c8: null,
      c9: 'C',
    });
    expect(Array.from(r.ranking, (c) => data.clientIds[c])).toEqual(['c1', 'c2', 'c3', 'c4', 'c9']);
    expect(r.summary).toEqual({
      A: { clients: 3, revenue: 900 },
      B: { clients: 1, revenue: 100 },
      C: { clients: 1, revenue: 50 },
    });
    expect(r.shareBefore[data.clientIds.indexOf('c5')]).toBeNaN();
    expect(r.positiveRevenue).toBe(1050);
    expect(r.shareBefore[data.clientIds.indexOf('c4')]).toBeCloseTo(900 / 1050, 12);
  });

  it('puts a client whose share before is exactly 80 % in B and exactly 95 % in C', () => {
    const w = { from: d('2024-01-01'), to: d('2024-12-31') };
    const r1 = abc(
      salesDataFromRows([sale('a', '2024-05-01', 80), sale('b', '2024-05-01', 20)]),
      w,
    );
    expect(Array.from(r1.classOf)).toEqual([1, 2]); // b: 80 / 100 = 0.8, not below 0.8
    const r2 = abc(salesDataFromRows([sale('a', '2024-05-01', 95), sale('b', '2024-05-01', 5)]), w);
    expect(Array.from(r2.classOf)).toEqual([1, 3]); // b: 0.95, not below 0.95
    const r3 = abc(
      salesDataFromRows([sale('a', '2024-05-01', 95), sale('b', '2024-05-01', 5)]),
      w,
      {
        a: 0.5,
        b: 0.99,
      },
    );
    expect(Array.from(r3.classOf)).toEqual([1, 2]);
  });

  it('classes nobody in an empty window', () => {
    const r = abc(salesDataFromRows([sale('a', '2023-05-01', 80)]), q1);
    expect(Array.from(r.classOf)).toEqual([0]);
    expect(r.summary.A.clients + r.summary.B.clients + r.summary.C.clients).toBe(0);
  });
});

describe('analytics XYZ', () => {
  const h1 = { from: d('2024-01-01'), to: d('2024-06-30') };
  const monthly = (id: string, amounts: number[]) =>
    amounts.flatMap((a, m) => (a === 0 ? [] : [sale(id, `2024-0${m + 1}-15`, a)]));
  const data = salesDataFromRows([
    ...monthly('even', [100, 100, 100, 100, 100, 100]), // CV 0 → X
    ...monthly('gap1', [100, 0, 100, 100, 100, 100]), // one zero of six: CV² = 1/5, CV 0.447 → X
    ...monthly('gap2', [100, 0, 100, 0, 100, 100]), // two of six: CV² = 2/4, CV 0.707 → Y
    ...monthly('early', [100, 0, 100]), // [100,0,100,0,0,0]: mean 100/3, sd 47.14, CV √2 → Y
    ...monthly('late', [0, 0, 0, 0, 100, 100]), // periods May–Jun only: CV 0 → X
    ...monthly('half', [0, 0, 0, 0, 150, 50]), // mean 100, sd 50: CV exactly 0.5 → X
    sale('once', '2024-03-03', 100), // one purchase day in the window → Z
    sale('once', '2023-11-03', 100), // (outside the window)
    sale('sameday', '2024-02-03', 100), // two sales on one day: one purchase day → Z
    sale('sameday', '2024-02-03', 50),
    sale('minus', '2024-01-10', 100), // net −90 over the window: no revenue, not classed
    sale('minus', '2024-02-10', -200),
    sale('minus', '2024-03-10', 10),
    sale('free', '2024-01-10', 0), // two purchase days, both free: no revenue, not classed
    sale('free', '2024-02-10', 0),
    sale('freeOnce', '2024-04-10', 0), // one free purchase day: not Z, not classed
    sale('none', '2023-03-10', 10),
  ]);
  const id = (name: string) => data.clientIds.indexOf(name);

  it('classes by the CV of revenue per month from the first purchase month, zero months included', () => {
    const r = xyz(data, h1);
    expect(codes(r.classOf, data.clientIds, XYZ)).toEqual({
      early: 'Y',
      even: 'X',
      free: null,
      freeOnce: null,
      gap1: 'X',
      gap2: 'Y',
      half: 'X',
      late: 'X',
      minus: null,
      none: null,
      once: 'Z',
      sameday: 'Z',
    });
    expect(r.cv[id('gap1')]).toBeCloseTo(Math.sqrt(0.2), 12);
    expect(r.cv[id('gap2')]).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(r.cv[id('early')]).toBeCloseTo(Math.SQRT2, 12);
    expect(r.cv[id('half')]).toBe(0.5);
    expect(r.cv[id('minus')]).toBeNaN();
    expect(r.summary).toEqual({ X: 4, Y: 2, Z: 2 });
    expect(xyz(data, { from: h1.to, to: h1.from }).summary).toEqual({ X: 0, Y: 0, Z: 0 });
  });

  it('takes its thresholds as parameters', () => {
    const r = xyz(data, h1, { x: 0.1, y: 1 });
    // gap1 0.447 and gap2 0.707 → Y; early √2 > 1 → Z; half 0.5 → Y; minus stays unclassed.
    expect(codes(r.classOf, data.clientIds, XYZ)).toMatchObject({
      even: 'X',
      gap1: 'Y',
      gap2: 'Y',
      early: 'Z',
      minus: null,
      half: 'Y',
    });
  });

  it('uses ISO weeks (Monday first) and quarters', () => {
    // Mon 1 Jan and Sun 7 Jan fall in one week: weeks [200, 100, 100], mean 133.3, sd 47.14,
    // CV = √2 / 4 = 0.354 (weeks starting on Sunday would give [100, 100, 100, 100], CV 0).
    const w = salesDataFromRows(
      ['2024-01-01', '2024-01-07', '2024-01-14', '2024-01-21'].map((date) => sale('a', date, 100)),
    );
    const r = xyz(w, { from: d('2024-01-01'), to: d('2024-01-21') }, { period: 'week' });
    expect(r.cv[0]).toBeCloseTo(Math.SQRT2 / 4, 12);
    // Quarters of 2024: [200, 0, 0, 100] → mean 75, sd √((125² + 75² + 75² + 25²) / 4) = 82.92,
    // CV 1.1055.
    const q = salesDataFromRows([
      sale('a', '2024-01-10', 100),
      sale('a', '2024-03-10', 100),
      sale('a', '2024-12-10', 100),
    ]);
    const rq = xyz(q, { from: d('2024-01-01'), to: d('2024-12-31') }, { period: 'quarter' });
    expect(rq.cv[0]).toBeCloseTo(Math.sqrt((125 ** 2 + 75 ** 2 + 75 ** 2 + 25 ** 2) / 4) / 75, 12);
  });
});
