/**
 * The engine's one input: every client's purchase days in flat typed arrays (CSR layout), built
 * once from the sales rows. Analytics then loop over integers instead of allocating per sale.
 *
 * A purchase day is the net of all of a client's sales on one calendar date. A date whose sales
 * are all returns (negative amounts) is no purchase: it is kept apart as an adjustment, which
 * counts in the revenue and margin sums of the window it falls in but not as a visit (frequency,
 * first and last purchase, activity). A date with any non-negative sale (a free item at zero, an
 * exchange) is a purchase day, even when its net is negative.
 */
import { dayFromIso, type Day, type DayWindow } from './days';

export interface SalesData {
  /** Client ids in ascending order; the index is the client's key and breaks ranking ties. */
  readonly clientIds: readonly string[];
  /** Purchase days of client `c` are indices start[c] ≤ i < start[c + 1]; length clients + 1. */
  readonly start: Int32Array;
  /** Purchase day numbers, ascending within each client. */
  readonly day: Int32Array;
  /** Net amount of each purchase day (minor units; negative when returns outweigh it). */
  readonly revenue: Float64Array;
  /** Sum of the known margins of the day's sales. */
  readonly margin: Float64Array;
  /** Amount of the day's sales whose margin is known (the margin share's denominator). */
  readonly marginRevenue: Float64Array;
  /** Adjustment days (returns only), the same layout as the purchase days. */
  readonly adjStart: Int32Array;
  readonly adjDay: Int32Array;
  readonly adjRevenue: Float64Array;
  readonly adjMargin: Float64Array;
  readonly adjMarginRevenue: Float64Array;
}

/** One sale for {@link salesDataFromRows}. */
export interface SaleRow {
  clientId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  amount: number;
  margin?: number | null;
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Collects sales one by one into growing typed arrays, then builds {@link SalesData}. The
 * workbook loader and the tests (CDNOW) share it, so both go through the same grouping.
 */
export class SalesCollector {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private client = new Int32Array(1024);
  private days = new Int32Array(1024);
  private amount = new Float64Array(1024);
  private margin = new Float64Array(1024);
  private length = 0;

  /** Registers a client, so one without sales still gets an (empty) slot; returns its key. */
  addClient(id: string): number {
    let k = this.index.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.index.set(id, k);
      this.ids.push(id);
    }
    return k;
  }

  /** The key of a registered client. */
  keyOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Adds a sale; `margin` null when unknown. */
  add(clientId: string, day: Day, amount: number, margin: number | null): void {
    this.addByKey(this.addClient(clientId), day, amount, margin);
  }

  /** Adds a sale of the client with key `client` (from {@link addClient} or {@link keyOf}). */
  addByKey(client: number, day: Day, amount: number, margin: number | null): void {
    const n = this.length;
    if (n === this.client.length) {
      this.client = grow(this.client, n + 1);
      this.days = grow(this.days, n + 1);
      this.amount = grow(this.amount, n + 1);
      this.margin = grow(this.margin, n + 1);
    }
    this.client[n] = client;
    this.days[n] = day;
    this.amount[n] = amount;
    this.margin[n] = margin ?? NaN;
    this.length = n + 1;
  }

  build(): SalesData {
    return groupSales(this.ids, this.client, this.days, this.amount, this.margin, this.length);
  }
}

/** Builds {@link SalesData} from plain rows (tests, imports); rows with a bad date are skipped. */
export function salesDataFromRows(
  rows: readonly SaleRow[],
  clientIds: readonly string[] = [],
): SalesData {
  const collector = new SalesCollector();
  for (const id of clientIds) collector.addClient(id);
  for (const r of rows) {
    const day = dayFromIso(r.date);
    if (Number.isFinite(day)) collector.add(r.clientId, day, r.amount, r.margin ?? null);
  }
  return collector.build();
}

/**
 * Groups sales by client (ids ascending) and date: a counting sort by client, a sort by day
 * within each client (skipped when already in order), then one merge pass per calendar date.
 */
