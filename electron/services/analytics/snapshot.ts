/**
 * The analytics input packed for the workbook's `analytics_snapshot` row: every column of
 * {@link SalesData} laid end to end in one buffer behind a small header (magic, layout version,
 * lengths, a checksum), the client ids one per line beside it. Unpacking checks everything it
 * relies on (lengths, offsets, day order, id order, the checksum) and gives null for anything
 * else, so a damaged row or one of another layout is read again from the sales, never trusted.
 */
import type { SalesData } from '../../analytics/sales-data';

/** Bump when the layout below or the meaning of {@link SalesData}'s columns changes. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = 0x4b534e31; // "KSN1"
const HEADER_WORDS = 8; // magic, format, clients, days, adjustment days, skipped sales, checksum, 0

export interface PackedSnapshot {
  format: number;
  clientIds: string;
  data: Buffer;
}

export interface UnpackedSnapshot {
  data: SalesData;
  /** Live sales the load that made it left out (see `AnalyticsSource.skippedSales`). */
  skippedSales: number;
}

const int32Columns = (d: SalesData) => [d.start, d.adjStart, d.day, d.adjDay];
const float64Columns = (d: SalesData) => [
  d.revenue,
  d.margin,
  d.marginRevenue,
  d.adjRevenue,
  d.adjMargin,
  d.adjMarginRevenue,
];

/** Words of the int32 part, padded so the float64 columns start on an 8-byte boundary. */
function int32Words(clients: number, days: number, adjDays: number): number {
  const words = HEADER_WORDS + 2 * (clients + 1) + days + adjDays;
  return words + (words % 2);
}

/** FNV-1a over 32-bit words. */
function checksum(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h | 0;
}

export function packSnapshot(data: SalesData, skippedSales: number): PackedSnapshot {
  const clients = data.clientIds.length;
  const days = data.day.length;
  const adjDays = data.adjDay.length;
  const head = int32Words(clients, days, adjDays);
  const buffer = new ArrayBuffer(head * 4 + (3 * days + 3 * adjDays) * 8);
  const words = new Int32Array(buffer);
  words.set([MAGIC, SNAPSHOT_FORMAT, clients, days, adjDays, skippedSales, 0, 0]);
  let at = HEADER_WORDS;
  for (const column of int32Columns(data)) {
    words.set(column, at);
    at += column.length;
  }
  const floats = new Float64Array(buffer, head * 4);
  at = 0;
  for (const column of float64Columns(data)) {
    floats.set(column, at);
    at += column.length;
  }
  words[6] = checksum(words);
  return {
    format: SNAPSHOT_FORMAT,
    clientIds: data.clientIds.join('\n'),
    data: Buffer.from(buffer),
  };
}

/** The data a packed snapshot holds, or null when it is of another layout or damaged. */
export function unpackSnapshot(packed: PackedSnapshot): UnpackedSnapshot | null {
  if (packed.format !== SNAPSHOT_FORMAT || packed.data.byteLength < HEADER_WORDS * 4) return null;
  if (packed.data.byteLength % 4 !== 0) return null;
  // A copy: SQLite's buffer need not be aligned for the float64 columns.
  const buffer = new Uint8Array(packed.data).buffer;
  const words = new Int32Array(buffer);
  const [magic, format, clients, days, adjDays, skippedSales, sum] = words;
  if (magic !== MAGIC || format !== SNAPSHOT_FORMAT) return null;
  if (!(clients! >= 0 && days! >= 0 && adjDays! >= 0 && skippedSales! >= 0)) return null;
  const head = int32Words(clients!, days!, adjDays!);
  if (buffer.byteLength !== head * 4 + (3 * days! + 3 * adjDays!) * 8) return null;
  words[6] = 0; // the checksum was taken with its own word at 0
  if (checksum(words) !== sum) return null;
  const clientIds = clients === 0 ? [] : packed.clientIds.split('\n');
  if (clientIds.length !== clients) return null;
  for (let i = 1; i < clientIds.length; i++) if (!(clientIds[i - 1]! < clientIds[i]!)) return null;

  let at = HEADER_WORDS;
  const int32 = (n: number) => words.subarray(at, (at += n));
  const start = int32(clients + 1);
  const adjStart = int32(clients + 1);
  const day = int32(days!);
  const adjDay = int32(adjDays!);
  let fat = 0;
  const floats = new Float64Array(buffer, head * 4);
  const float64 = (n: number) => floats.subarray(fat, (fat += n));
  const data: SalesData = {
    clientIds,
    start,
    day,
    revenue: float64(days!),
    margin: float64(days!),
    marginRevenue: float64(days!),
    adjStart,
    adjDay,
    adjRevenue: float64(adjDays!),
    adjMargin: float64(adjDays!),
    adjMarginRevenue: float64(adjDays!),
  };
  return wellFormed(start, day) && wellFormed(adjStart, adjDay)
    ? { data, skippedSales: skippedSales! }
    : null;
}

/** Offsets from 0 to the end, never falling, and days ascending within each client. */
function wellFormed(start: Int32Array, day: Int32Array): boolean {
  const clients = start.length - 1;
  if (start[0] !== 0 || start[clients] !== day.length) return false;
  for (let c = 0; c < clients; c++) {
    const s = start[c]!;
    const e = start[c + 1]!;
    if (e < s) return false;
    for (let i = s + 1; i < e; i++) if (day[i]! <= day[i - 1]!) return false;
  }
  return true;
}
