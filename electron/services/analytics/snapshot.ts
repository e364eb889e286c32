/**
 * The analytics input packed for the workbook's `analytics_snapshot` row: every column of
 * {@link SalesData} laid end to end in one buffer behind a small header (magic, layout version,
 * lengths, a checksum; amount columns of whole values stored as int32, all-zero ones not at all),
 * then the clients' attributes the figures group by (manager and channel
 * as numbers into their lists of values, the external ids as JSON text), the client ids one per
 * line beside it. With the attributes kept, an open reads only the clients changed since, never
 * the whole clients table (a scan of every client's wide row: a quarter of a second on 50,000).
 * Unpacking checks everything it relies on (lengths, offsets, day order, id order, the checksum,
 * the attributes' shape) and gives null for anything else, so a damaged row or one of another
 * layout is read again from the workbook, never trusted.
 */
import type { SalesData } from '../../analytics/sales-data';

/** Bump when the layout below or the meaning of {@link SalesData}'s columns changes. */
export const SNAPSHOT_FORMAT = 2;
const MAGIC = 0x4b534e31; // "KSN1"
// magic, format, clients, days, adjustment days, skipped sales, checksum, attribute bytes,
// how each amount column is stored (2 bits each, {@link AmountKind})
const HEADER_WORDS = 9;

/**
 * How an amount column is stored: amounts are whole minor units, so most columns fit int32 (half
 * the bytes to read at an open), and a workbook without margins has its margin columns all zero.
 */
const enum AmountKind {
  Float64 = 0,
  Int32 = 1,
  Zero = 2,
}

/** The smallest kind that holds every value of `column` exactly (−0 and NaN only as float64). */
function kindOf(column: Float64Array): AmountKind {
  let zero = true;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) return AmountKind.Float64;
    if (v !== 0) zero = false;
  }
  return zero ? AmountKind.Zero : AmountKind.Int32;
}

/** Client attributes the figures group by, aligned with `SalesData.clientIds`. */
export interface ClientAttributes {
  externalId: (string | null)[];
  managerId: (string | null)[];
  channel: (string | null)[];
}

export interface PackedSnapshot {
  format: number;
  clientIds: string;
  data: Buffer;
}

export interface UnpackedSnapshot {
  data: SalesData;
  clients: ClientAttributes;
  /** Live sales the load that made it left out (see `AnalyticsSource.skippedSales`). */
  skippedSales: number;
}

/** The attributes' text part: the distinct managers and channels, and every external id. */
interface AttributeText {
  managers: string[];
  channels: string[];
  externalIds: (string | null)[];
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

/**
 * Words of the int32 part (the offsets, the days, each client's manager and channel number, the
 * amount columns stored as int32: `int32Amounts` values), padded so the float64 columns start on
 * an 8-byte boundary.
 */
function int32Words(clients: number, days: number, adjDays: number, int32Amounts: number): number {
  const words = HEADER_WORDS + 2 * (clients + 1) + days + adjDays + 2 * clients + int32Amounts;
  return words + (words % 2);
}

/** The values the amount columns of each kind hold together. */
function amountSizes(kinds: readonly AmountKind[], lengths: readonly number[]) {
  let int32 = 0;
  let float64 = 0;
  kinds.forEach((kind, k) => {
    if (kind === AmountKind.Int32) int32 += lengths[k]!;
    if (kind === AmountKind.Float64) float64 += lengths[k]!;
  });
  return { int32, float64 };
}

/** Each value's number in the list of distinct values (−1 for none), and that list. */
function numbered(values: readonly (string | null)[]): { keys: Int32Array; list: string[] } {
  const list: string[] = [];
  const seen = new Map<string, number>();
  const keys = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      keys[i] = -1;
      continue;
    }
    let k = seen.get(value);
    if (k === undefined) {
      k = list.length;
      seen.set(value, k);
      list.push(value);
    }
    keys[i] = k;
  }
  return { keys, list };
}

/** The values of `keys` in `list`, or null when a number is out of range. */
function unnumbered(keys: Int32Array, list: readonly string[]): (string | null)[] | null {
  const out = new Array<string | null>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === -1) out[i] = null;
    else if (k >= 0 && k < list.length) out[i] = list[k]!;
    else return null;
  }
  return out;
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The attributes' text, or null when it is not what {@link packSnapshot} writes. */
function attributeText(text: string, clients: number): AttributeText | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { managers, channels, externalIds } = parsed as Record<string, unknown>;
  if (!isStringList(managers) || !isStringList(channels) || !Array.isArray(externalIds)) {
    return null;
  }
  if (externalIds.length !== clients) return null;
  if (!externalIds.every((x) => x === null || typeof x === 'string')) return null;
  return { managers, channels, externalIds: externalIds as (string | null)[] };
}

/** The checksum's own word in the header, taken as 0 when the checksum is computed. */
const CHECKSUM_WORD = 6;

/** FNV-1a over 32-bit words, the checksum's own word counted as 0. */
function checksum(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ (i === CHECKSUM_WORD ? 0 : words[i]!), 0x01000193);
  }
  return h | 0;
}

