import { describe, expect, it } from 'vitest';
import { abc } from '../../electron/analytics/abc';
import { dayFromIso } from '../../electron/analytics/days';
import {
  abcXyzMatrix,
  MATRIX_CLASSES,
  matrixClasses,
  migration,
  NONE,
} from '../../electron/analytics/migration';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';
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
    const ids = ['p', 'q', 'r', 's', 't', 'u', 'v'];
    const from = Uint8Array.from([
      cell('AX'),
      cell('BY'),
      cell('CZ'),
      NONE,
      cell('AX'),
      NONE,
      cell('AZ'),
    ]);
    const to = Uint8Array.from([
      cell('BX'),
      cell('AX'),
      cell('CZ'),
      cell('AY'),
      NONE,
      NONE,
      cell('BX'),
    ]);
    const managers = ['m1', 'm1', 'm2', 'm2', null, 'm1', 'm2'];
    const r = migration(ids, from, to, managers);
    expect(r.clients).toEqual([
      { clientId: 'p', from: 'AX', to: 'BX', direction: 'down' },
      { clientId: 'q', from: 'BY', to: 'AX', direction: 'up' },
      { clientId: 'r', from: 'CZ', to: 'CZ', direction: 'same' },
      { clientId: 's', from: null, to: 'AY', direction: 'new' },
      { clientId: 't', from: 'AX', to: null, direction: 'gone' },
      // u has no class in either window and is not listed; AZ → BX is down (A beats X).
      { clientId: 'v', from: 'AZ', to: 'BX', direction: 'down' },
    ]);
    expect(r).toMatchObject({ up: 1, down: 2, same: 1, new: 1, gone: 1 });
    expect(r.table[cell('AX')]![cell('BX')]).toBe(1);
    expect(r.table[cell('BY')]![cell('AX')]).toBe(1);
    expect(r.table[NONE]![cell('AY')]).toBe(1); // the 'new' row
    expect(r.table[cell('AX')]![NONE]).toBe(1); // the 'gone' column
    expect(r.table.flat().reduce((s, v) => s + v, 0)).toBe(6);
    expect(r.byManager.map((m) => [m.managerId, m.up, m.down, m.same, m.new, m.gone])).toEqual([
      ['m1', 1, 1, 0, 0, 0],
      ['m2', 0, 1, 1, 1, 0],
      [null, 0, 0, 0, 0, 1],
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
    ]);
    const h = (year: number) => ({ from: d(`${year}-01-01`), to: d(`${year}-06-30`) });
    const classes = (year: number) => matrixClasses(abc(data, h(year)), xyz(data, h(year)));
    const a = classes(2023);
    const b = classes(2024);
    // 2023: big 6000 (A), mid 60 (share before 6000/6060 = 0.99 → C), both monthly: X.
    expect(Array.from(a, (k) => MATRIX_CLASSES[k] ?? null)).toEqual(['AX', null, 'CX']);
    // 2024: mid 6000 → AX; big 100 (before 6000/6105 = 0.983) → CZ; fresh 5 → CZ.
    expect(Array.from(b, (k) => MATRIX_CLASSES[k] ?? null)).toEqual(['CZ', 'CZ', 'AX']);
    const m = abcXyzMatrix(b, windowSums(data, h(2024)).revenue);
    expect(m.counts).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 2],
    ]);
    expect(m.revenue[2]![2]).toBe(105);
    const moved = migration(data.clientIds, a, b);
    expect(moved.clients.map((c) => [c.clientId, c.direction])).toEqual([
      ['big', 'down'],
      ['fresh', 'new'],
      ['mid', 'up'],
    ]);
  });
});
