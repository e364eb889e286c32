/**
 * The ids many rows written at once take (`idSequence`, `countingIds`): one fresh uuid v7, then
 * its last twelve hex digits counting up, exactly as SQL's `printf('%012x')` counts them where
 * a statement writes the rows itself (the same history read back from either must agree).
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import { countingIds, idSequence } from '../../db/queries/history';

const PREFIX = '01938a6e-1c2d-7e3f-8a4b-';
const sqlite = new Database(':memory:');
const printf = sqlite.prepare("SELECT ? || printf('%012x', ? % 281474976710656)").pluck();
const bySql = (n: number) => printf.get(PREFIX, BigInt(n)) as string;

it('counts across the four-digit boundary and the wrap of 2^48 as SQLite prints the numbers', () => {
  for (const from of [0, 65_530, 0xffff_fffe_fff0, 2 ** 48 - 3, 123_456_789_012]) {
    const next = countingIds(PREFIX, from);
    const ids = Array.from({ length: 40 }, () => next());
    expect(ids).toEqual(Array.from({ length: 40 }, (_, n) => bySql(from + n)));
  }
  // The wrap: after ffffffffffff comes 000000000000.
  const wrap = countingIds(PREFIX, 2 ** 48 - 1);
  expect([wrap(), wrap()]).toEqual([`${PREFIX}ffffffffffff`, `${PREFIX}000000000000`]);
});

it('a sequence gives its fresh id first, then that id counted up, each id unique', () => {
  const fresh = uuidv7();
  let calls = 0;
  const next = idSequence({ newId: () => (calls++, fresh) });
  const ids = Array.from({ length: 70_000 }, () => next());
  expect(calls).toBe(1);
  expect(ids[0]).toBe(fresh);
  const counter = Number.parseInt(fresh.slice(24), 16);
  expect(ids[69_999]).toBe(
    fresh.slice(0, 24) + ((counter + 69_999) % 2 ** 48).toString(16).padStart(12, '0'),
  );
  expect(new Set(ids).size).toBe(ids.length);
});
