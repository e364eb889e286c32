import { describe, expect, it } from 'vitest';
import { abc } from '../../electron/analytics/abc';
import { clv } from '../../electron/analytics/clv';
import { dayFromIso, isoFromDay } from '../../electron/analytics/days';
import { ltv } from '../../electron/analytics/ltv';
import { matrixClasses, NONE } from '../../electron/analytics/migration';
import { refreshAll } from '../../electron/analytics/refresh-all';
import { retention } from '../../electron/analytics/retention';
import { rfm } from '../../electron/analytics/rfm';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';
import { xyz } from '../../electron/analytics/xyz';

const d = dayFromIso;
const asOf = d('2024-12-31');

/** 40 clients over two years, with a deterministic mix of rhythms, gaps and returns. */
function world() {
  const rows: SaleRow[] = [];
  for (let c = 0; c < 40; c++) {
    const id = `c${String(c).padStart(2, '0')}`;
    const first = d('2023-01-01') + ((c * 37) % 500);
    const every = 10 + ((c * 13) % 90);
    for (let day = first; day <= asOf + 30 && day < first + (c % 7) * 120 + 1; day += every)
      rows.push({
        clientId: id,
        date: isoFromDay(day),
        amount: 1000 + c * 10,
        margin: c % 3 === 0 ? null : 300,
      });
    if (c % 5 === 0) rows.push({ clientId: id, date: isoFromDay(first + 3), amount: -200 });
  }
  return salesDataFromRows(rows);
}

describe('analytics refreshAll', () => {
  const data = world();
  const managers = data.clientIds.map((_, i) => `m${i % 3}`);
  const channels = data.clientIds.map((_, i) => (i % 4 === 0 ? null : `ch${i % 2}`));
  const dash = refreshAll(data, {
    asOf,
    managers,
    channels,
    nps: [{ date: '2024-05-01', score: 10 }],
    lostReasons: ['price'],
    comments: [{ author: 'm0', kind: 'call', date: '2024-05-01' }],
  });
  const current = { from: d('2024-01-01'), to: asOf };
  const previous = { from: d('2023-01-01'), to: d('2023-12-31') };

  it('computes the same figures as the single functions', () => {
    expect(dash.asOf).toBe('2024-12-31');
    expect([dash.current.from, dash.current.to, dash.previous.from, dash.previous.to]).toEqual([
      '2024-01-01',
      '2024-12-31',
      '2023-01-01',
      '2023-12-31',
    ]);
    expect(dash.current.abc).toEqual(abc(data, current));
    expect(dash.previous.xyz).toEqual(xyz(data, previous));
    expect(dash.retention.window).toEqual(retention(data, [current])[0]);
    expect(dash.retention.series).toHaveLength(12);
    expect(dash.rfm).toEqual(rfm(data, asOf));
    expect(dash.ltv.base).toEqual(ltv(data, current));
    expect(dash.ltv.series).toHaveLength(12);
    expect(dash.ltv.byManager.map((g) => g.key)).toEqual(['m0', 'm1', 'm2']);
    expect(dash.clv?.params).toEqual(clv(data, asOf).params);
    expect(dash.due.expectedDay).toHaveLength(40);
    expect(dash.nps.total.nps).toBe(100);
    expect(dash.lostReasons).toEqual([{ reason: 'price', count: 1, share: 1 }]);
    expect(dash.activity[0]).toMatchObject({ author: 'm0', total: 1 });
  });

  it('keeps its breakdowns consistent with each other', () => {
    const classed =
      dash.current.abc.summary.A.clients +
      dash.current.abc.summary.B.clients +
      dash.current.abc.summary.C.clients;
    const matrix = dash.current.matrix.counts.flat().reduce((s, v) => s + v, 0);
    expect(matrix).toBe(classed);
    expect(dash.pareto.clients).toBe(classed);
    expect(dash.ltv.base.clients).toBe(classed);
    expect(dash.channels.reduce((s, r) => s + r.buyers, 0)).toBe(classed);
    expect(dash.current.portfolio.reduce((s, r) => s + r.classed, 0)).toBe(classed);
    const m = dash.migration;
    // Every client classed in either window moved somewhere (the dashboard's migration keeps
    // the counts; its drill-down reads the classes).
    const before = matrixClasses(dash.previous.abc, dash.previous.xyz);
    const after = matrixClasses(dash.current.abc, dash.current.xyz);
    const movers = Array.from(before).filter((b, c) => b !== NONE || after[c] !== NONE).length;
    expect(movers).toBeGreaterThan(0);
    expect(m.up + m.down + m.same + m.new + m.returned + m.gone).toBe(movers);
    expect(
      m.byManager.reduce((s, t) => s + t.up + t.down + t.same + t.new + t.returned + t.gone, 0),
    ).toBe(movers);
    // The due list carries the fitted P(alive).
    const withAlive = [...dash.due.due, ...dash.due.slipping].filter((c) => c.pAlive !== null);
    expect(withAlive.length).toBe(dash.due.due.length + dash.due.slipping.length);
    expect(Object.keys(dash.timings)).toContain('clv');
  });

  it('can skip the BG/NBD fit', () => {
    const quick = refreshAll(data, { asOf, clv: false });
    expect(quick.clv).toBeNull();
    expect(quick.due.slipping.every((c) => c.pAlive === null)).toBe(true);
  });
});
