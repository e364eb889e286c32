/**
 * Client lists kept in rank order: built once by a sort, then kept current after a few clients
 * changed by taking those out and putting them back where their new values belong (binary
 * search), so the order of the others is never computed again. Ties go by client index.
 */

/** Rank order of `members` by `value`, descending when `descending`, ties by index ascending. */
export function rankBy(
  members: Int32Array,
  value: ArrayLike<number>,
  descending: boolean,
): Int32Array {
  const n = members.length;
  // Integer values small enough pack with the index into one exact number: a native sort then,
  // no comparator calls (most columns: days, counts, amounts in kopecks).
  let packable = true;
  let max = 0;
  for (let i = 0; i < n && packable; i++) {
    const v = value[members[i]!]!;
    packable = Number.isInteger(v);
    if (Math.abs(v) > max) max = Math.abs(v);
  }
  const span = value.length + 1;
  if (packable && (2 * max + 1) * span < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    const sign = descending ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const c = members[i]!;
      keys[i] = (sign * value[c]! + max) * span + c;
    }
    keys.sort();
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = keys[i]! % span;
    return out;
  }
  const sign = descending ? -1 : 1;
  return members.slice().sort((x, y) => sign * (value[x]! - value[y]!) || x - y);
}

/**
 * `order` (of old indices) with every client mapped to its new index (`newOf[old]`, −1 when
 * gone), the `changed` ones (flags by new index) taken out, and `inserted` (new indices)
 * put back in rank order by their current `value`.
 */
export function reRank(
  order: Int32Array,
  newOf: Int32Array | null,
  changed: Uint8Array,
  inserted: readonly number[],
  value: ArrayLike<number>,
  descending: boolean,
): Int32Array {
  const out = new Int32Array(order.length + inserted.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const c = newOf ? newOf[order[i]!]! : order[i]!;
    if (c >= 0 && changed[c] === 0) out[n++] = c;
  }
  const sign = descending ? -1 : 1;
  const before = (x: number, y: number) => {
    const d = sign * (value[x]! - value[y]!);
    return d < 0 || (d === 0 && x < y);
  };
  for (const c of inserted) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(out[mid]!, c)) lo = mid + 1;
      else hi = mid;
    }
    out.copyWithin(lo + 1, lo, n);
    out[lo] = c;
    n++;
  }
  return out.slice(0, n);
}
