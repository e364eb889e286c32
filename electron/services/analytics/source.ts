/**
 * The analytics engine's input, read from the workbook in two queries: the live clients, then
 * every live sale, grouped in memory into {@link SalesData}. The engine never queries per client.
 */
import { dayFromIso } from '../../analytics/days';
import { SalesCollector, type SalesData } from '../../analytics/sales-data';
import { readAnalyticsSource } from '../../../db/queries/analytics-source';
import type { Workbook } from '../../../db/workbook';

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
    // Lines of one document come in a row: reuse the last client's key before asking the map.
    let lastId = '';
    let lastKey: number | undefined;
    for (const sale of sales) {
      const day = dayFromIso(sale[1]);
      if (sale[0] !== lastId) {
        lastId = sale[0];
        lastKey = collector.keyOf(lastId);
      }
      const client = lastKey;
      // A trashed client's sales leave the figures with it (and return when it is restored).
      if (Number.isNaN(day) || client === undefined) skippedSales++;
      else collector.addByKey(client, day, sale[2], sale[3]);
    }
    const data = collector.build();
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
  });
}
