/**
 * Grouping of clients by a key the caller supplies per client (manager, channel, RFM segment):
 * the distinct keys once, and a small integer per client, so group loops index arrays instead
 * of looking strings up in maps.
 */

/** A per-client key, aligned with `SalesData.clientIds`; null (or missing) = no key. */
export type GroupKeys = readonly (string | null | undefined)[];

export interface Grouping {
  /** Distinct keys: strings ascending, then null when some client has none. */
  readonly keys: readonly (string | null)[];
  /** Group index of each client. */
  readonly of: Int32Array;
}

export function groupClients(keys: GroupKeys, clients: number): Grouping {
  const distinct = new Map<string | null, number>();
  for (let c = 0; c < clients; c++) distinct.set(keys[c] ?? null, 0);
  const sorted = [...distinct.keys()].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  sorted.forEach((k, i) => distinct.set(k, i));
  const of = new Int32Array(clients);
  for (let c = 0; c < clients; c++) of[c] = distinct.get(keys[c] ?? null)!;
  return { keys: sorted, of };
}

/** Keys per client, or a grouping already made from them (computed once, shared). */
export type GroupInput = GroupKeys | Grouping;

export function toGrouping(input: GroupInput, clients: number): Grouping {
  return 'of' in input ? input : groupClients(input, clients);
}

/** Share `part / whole`, or null when the whole is empty. */
export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;
