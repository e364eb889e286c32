/**
 * Which rows of a sales file repeat an earlier row, in memory bounded whatever the file's
 * length: a Bloom filter of fixed size says "surely new" for almost every row, and only the few
 * rows it cannot clear are looked up exactly, once per chunk: in the sales the run has written
 * so far (a run writes each chunk before it reads the next), or for a check and the planner
 * thread of a large run, which write nothing, in the rows' keys they keep: in typed arrays up to
 * a bound, beyond it in a temporary table (SQLite keeps it on disk beyond its page cache).
 */
import { liveSalesOn } from '../../../db/queries/import-reads';
import { seenKeysTable, type SeenKeys } from '../../../db/queries/import-seen';
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

/**
 * For a check, and for the planner thread of a large run, which write nothing to read back: the
 * keys of the rows that would be written, in memory (`KeysInMemory`) up to a bound, beyond it
 * in a temporary table (SQLite keeps it on disk past its page cache). A row in that table cost
 * some 3 µs to add, most of a check's time beside the parse; one in memory, a tenth of that.
 */
export function seenInTempTable(
  wb: Workbook,
  bound: { rows: number; chars: number } = KEYS_IN_MEMORY,
): SeenSales {
  const bloom = new Bloom();
  const memory = new KeysInMemory(bound.rows, bound.chars);
  let table: SeenKeys | null = null;
  return {
    earlier(rows) {
      const maybe = rows.filter((r) => bloom.maybe(r.h1, r.h2));
      const out = new Map<string, number>();
      if (maybe.length === 0) return out;
      const rest: string[] = [];
      for (const r of maybe) {
        const row = memory.get(r.key, r.h1);
        if (row === undefined) rest.push(r.key);
        else out.set(r.key, row);
      }
      // A key is in one of the two: added again, it stays where it was first added.
      if (table && rest.length > 0) for (const [key, row] of table.find(rest)) out.set(key, row);
      return out;
    },
    add(row) {
      bloom.add(row.h1, row.h2);
      if (!memory.add(row.key, row.h1, row.op.row)) {
        (table ??= seenKeysTable(wb)).add(row.key, row.op.row);
      }
    },
    close: () => table?.drop(),
  };
}

/**
 * How many keys a check holds in memory before the rest go to its temporary table: about 130 MB
 * at most for a million and a half rows of 1C keys (a client id, a day, an amount, a number).
 */
const KEYS_IN_MEMORY = { rows: 1_500_000, chars: 64 * 1024 * 1024 };

/**
 * Keys and their rows in typed arrays: the keys' characters one after the other, an
 * open-addressing table of places probed from the key's hash, a key compared whole only where
 * the hash matches. Nothing in it is an object for the collector to walk, and it refuses a key
 * once full (`add` returns false) rather than grow past its bound.
 */
export class KeysInMemory {
  private slots = new Int32Array(1 << 16);
  private hashes = new Int32Array(1 << 15);
  private rows = new Int32Array(1 << 15);
  /** Where each key's characters start in `chars`; the next key's start ends them. */
  private starts = new Int32Array((1 << 15) + 1);
  private chars = new Uint16Array(1 << 20);
  private count = 0;

  constructor(
    private readonly maxRows: number,
    private readonly maxChars: number,
  ) {}

  get size(): number {
    return this.count;
  }

  get(key: string, hash: number): number | undefined {
    const slot = this.slots[this.find(key, hash)]!;
    return slot === 0 ? undefined : this.rows[slot - 1];
  }

  /** Records `row` for `key` (in place of an earlier one); false when the key does not fit. */
  add(key: string, hash: number, row: number): boolean {
    const at = this.find(key, hash);
    const slot = this.slots[at]!;
    if (slot !== 0) {
      this.rows[slot - 1] = row;
      return true;
    }
    const start = this.starts[this.count]!;
    if (this.count >= this.maxRows || start + key.length > this.maxChars) return false;
    if (this.count === this.hashes.length) this.growEntries();
    while (start + key.length > this.chars.length) this.chars = grown(this.chars);
    for (let i = 0; i < key.length; i += 1) this.chars[start + i] = key.charCodeAt(i);
    this.hashes[this.count] = hash;
    this.rows[this.count] = row;
    this.starts[this.count + 1] = start + key.length;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.growSlots();
    else this.slots[at] = this.count;
    return true;
  }

  /** The slot of `key`: where it is, or the empty one where it would go. */
  private find(key: string, hash: number): number {
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot === 0 || (hashes[slot - 1] === hash && this.same(slot - 1, key))) return at;
    }
  }

  private same(entry: number, key: string): boolean {
    const start = this.starts[entry]!;
    if (this.starts[entry + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i += 1) {
      if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    }
    return true;
  }

  private growEntries(): void {
    this.hashes = grown(this.hashes);
    this.rows = grown(this.rows);
    const starts = new Int32Array(this.hashes.length + 1);
    starts.set(this.starts);
    this.starts = starts;
  }

  /** Twice the slots, every key placed again (the new one among them). */
  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry += 1) {
      let at = this.hashes[entry]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint16Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}
