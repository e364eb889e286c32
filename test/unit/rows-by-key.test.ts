/**
 * A sales chunk's rows by key (`RowsByKey`, how the planner finds a row repeating one earlier in
 * its chunk): keys that share their first hash, as a few in every chunk of 20,000 rows do, stay
 * apart; a key added again answers with its latest row, as the Map it replaced did; and real
 * keys of a chunk, hashed as the planner hashes them, find exactly the rows that repeat.
 */
import { describe, expect, it } from 'vitest';
import type { SaleImportOp } from '../../db/queries/import-write';
import { RowsByKey } from '../../electron/services/import/plan-sales';
import { keyHashes, saleKey, type KeyedSale } from '../../electron/services/import/seen-sales';

function sale(row: number, key: string, h1 = keyHashes(key)[0]): KeyedSale {
  const op = { row } as SaleImportOp;
  return { op, key, h1, h2: 1 };
}

describe('RowsByKey', () => {
  it('keeps keys that share a first hash apart', () => {
    const rows = new RowsByKey(10);
    // Every key hashed to the same place: each found by its text, past the others.
    const keys = ['a|2026-01-01|100|', 'b|2026-01-01|100|', 'c|2026-01-01|100|'];
    keys.forEach((key, i) => rows.add(sale(i + 2, key, 77)));
    keys.forEach((key, i) => expect(rows.get(sale(99, key, 77))).toBe(i + 2));
    expect(rows.get(sale(99, 'd|2026-01-01|100|', 77))).toBeUndefined();
    // The same text under another hash is another key (never the case for real keys).
    expect(rows.get(sale(99, keys[0]!, 78))).toBeUndefined();
  });

  it('answers with the latest row of a key added again', () => {
    const rows = new RowsByKey(4);
    rows.add(sale(2, 'x|2026-02-01|5|'));
    rows.add(sale(9, 'x|2026-02-01|5|'));
    expect(rows.get(sale(40, 'x|2026-02-01|5|'))).toBe(9);
  });

  it('finds the repeats among a chunk of real keys', () => {
    const n = 20_000;
    const rows = new RowsByKey(n);
    const seen = new Map<string, number>();
    let repeats = 0;
    for (let i = 0; i < n; i += 1) {
      // 3,000 clients, 30 days and 5 amounts: some keys come again, at random.
      const key = saleKey(`client-${(i * 7919) % 3000}`, {
        date: `2026-03-${String(1 + ((i * 31) % 30)).padStart(2, '0')}`,
        amount: 100 * ((i * 13) % 5),
        docNo: null,
      });
      const s = sale(i + 2, key);
      const found = rows.get(s);
      expect(found).toBe(seen.get(key));
      if (found === undefined) {
        rows.add(s);
        seen.set(key, i + 2);
      } else repeats += 1;
    }
    expect(repeats).toBeGreaterThan(1000);
    expect(seen.size).toBeGreaterThan(1000);
  });
});
