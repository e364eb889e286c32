import { describe, expect, it } from 'vitest';
import { abc } from '../../electron/analytics/abc';
import { dayFromIso } from '../../electron/analytics/days';
import { retention } from '../../electron/analytics/retention';
import {
  abcXyzMatrix,
  MATRIX_CLASSES,
  matrixClasses,
  migration,
  NONE,
} from '../../electron/analytics/migration';
import { isNewIn, salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';
import { windowSums } from '../../electron/analytics/window-sums';
import { xyz } from '../../electron/analytics/xyz';

const d = dayFromIso;
const cell = (name: string) => MATRIX_CLASSES.indexOf(name as (typeof MATRIX_CLASSES)[number]);

describe('analytics ABC×XYZ migration', () => {
  it('ranks cells value first, then regularity', () => {
    expect(MATRIX_CLASSES).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    expect(NONE).toBe(9);
  });

  it('counts moves between two windows per client and per manager', () => {
    const ids = ['p', 'q', 'r', 's', 't', 'u', 'v', 'w'];
    const from = Uint8Array.from([
      cell('AX'),
      cell('BY'),
      cell('CZ'),
      NONE,
      cell('AX'),
      NONE,
      cell('AZ'),
      NONE,
    ]);
    const to = Uint8Array.from([
      cell('BX'),
      cell('AX'),
      cell('CZ'),
      cell('AY'),
      NONE,
      NONE,
      cell('BX'),
      cell('BY'),
    ]);
    const managers = ['m1', 'm1', 'm2', 'm2', null, 'm1', 'm2', 'm1'];
    // s bought for the first time in window b; w had bought before window a and came back.
    const r = migration(ids, from, to, (c) => ids[c] === 's', managers);
    expect(r.clients).toEqual([
      { clientId: 'p', from: 'AX', to: 'BX', direction: 'down' },
      { clientId: 'q', from: 'BY', to: 'AX', direction: 'up' },
      { clientId: 'r', from: 'CZ', to: 'CZ', direction: 'same' },
      { clientId: 's', from: null, to: 'AY', direction: 'new' },
      { clientId: 't', from: 'AX', to: null, direction: 'gone' },
      // u has no class in either window and is not listed; AZ → BX is down (A beats X).
      { clientId: 'v', from: 'AZ', to: 'BX', direction: 'down' },
      { clientId: 'w', from: null, to: 'BY', direction: 'returned' },
    ]);
    expect(r).toMatchObject({ up: 1, down: 2, same: 1, new: 1, returned: 1, gone: 1 });
    expect(r.table[cell('AX')]![cell('BX')]).toBe(1);
    expect(r.table[cell('BY')]![cell('AX')]).toBe(1);
    expect(r.table[NONE]![cell('AY')]).toBe(1); // the 'new' and 'returned' row
    expect(r.table[NONE]![cell('BY')]).toBe(1);
    expect(r.table[cell('AX')]![NONE]).toBe(1); // the 'gone' column
    expect(r.table.flat().reduce((s, v) => s + v, 0)).toBe(7);
    expect(
      r.byManager.map((m) => [m.managerId, m.up, m.down, m.same, m.new, m.returned, m.gone]),
    ).toEqual([
      ['m1', 1, 1, 0, 0, 1, 0],
      ['m2', 0, 1, 1, 1, 0, 0],
      [null, 0, 0, 0, 0, 0, 1],
    ]);
    expect(r.byManager[1]!.table[cell('AZ')]![cell('BX')]).toBe(1);
  });

  it('builds the matrix and the migration from two windows of sales', () => {
    const monthly = (id: string, year: number, amount: number, months = 6): SaleRow[] =>
      Array.from({ length: months }, (_, m) => ({
        clientId: id,
        date: `${year}-0${m + 1}-10`,
        amount,
      }));
    const data = salesDataFromRows([
      ...monthly('big', 2023, 1000),
      { clientId: 'big', date: '2024-02-10', amount: 100 }, // 2024: one purchase, C (after 'mid') Z
      ...monthly('mid', 2023, 10),
      ...monthly('mid', 2024, 1000), // 2024: AX
      { clientId: 'fresh', date: '2024-03-01', amount: 5 }, // 2024 only: CZ
      { clientId: 'back', date: '2022-03-01', amount: 7 }, // bought in 2022, back in 2024: CZ
      { clientId: 'back', date: '2024-03-02', amount: 7 },
      ...monthly('free', 2023, 3000, 1), // 2023: A; 2024: a free item only, no revenue: gone
      { clientId: 'free', date: '2024-04-01', amount: 0 },
      { clientId: 'gift', date: '2024-04-01', amount: 0 }, // first purchase free: in no class
      { clientId: 'undone', date: '2024-04-01', amount: 50 }, // bought and returned: no class
      { clientId: 'undone', date: '2024-04-02', amount: -50 },
    ]);
    const h = (year: number) => ({ from: d(`${year}-01-01`), to: d(`${year}-06-30`) });
    const classes = (year: number) => matrixClasses(abc(data, h(year)), xyz(data, h(year)));
    const a = classes(2023);
    const b = classes(2024);
    const named = (classes: Uint8Array) =>
      Object.fromEntries(data.clientIds.map((id, c) => [id, MATRIX_CLASSES[classes[c]!] ?? null]));
    // 2023: big 6000 (A), free 3000 (before 6000/9060 = 0.66 → A, one purchase: Z), mid 60
    // (before 9000/9060 = 0.993 → C); big and mid monthly: X.
    expect(named(a)).toMatchObject({ big: 'AX', free: 'AZ', mid: 'CX', back: null });
    // 2024: mid 6000 → AX; big 100 (before 6000/6112) → CZ; back 7, fresh 5 → CZ; free, gift
    // and undone have no revenue in 2024: no class.
    expect(named(b)).toEqual({
      back: 'CZ',
      big: 'CZ',
      free: null,
      fresh: 'CZ',
      gift: null,
      mid: 'AX',
      undone: null,
    });
    const m = abcXyzMatrix(b, windowSums(data, h(2024)).revenue);
    expect(m.counts).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 3],
    ]);
    expect(m.revenue[2]![2]).toBe(112);
    const moved = migration(data.clientIds, a, b, (c) => isNewIn(data, c, h(2024)));
    expect(moved.clients.map((c) => [c.clientId, c.direction])).toEqual([
      ['back', 'returned'],
      ['big', 'down'],
      ['free', 'gone'],
      ['fresh', 'new'],
      ['mid', 'up'],
    ]);
    // Retention's "new" over the same window counts fresh, gift and undone (first purchase in
    // 2024); migration's new is the classed one of them, fresh.
    expect(moved).toMatchObject({ new: 1, returned: 1, gone: 1 });
    expect(retention(data, [h(2024)])[0]!.new).toBe(3);
  });
});
