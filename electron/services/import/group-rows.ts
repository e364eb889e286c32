/**
 * Rows of one file that match each other: union-find over their keys (Kartoteka id, client
 * code, tax id, e-mail, phones, all normalised) and over "matches the same client of the
 * workbook". A group is two rows or more; every other row stands alone.
 */
import type { ImportGroup } from '../../api/contract';
import type { Keys, Existing } from './client-index';
import type { MatchedBy } from './plan';

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

function keysOfRow(r: Groupable): [LinkKey, string][] {
  const out: [LinkKey, string][] = [];
  if (r.keys.id) out.push(['id', r.keys.id]);
  if (r.keys.externalId) out.push(['externalId', r.keys.externalId]);
  if (r.keys.taxId) out.push(['taxId', r.keys.taxId]);
  if (r.keys.email) out.push(['email', r.keys.email]);
  for (const p of r.keys.phones) out.push(['phone', p]);
  if (r.existing) out.push(['client', r.existing.match.id]);
  return out;
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
  const firstWith = new Map<string, number>();
  const edges: { a: number; b: number; by: LinkKey }[] = [];
  const links: Grouping['links'] = rows.map(() => null);
  rows.forEach((r, i) => {
    for (const [kind, value] of keysOfRow(r)) {
      const token = `${kind}\u0000${value}`;
      const first = firstWith.get(token);
      if (first === undefined) {
        firstWith.set(token, i);
        continue;
      }
      edges.push({ a: first, b: i, by: kind });
      if (!links[i] && kind !== 'client') links[i] = { to: rows[first]!.row, by: kind };
      const [ra, rb] = [find(first), find(i)];
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  });
  const byRoot = new Map<number, RowGroup>();
  rows.forEach((_, i) => {
    const root = find(i);
    const group = byRoot.get(root) ?? { members: [], keys: new Set<LinkKey>() };
    group.members.push(i);
    byRoot.set(root, group);
  });
  for (const e of edges) byRoot.get(find(e.a))!.keys.add(e.by);
  const groups = [...byRoot.values()].filter((g) => g.members.length > 1);
  const groupOf: Grouping['groupOf'] = rows.map(() => null);
  for (const g of groups) for (const i of g.members) groupOf[i] = g;
  return { groupOf, groups, links };
}
