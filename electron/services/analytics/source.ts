/**
 * The analytics engine's input, read from the workbook in two queries: the live clients, then
 * every live sale, grouped in memory into {@link SalesData}. The engine never queries per client.
 */
import { dayFromIso } from '../../analytics/days';
import { patchSalesData } from '../../analytics/patch';
import {
  indexOfId,
  SalesCollector,
  salesDataFromRows,
  type SalesData,
} from '../../analytics/sales-data';
import {
  clientsChangedSince,
  clientTuplesOf,
  historyWatermark,
  liveClientIds,
  liveSalesOf,
  readAnalyticsSource,
  readSnapshotRow,
  watermarkHolds,
  type ChangedClientTuple,
  type ClientTuple,
  type Watermark,
} from '../../../db/queries/analytics-source';
import type { Workbook } from '../../../db/workbook';
import { unpackSnapshot, type ClientAttributes } from './snapshot';

/** Client attributes the analytics group by, aligned with `SalesData.clientIds`. */
export type ClientLookup = ClientAttributes;

/**
 * Where a client id stands in the ascending `SalesData.clientIds`: by binary search for the few
 * look-ups a figure's rows make, by a map built at the first of many (a map of every id costs
 * tens of ms on 50,000 clients, too much to build at every load for nothing).
 */
export class ClientIndex {
  private map: Map<string, number> | null = null;
  private asked = 0;

  constructor(private readonly ids: readonly string[]) {}