function groupSales(
  ids: readonly string[],
  client: Int32Array,
  days: Int32Array,
  amount: Float64Array,
  margin: Float64Array,
  n: number,
): SalesData {
  const clients = ids.length;
  const byId = Array.from({ length: clients }, (_, i) => i).sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(clients);
  for (let r = 0; r < clients; r++) rank[byId[r]!] = r;

  const offset = new Int32Array(clients + 1);
  for (let i = 0; i < n; i++) offset[rank[client[i]!]! + 1]!++;
  for (let c = 0; c < clients; c++) offset[c + 1]! += offset[c]!;
  const order = new Int32Array(n);
  const fill = offset.slice(0, clients);
  for (let i = 0; i < n; i++) order[fill[rank[client[i]!]!]!++] = i;

  const byDay = (a: number, b: number) => days[a]! - days[b]!;
  for (let c = 0; c < clients; c++) {
    const s = offset[c]!;
    const e = offset[c + 1]!;
    let sorted = true;
    for (let i = s + 1; i < e && sorted; i++) sorted = days[order[i]!]! >= days[order[i - 1]!]!;
    if (!sorted) order.subarray(s, e).sort(byDay);
  }

  const buy = new DayArrays(clients, n);
  const adj = new DayArrays(clients, 0);
  for (let c = 0; c < clients; c++) {
    buy.start[c] = buy.length;
    adj.start[c] = adj.length;
    let i = offset[c]!;
    const e = offset[c + 1]!;
    while (i < e) {
      const d = days[order[i]!]!;
      let rev = 0;
      let mar = 0;
      let marRev = 0;
      let bought = false;
      for (; i < e && days[order[i]!]! === d; i++) {
        const k = order[i]!;
        rev += amount[k]!;
        bought ||= amount[k]! >= 0;
        if (!Number.isNaN(margin[k]!)) {
          mar += margin[k]!;
          marRev += amount[k]!;
        }
      }
      (bought ? buy : adj).push(d, rev, mar, marRev);
    }
  }
  buy.start[clients] = buy.length;
  adj.start[clients] = adj.length;
  return {
    clientIds: Array.from(byId, (k) => ids[k]!),
    start: buy.start,
    day: buy.day.slice(0, buy.length),
    revenue: buy.revenue.slice(0, buy.length),
    margin: buy.margin.slice(0, buy.length),
    marginRevenue: buy.marginRevenue.slice(0, buy.length),
    adjStart: adj.start,
    adjDay: adj.day.slice(0, adj.length),
    adjRevenue: adj.revenue.slice(0, adj.length),
    adjMargin: adj.margin.slice(0, adj.length),
    adjMarginRevenue: adj.marginRevenue.slice(0, adj.length),
  };
}

/** Growing columns of merged days. */
class DayArrays {
  readonly start: Int32Array;
  day: Int32Array;
  revenue: Float64Array;
  margin: Float64Array;
  marginRevenue: Float64Array;
  length = 0;

  constructor(clients: number, capacity: number) {
    this.start = new Int32Array(clients + 1);
    const size = Math.max(capacity, 16);
    this.day = new Int32Array(size);
    this.revenue = new Float64Array(size);
    this.margin = new Float64Array(size);
    this.marginRevenue = new Float64Array(size);
  }

  push(day: Day, revenue: number, margin: number, marginRevenue: number) {
    const n = this.length;
    if (n === this.day.length) {
      this.day = grow(this.day, n + 1);
      this.revenue = grow(this.revenue, n + 1);
      this.margin = grow(this.margin, n + 1);
      this.marginRevenue = grow(this.marginRevenue, n + 1);
    }
    this.day[n] = day;
    this.revenue[n] = revenue;
    this.margin[n] = margin;
    this.marginRevenue[n] = marginRevenue;
    this.length = n + 1;
  }
}

/** Index of client `id` among the ascending `ids` (a SalesData's `clientIds`), −1 when absent. */
export function indexOfId(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return ids[lo] === id ? lo : -1;
}

/** First index in [lo, hi) whose value is ≥ `value` (hi when none). */
export function lowerBound(a: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose value is > `value` (hi when none). */
export function upperBound(a: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Client `c`'s last purchase day on or before `d`, or NaN when it had none by then. */
export function lastPurchaseBy(data: SalesData, c: number, d: Day): Day {
  const s = data.start[c]!;
  const i = upperBound(data.day, s, data.start[c + 1]!, d);
  return i > s ? data.day[i - 1]! : NaN;
}

/**
 * Whether client `c` is new in `window`: its first purchase day ever falls within it (bounds
 * inclusive). The one definition of a new client, for retention and migration alike.
 */
export function isNewIn(data: SalesData, c: number, window: DayWindow): boolean {
  const s = data.start[c]!;
  if (s === data.start[c + 1]!) return false;
  const first = data.day[s]!;
  return first >= window.from && first <= window.to;
}
