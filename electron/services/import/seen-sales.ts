/**
 * Which rows of a sales file repeat an earlier row, in memory that does not grow with the file:
 * a Bloom filter of fixed size says "surely new" for almost every row, and only the few rows it
 * cannot clear are looked up exactly, once per chunk: in the sales the run has written so far
 * (a run writes each chunk before it reads the next), or for a check, which writes nothing, in
 * a temporary table of the rows' keys (SQLite keeps it on disk beyond its page cache).
 */
import { liveSalesOn } from '../../../db/queries/import-reads';
import { seenKeysTable } from '../../../db/queries/import-seen';
import type { SaleImportOp, SaleImportValues } from '../../../db/queries/import-write';
import type { Workbook } from '../../../db/workbook';

export function saleKey(clientId: string, v: SaleImportValues): string {
  return `${clientId}|${v.date}|${v.amount}|${v.docNo ?? ''}`;
}

/** A row's sale with its key and the two hashes of the key (`keyHashes`), made once. */
export interface KeyedSale {
  op: SaleImportOp;
  key: string;
  h1: number;
  h2: number;
}

export interface SeenSales {
  /** Of these rows, those that repeat a row of an earlier chunk: key → that row (0: unknown). */
  earlier(rows: readonly KeyedSale[]): Map<string, number>;
  /** A row that will be written as a new sale. */
  add(row: KeyedSale): void;
  close(): void;
}

/** 2^25 bits (4 MB): one false "maybe" in ~1,700 rows at a million rows, still few at ten. */
const BITS = 1 << 25;

class Bloom {
  private readonly words = new Uint32Array(BITS / 32);

  add(h1: number, h2: number): void {
    for (let i = 0, bit = h1; i < 3; i += 1, bit = (bit + h2) & MASK) {
      this.words[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  maybe(h1: number, h2: number): boolean {
    for (let i = 0, bit = h1; i < 3; i += 1, bit = (bit + h2) & MASK) {
      if ((this.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const MASK = BITS - 1;

/**
 * Two FNV-1a hashes of a key, for its three bit positions (h1, h1 + h2, h1 + 2·h2: double
 * hashing); made once per row, then used to ask the filter and to add to it.
 */
export function keyHashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [a & MASK, b | 1];
}

/** For a run: the rows of earlier chunks are sales in the workbook written after `before`. */
export function seenInWrittenSales(wb: Workbook, before: number): SeenSales {
  const bloom = new Bloom();
  return {
    earlier(rows) {
      const out = new Map<string, number>();
      const maybe = rows.filter((r) => bloom.maybe(r.h1, r.h2));
      if (maybe.length === 0) return out;
      const pairs = new Map(maybe.map((r) => [`${r.op.clientId} ${r.op.values.date}`, r.op]));
      const found = liveSalesOn(
        wb,
        [...pairs.values()].map((op) => [op.clientId, op.values.date]),
        { after: before },
      );
      // The run reports only how many rows repeat others, not which row they repeat.
      for (const [, clientId, date, amount, docNo] of found) {
        out.set(saleKey(clientId, { date, amount, docNo }), 0);
      }
      return out;
    },
    add: (row) => bloom.add(row.h1, row.h2),
    close: () => undefined,
  };
}

/** For a check: the keys of the rows that would be written, in a temporary table. */
export function seenInTempTable(wb: Workbook): SeenSales {
  const bloom = new Bloom();
  const table = seenKeysTable(wb);
  return {
    earlier(rows) {
      const maybe = rows.filter((r) => bloom.maybe(r.h1, r.h2)).map((r) => r.key);
      return maybe.length === 0 ? new Map() : table.find(maybe);
    },
    add(row) {
      bloom.add(row.h1, row.h2);
      table.add(row.key, row.op.row);
    },
    close: () => table.drop(),
  };
}
