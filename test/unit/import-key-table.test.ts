/**
 * The table a sales import finds each row's client in by its code or id (`KeyTable`): it must
 * answer exactly as a Map of the same keys does, through its growth, keys set again, keys that
 * share a prefix or differ in one character only, the empty key and non-ASCII ones.
 */
import { expect, it } from 'vitest';
import { KeyTable } from '../../electron/services/import/key-table';

it('answers every key as a Map does, through growth and keys set again', () => {
  const table = new KeyTable<number>();
  const map = new Map<string, number>();
  const keys: string[] = [''];
  for (let i = 0; i < 5000; i += 1) {
    keys.push(`К-${String(i).padStart(6, '0')}`, `C${i}`, `${i}`, `ключ ${i} ё`, `😀${i}`);
  }
  keys.forEach((key, i) => {
    table.set(key, i);
    map.set(key, i);
  });
  // Set again: the later value wins, the count stays.
  for (let i = 0; i < keys.length; i += 7) {
    table.set(keys[i]!, -i);
    map.set(keys[i]!, -i);
  }
  expect(table.size).toBe(map.size);
  for (const key of keys) expect(table.get(key), key).toBe(map.get(key));
  // Absent keys: a prefix, one more character, one character changed, another case.
  for (const absent of ['К-00000', 'К-0000000', 'К-000000 ', 'к-000001', 'C5000', '5000', '😀']) {
    expect(table.get(absent), absent).toBeUndefined();
  }
});

it('finds keys whose slots collide, each by its own characters', () => {
  // A table sized for few keys, given many that share most of their characters.
  const table = new KeyTable<string>(1);
  const keys = Array.from(
    { length: 3000 },
    (_, i) => `same-prefix-${i % 10}-${Math.floor(i / 10)}`,
  );
  for (const key of keys) table.set(key, key.toUpperCase());
  for (const key of keys) expect(table.get(key)).toBe(key.toUpperCase());
  expect(table.get('same-prefix-')).toBeUndefined();
});

it('tells keys apart by their characters when every key has the same hash', () => {
  const table = new KeyTable<number>(0, () => 42);
  const keys = ['ab', 'ba', 'abc', 'abd', 'a', '', 'К-1', 'К-2'];
  keys.forEach((key, i) => table.set(key, i));
  keys.forEach((key, i) => expect(table.get(key), key).toBe(i));
  expect(table.get('abe')).toBeUndefined();
  expect(table.get('b')).toBeUndefined();
});