  get(id: string): number | undefined {
    if (!this.map && ++this.asked > FEW_LOOKUPS) {
      this.map = new Map(this.ids.map((key, i) => [key, i]));
    }
    if (this.map) return this.map.get(id);
    const i = indexOfId(this.ids, id);
    return i < 0 ? undefined : i;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/** Look-ups by binary search before {@link ClientIndex} builds its map. */
const FEW_LOOKUPS = 64;

export interface AnalyticsSource {
  data: SalesData;
  clients: ClientLookup;
  /** Index of a client id in `data.clientIds`. */
  indexOf: ClientIndex;
  /** Live sales left out: of a client in the trash, or with a malformed date. */
  skippedSales: number;
}

/**
 * Reads the live clients (all of them, buyers or not) and their live sales in one read
 * transaction, so both come from the same snapshot.
 */
export function loadSalesData(wb: Workbook): AnalyticsSource {
  return readAnalyticsSource(wb, (rows, sales) => {
    const collector = new SalesCollector();
    for (const row of rows) collector.addClient(row[0]);
    let skippedSales = 0;
    // Lines of one document come in a row: reuse the last client's key before asking the map,
    // and the last date's day number before parsing it.
    let lastId = '';
    let lastKey: number | undefined;
    let lastDate = '';
    let day = NaN;
    for (const sale of sales) {
      if (sale[1] !== lastDate) {
        lastDate = sale[1];
        day = dayFromIso(lastDate);
      }
      if (sale[0] !== lastId) {
        lastId = sale[0];
        lastKey = collector.keyOf(lastId);
      }
      const client = lastKey;
      // A trashed client's sales leave the figures with it (and return when it is restored).
      if (Number.isNaN(day) || client === undefined) skippedSales++;
      else collector.addByKey(client, day, sale[2], sale[3]);
    }
    return withClients(collector.build(), rows, skippedSales);
  });
}

/** The source of `data` with the attributes of its clients (`rows` holds every one of them). */
function withClients(data: SalesData, rows: ClientTuple[], skippedSales: number): AnalyticsSource {
  const indexOf = new ClientIndex(data.clientIds);
  const clients: ClientLookup = {
    externalId: new Array<string | null>(rows.length).fill(null),
    managerId: new Array<string | null>(rows.length).fill(null),
    channel: new Array<string | null>(rows.length).fill(null),
  };
  for (const [id, externalId, managerId, channel] of rows) {
    const i = indexOf.get(id)!;
    clients.externalId[i] = externalId;
    clients.managerId[i] = managerId;
    clients.channel[i] = channel;
  }
  return { data, clients, indexOf, skippedSales };
}

/**
 * `source` with the clients `ids` read afresh: their sales and attributes when they are live,
 * dropped when they are in the trash or gone. Unchanged clients keep what they had.
 */
export function patchSource(
  wb: Workbook,
  source: AnalyticsSource,
  ids: readonly string[],
): AnalyticsSource {
  const liveRows = clientTuplesOf(wb, [...ids]).filter((r) => r[4] === null);
  const liveIds = liveRows.map((r) => r[0]);
  const liveSet = new Set(liveIds);
  const drop = new Set(ids.filter((id) => !liveSet.has(id)));
  const fresh = salesDataFromRows(liveSalesOf(wb, liveIds), liveIds);
  const data = patchSalesData(source.data, fresh, drop);
  return { ...source, data, ...lookups(data, source, liveRows) };
}

/** Client attributes aligned with the patched data: unchanged ones copied, changed ones fresh. */
function lookups(
  data: SalesData,
  old: AnalyticsSource,
  changed: readonly ChangedClientTuple[],
): { clients: ClientLookup; indexOf: ClientIndex } {
  const n = data.clientIds.length;
  // The same clients as before (a sale, an edit): only the changed rows are written, in place.
  if (n === old.data.clientIds.length && changed.every((r) => old.indexOf.has(r[0]))) {
    for (const row of changed) {
      const i = old.indexOf.get(row[0])!;
      old.clients.externalId[i] = row[1];
      old.clients.managerId[i] = row[2];
      old.clients.channel[i] = row[3];
    }
    return { clients: old.clients, indexOf: old.indexOf };
  }
  const fresh = new Map(changed.map((r) => [r[0], r]));
  const clients: ClientLookup = {
    externalId: new Array<string | null>(n),
    managerId: new Array<string | null>(n),
    channel: new Array<string | null>(n),
  };
  for (let i = 0; i < n; i++) {
    const id = data.clientIds[i]!;
    const row = fresh.get(id);
    if (row) {
      clients.externalId[i] = row[1];
      clients.managerId[i] = row[2];
      clients.channel[i] = row[3];
    } else {
      const k = old.indexOf.get(id)!;
      clients.externalId[i] = old.clients.externalId[k] ?? null;
      clients.managerId[i] = old.clients.managerId[k] ?? null;
      clients.channel[i] = old.clients.channel[k] ?? null;
    }
  }
  return { clients, indexOf: new ClientIndex(data.clientIds) };
}

export interface LoadedSource {
  source: AnalyticsSource;
  /** The change history's last row when the source was read: what it is current up to. */
  watermark: Watermark;
}

/** {@link loadSalesData} with the history's watermark read in the same transaction. */
export function loadWithWatermark(wb: Workbook): LoadedSource {
  return wb.read(() => ({ watermark: historyWatermark(wb), source: loadSalesData(wb) }));
}

/**
 * The ids in one of the two ascending lists and not in the other, by walking both: equal ids (all
 * of them but a few) are compared for equality only, never hashed. Should the two orders ever
 * disagree (SQLite sorts bytes, JavaScript UTF-16 units: only for ids beyond the ASCII ones), an id
 * in both may come out as a difference, which only reads that client afresh; one in one list only
 * always does.
 */
function differences(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      i += 1;
      j += 1;
    } else if (x < y) {
      out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  for (; i < a.length; i++) out.push(a[i]!);
  for (; j < b.length; j++) out.push(b[j]!);
  return out;
}

/**
 * The source from the workbook's stored snapshot, brought up to date: the clients named by the
 * history since the snapshot's watermark, and any client that is live now but not in it or the
 * other way round (a purge deletes history rows), get their sales and attributes read afresh.
 * The live clients are only listed (their ids, from an index), never read whole. Null, for a
 * full load instead, when there is no usable snapshot (none, another layout, damaged, its
 * watermark row gone or replaced) or more than `limit` clients changed. `patched`: how many were
 * read.
 */
export function loadFromSnapshot(
  wb: Workbook,
  limit: number,
): (LoadedSource & { patched: number }) | null {
  return wb.read(() => {
    const row = readSnapshotRow(wb);
    const unpacked = row && unpackSnapshot(row);
    if (!row || !unpacked) return null;
    if (!watermarkHolds(wb, { rowid: row.changeRowid, id: row.changeId })) return null;
    const watermark = historyWatermark(wb);
    const { data, clients, skippedSales } = unpacked;
    const changed = new Set(clientsChangedSince(wb, row.changeRowid));
    const live = liveClientIds(wb);
    for (const id of differences(data.clientIds, live)) changed.add(id);
    if (changed.size > limit) return null;
    let source: AnalyticsSource = {
      data,
      clients,
      indexOf: new ClientIndex(data.clientIds),
      skippedSales,
    };
    if (changed.size > 0) source = patchSource(wb, source, [...changed]);
    if (source.data.clientIds.length !== live.length) return null;
    return { source, watermark, patched: changed.size };
  });
}
