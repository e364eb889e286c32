/**
 * RFM split into what each client's purchases say (recency, frequency, monetary: its own
 * columns) and the three rank orders the quintile scores come from, so the live dashboard
 * re-ranks only the clients that changed. Gives exactly {@link rfm}'s result.
 */
import type { Day } from './days';
import { rankBy } from './ranked';
import { RFM_SEGMENTS, segmentIndex, type RfmResult } from './rfm';
import { upperBound, type SalesData } from './sales-data';

export interface RfmColumns {
  /** −1 for a client with no purchase by asOf (not ranked). */
  recency: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
}

/** The ranked clients, worst first, by recency (older first), frequency and monetary. */
export interface RfmOrders {
  r: Int32Array;
  f: Int32Array;
  m: Int32Array;
}

export function rfmColumns(data: SalesData, asOf: Day): RfmColumns {
  const n = data.clientIds.length;
  const recency = new Int32Array(n).fill(-1);
  const frequency = new Int32Array(n);
  const monetary = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const s = data.start[c]!;
    const e = upperBound(data.day, s, data.start[c + 1]!, asOf);
    if (e === s) continue;
    let rev = 0;
    for (let i = s; i < e; i++) rev += data.revenue[i]!;
    for (let i = data.adjStart[c]!; i < data.adjStart[c + 1]!; i++)
      if (data.adjDay[i]! <= asOf) rev += data.adjRevenue[i]!;
    recency[c] = asOf - data.day[e - 1]!;
    frequency[c] = e - s;
    monetary[c] = rev;
  }
  return { recency, frequency, monetary };
}

export function rfmMembers(columns: RfmColumns): Int32Array {
  const list: number[] = [];
  for (let c = 0; c < columns.frequency.length; c++) if (columns.frequency[c]! > 0) list.push(c);
  return Int32Array.from(list);
}

export function rfmOrders(columns: RfmColumns): RfmOrders {
  const members = rfmMembers(columns);
  return {
    r: rankBy(members, columns.recency, true),
    f: rankBy(members, columns.frequency, false),
    m: rankBy(members, columns.monetary, false),
  };
}

function scores(order: Int32Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const k = order.length;
  for (let i = 0; i < k; i++) out[order[i]!] = Math.floor((i * 5) / k) + 1;
  return out;
}

export function rfmFromRanked(asOf: Day, columns: RfmColumns, orders: RfmOrders): RfmResult {
  const n = columns.frequency.length;
  const r = scores(orders.r, n);
  const f = scores(orders.f, n);
  const m = scores(orders.m, n);
  const segment = new Int8Array(n).fill(-1);
  const segments = RFM_SEGMENTS.map((rule) => ({ segment: rule.segment, clients: 0, revenue: 0 }));
  const grid = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  // Members in index order, as rfm() sums them (the revenue sums then match to the last bit).
  for (let c = 0; c < n; c++) {
    if (columns.frequency[c] === 0) continue;
    const k = segmentIndex(r[c]!, f[c]!);
    segment[c] = k;
    segments[k]!.clients++;
    segments[k]!.revenue += columns.monetary[c]!;
    grid[r[c]! - 1]![f[c]! - 1]!++;
  }
  const { recency, frequency, monetary } = columns;
  return { asOf, recency, frequency, monetary, r, f, m, segment, segments, grid };
}
