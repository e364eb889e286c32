/**
 * The analytics engine's input, read from the workbook in two queries: the live clients, then
 * every live sale, grouped in memory into {@link SalesData}. The engine never queries per client.
 */
import { dayFromIso } from '../../analytics/days';
import { patchSalesData } from '../../analytics/patch';
import { SalesCollector, salesDataFromRows, type SalesData } from '../../analytics/sales-data';
import {
  clientsChangedSince,
  historyWatermark,
  liveClients,
  liveSalesOf,
  readAnalyticsSource,
  readSnapshotRow,
  watermarkHolds,
  type ClientTuple,
  type Watermark,
} from '../../../db/queries/analytics-source';
import type { Workbook } from '../../../db/workbook';
import { unpackSnapshot } from './snapshot';

/** Client attributes the analytics group by, aligned with `SalesData.clientIds`. */
export interface ClientLookup {
  externalId: (string | null)[];
  managerId: (string | null)[];
  channel: (string | null)[];
  createdAt: string[];
}

export interface AnalyticsSource {
  data: SalesData;
  clients: ClientLookup;
  /** Index of a client id in `data.clientIds`. */
  indexOf: ReadonlyMap<string, number>;
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
  const indexOf = new Map(data.clientIds.map((id, i) => [id, i]));
  const clients: ClientLookup = {
    externalId: new Array<string | null>(rows.length).fill(null),
    managerId: new Array<string | null>(rows.length).fill(null),
    channel: new Array<string | null>(rows.length).fill(null),
    createdAt: new Array<string>(rows.length).fill(''),
  };
  for (const [id, externalId, managerId, channel, createdAt] of rows) {
    const i = indexOf.get(id)!;
    clients.externalId[i] = externalId;
    clients.managerId[i] = managerId;
    clients.channel[i] = channel;
    clients.createdAt[i] = createdAt;
  }
  return { data, clients, indexOf, skippedSales };
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
 * The source from the workbook's stored snapshot, brought up to date: the clients named by the
 * history since the snapshot's watermark, and any client that is live now but not in it or the
 * other way round (a purge deletes history rows), get their sales read afresh. Null, for a full
 * load instead, when there is no usable snapshot (none, another layout, damaged, its watermark
 * row gone or replaced) or more than `limit` clients changed. `patched`: how many were read.
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
    const rows = liveClients(wb);
    const { data, skippedSales } = unpacked;
    const changed = new Set(clientsChangedSince(wb, row.changeRowid));
    const live = new Set<string>();
    for (const r of rows) live.add(r[0]);
    const known = new Set(data.clientIds);
    for (const id of live) if (!known.has(id)) changed.add(id);
    for (const id of known) if (!live.has(id)) changed.add(id);
    if (changed.size > limit) return null;
    let current = data;
    if (changed.size > 0) {
      const fresh = [...changed].filter((id) => live.has(id));
      const drop = new Set([...changed].filter((id) => !live.has(id)));
      current = patchSalesData(data, salesDataFromRows(liveSalesOf(wb, fresh), fresh), drop);
    }
    if (current.clientIds.length !== rows.length) return null;
    return { source: withClients(current, rows, skippedSales), watermark, patched: changed.size };
  });
}