export function packSnapshot(
  data: SalesData,
  attributes: ClientAttributes,
  skippedSales: number,
): PackedSnapshot {
  const clients = data.clientIds.length;
  const days = data.day.length;
  const adjDays = data.adjDay.length;
  const managers = numbered(attributes.managerId);
  const channels = numbered(attributes.channel);
  const text: AttributeText = {
    managers: managers.list,
    channels: channels.list,
    externalIds: attributes.externalId,
  };
  const textBytes = Buffer.from(JSON.stringify(text), 'utf8');
  const amounts = float64Columns(data);
  const kinds = amounts.map(kindOf);
  const sizes = amountSizes(
    kinds,
    amounts.map((a) => a.length),
  );
  const head = int32Words(clients, days, adjDays, sizes.int32);
  const floatBytes = sizes.float64 * 8;
  // The text padded to whole words, so the checksum covers it too.
  const buffer = new ArrayBuffer(head * 4 + floatBytes + Math.ceil(textBytes.length / 4) * 4);
  const words = new Int32Array(buffer);
  const kindBits = kinds.reduce((bits, kind, k) => bits | (kind << (2 * k)), 0);
  words.set([
    MAGIC,
    SNAPSHOT_FORMAT,
    clients,
    days,
    adjDays,
    skippedSales,
    0,
    textBytes.length,
    kindBits,
  ]);
  let at = HEADER_WORDS;
  const asInt32 = amounts.filter((_, k) => kinds[k] === AmountKind.Int32);
  for (const column of [...int32Columns(data), managers.keys, channels.keys, ...asInt32]) {
    words.set(column, at);
    at += column.length;
  }
  const floats = new Float64Array(buffer, head * 4, floatBytes / 8);
  at = 0;
  for (const column of amounts.filter((_, k) => kinds[k] === AmountKind.Float64)) {
    floats.set(column, at);
    at += column.length;
  }
  new Uint8Array(buffer, head * 4 + floatBytes).set(textBytes);
  words[CHECKSUM_WORD] = checksum(words);
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
  // Read in place (25 MB for a million purchase days, not copied: less to allocate and collect),
  // or from a copy when the bytes do not start on an 8-byte boundary as the float64 columns need.
  const bytes = packed.data.byteOffset % 8 === 0 ? packed.data : new Uint8Array(packed.data);
  const { buffer, byteOffset: base, byteLength } = bytes;
  const words = new Int32Array(buffer, base, byteLength / 4);
  const [magic, format, clients, days, adjDays, skippedSales, sum, textLength, kindBits] = words;
  if (magic !== MAGIC || format !== SNAPSHOT_FORMAT) return null;
  if (!(clients! >= 0 && days! >= 0 && adjDays! >= 0 && skippedSales! >= 0)) return null;
  if (!(textLength! >= 0)) return null;
  const lengths = [days!, days!, days!, adjDays!, adjDays!, adjDays!];
  const kinds = lengths.map((_, k) => ((kindBits! >>> (2 * k)) & 3) as AmountKind);
  if (kindBits! >>> 12 !== 0 || kinds.some((kind) => kind > AmountKind.Zero)) return null;
  const sizes = amountSizes(kinds, lengths);
  const head = int32Words(clients!, days!, adjDays!, sizes.int32);
  const floatBytes = sizes.float64 * 8;
  const textAt = head * 4 + floatBytes;
  if (byteLength !== textAt + Math.ceil(textLength! / 4) * 4) return null;
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
  const managerKeys = int32(clients);
  const channelKeys = int32(clients);
  let fat = 0;
  const floats = new Float64Array(buffer, base + head * 4, floatBytes / 8);
  const [revenue, margin, marginRevenue, adjRevenue, adjMargin, adjMarginRevenue] = kinds.map(
    (kind, k): Float64Array => {
      const n = lengths[k]!;
      if (kind === AmountKind.Float64) return floats.subarray(fat, (fat += n));
      const column = new Float64Array(n);
      if (kind === AmountKind.Int32) column.set(int32(n));
      return column;
    },
  );
  const data: SalesData = {
    clientIds,
    start,
    day,
    revenue: revenue!,
    margin: margin!,
    marginRevenue: marginRevenue!,
    adjStart,
    adjDay,
    adjRevenue: adjRevenue!,
    adjMargin: adjMargin!,
    adjMarginRevenue: adjMarginRevenue!,
  };
  if (!wellFormed(start, day) || !wellFormed(adjStart, adjDay)) return null;
  const text = attributeText(
    Buffer.from(buffer, base + textAt, textLength).toString('utf8'),
    clients,
  );
  const managerId = text && unnumbered(managerKeys, text.managers);
  const channel = text && unnumbered(channelKeys, text.channels);
  if (!text || !managerId || !channel) return null;
  return {
    data,
    clients: { externalId: text.externalIds, managerId, channel },
    skippedSales: skippedSales!,
  };
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
