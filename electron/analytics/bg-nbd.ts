/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while
 * alive a client buys at a Poisson rate λ ~ Gamma(r, α) and after each purchase drops out with
 * probability p ~ Beta(a, b). Time is in weeks. Per client x = purchase days after the first,
 * t_x = weeks from the first to the last purchase, T = weeks from the first purchase to the end
 * of calibration.
 */
import type { Day } from './days';
import { upperBound, type SalesData } from './sales-data';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per client whose first purchase is on or before the calibration end; times in days. */
export interface BgNbdSummary {
  client: Int32Array;
  x: Int32Array;
  recencyDays: Int32Array;
  ageDays: Int32Array;
}

/**
 * x, t_x and T of each client from the purchase days on or before `calibrationEnd`.
 * T counts to `calibrationEnd` itself: with CDNOW's 1997-09-30 that reproduces the paper's
 * figures (T = 38.86 weeks for a first purchase on 1 January, not 39).
 */
export function bgNbdSummary(data: SalesData, calibrationEnd: Day): BgNbdSummary {
  const n = data.clientIds.length;
  const client = new Int32Array(n);
  const x = new Int32Array(n);
  const recencyDays = new Int32Array(n);
  const ageDays = new Int32Array(n);
  let k = 0;
  for (let c = 0; c < n; c++) {
    const s = data.start[c]!;
    const e = upperBound(data.day, s, data.start[c + 1]!, calibrationEnd);
    if (e === s) continue;
    const first = data.day[s]!;
    client[k] = c;
    x[k] = e - s - 1;
    recencyDays[k] = data.day[e - 1]! - first;
    ageDays[k] = calibrationEnd - first;
    k++;
  }
  return {
    client: client.slice(0, k),
    x: x.slice(0, k),
    recencyDays: recencyDays.slice(0, k),
    ageDays: ageDays.slice(0, k),
  };
}

/**
 * Clients with the same (x, t_x, T) share one likelihood term; and x, t_x, T each take few
 * distinct values, so the costly logs and gammas are computed per distinct value.
 */
export interface Aggregated {
  /** Per summary row: its group. */
  of: Int32Array;
  /** Per group: clients in it, and indices of its x, t_x and T among the distinct values. */
  weight: Float64Array;
  xOf: Int32Array;
  recencyOf: Int32Array;
  ageOf: Int32Array;
  /** Distinct values (times in weeks), and the clients having each x. */
  xs: Float64Array;
  weightOfX: Float64Array;
  recencies: Float64Array;
  ages: Float64Array;
}

/** Distinct values ascending, and each row's index among them (a dense table, no Map). */
function distinct(values: Int32Array): { values: Int32Array; indexOf: Int32Array } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const slot = new Int32Array(values.length === 0 ? 0 : max - min + 1).fill(-1);
  for (const v of values) slot[v - min] = 0;
  const list: number[] = [];
  for (let i = 0; i < slot.length; i++) if (slot[i] === 0) slot[i] = list.push(i + min) - 1;
  return { values: Int32Array.from(list), indexOf: values.map((v) => slot[v - min]!) };
}

export function aggregate(s: BgNbdSummary, unitDays = 7): Aggregated {
  const n = s.x.length;
  const xs = distinct(s.x);
  const rec = distinct(s.recencyDays);
  const age = distinct(s.ageDays);
  // One numeric key per row: (x, t_x, T) indices packed below 2^53; groups = distinct keys.
  const R = rec.values.length;
  const A = age.values.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (xs.indexOf[i]! * R + rec.indexOf[i]!) * A + age.indexOf[i]!;
  const sorted = key.slice().sort();
  let groups = 0;
  for (let i = 0; i < n; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[groups++] = sorted[i]!;
  const keys = sorted.subarray(0, groups);
  const of = new Int32Array(n);
  const weight = new Float64Array(groups);
  const weightOfX = new Float64Array(xs.values.length);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = groups - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key[i]!) lo = mid + 1;
      else hi = mid;
    }
    of[i] = lo;
    weight[lo]!++;
    weightOfX[xs.indexOf[i]!]!++;
  }
  const xOf = new Int32Array(groups);
  const recencyOf = new Int32Array(groups);
  const ageOf = new Int32Array(groups);
  keys.forEach((k, g) => {
    ageOf[g] = k % A;
    recencyOf[g] = Math.floor(k / A) % R;
    xOf[g] = Math.floor(k / A / R);
  });
  return {
    of,
    weight,
    xOf,
    recencyOf,
    ageOf,
    xs: Float64Array.from(xs.values),
    weightOfX,
    recencies: Float64Array.from(rec.values, (d) => d / unitDays),
    ages: Float64Array.from(age.values, (d) => d / unitDays),
  };
}
