/**
 * Rows of one file that match each other: union-find over their keys (Kartoteka id, client
 * code, tax id, e-mail, phones, all normalised) and over "matches the same client of the
 * workbook". A group is two rows or more; every other row stands alone.
 */
import type { ImportGroup } from '../../api/contract';
import type { Keys, Existing } from './client-index';
import type { MatchedBy } from './plan-common';

export type LinkKey = ImportGroup['keys'][number];

export interface Groupable {
  row: number;
  keys: Keys;
  existing: { match: Existing } | null;
}

export interface RowGroup {
  /** Positions in the list given, in file order. */
  members: number[];
  keys: Set<LinkKey>;
}

export interface Grouping {
  /** For each position: its group, or null when the row matches no other row. */
  groupOf: (RowGroup | null)[];
  groups: RowGroup[];
  /** For each position: the earlier row it first matched, and by what. */
  links: ({ to: number; by: MatchedBy } | null)[];
}

export function groupRows(rows: Groupable[]): Grouping {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The first row with each value of each key: one map per key, no tokens built (100,000 rows).
  const firstWith = new Map<LinkKey, Map<unknown, number>>(
    (['id', 'externalId', 'taxId', 'email', 'phone', 'client'] as const).map((k) => [k, new Map()]),
  );
  const edges: { a: number; b: number; by: LinkKey }[] = [];
  const links: Grouping['links'] = new Array<Grouping['links'][number]>(rows.length).fill(null);
  const see = (i: number, kind: LinkKey, value: unknown) => {
    if (!value) return;
    const seen = firstWith.get(kind)!;
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, i);
      return;
    }
    edges.push({ a: first, b: i, by: kind });
    if (!links[i] && kind !== 'client') links[i] = { to: rows[first]!.row, by: kind };
    const [ra, rb] = [find(first), find(i)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  rows.forEach((r, i) => {
    see(i, 'id', r.keys.id);
    see(i, 'externalId', r.keys.externalId);
    see(i, 'taxId', r.keys.taxId);
    see(i, 'email', r.keys.email);
    for (const p of r.keys.phones) see(i, 'phone', p);
    // The client object itself is the key: one per client, hashed by identity (fast).
    see(i, 'client', r.existing?.match);
  });
  const byRoot = new Map<number, RowGroup>();
  for (const e of edges) {
    const root = find(e.a);
    const group = byRoot.get(root) ?? { members: [], keys: new Set<LinkKey>() };
    group.keys.add(e.by);
    byRoot.set(root, group);
  }
  const groupOf: Grouping['groupOf'] = new Array<RowGroup | null>(rows.length).fill(null);
  rows.forEach((_, i) => {
    const group = byRoot.get(find(i));
    if (!group) return;
    group.members.push(i);
    groupOf[i] = group;
  });
  // In file order of their first rows.
  const groups = [...byRoot.values()].sort((a, b) => a.members[0]! - b.members[0]!);
  return { groupOf, groups, links };
}
