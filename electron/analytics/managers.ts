/**
 * Each manager's portfolio quality (share of A clients and of X clients among the manager's
 * classed clients in a window) and activity (comments by kind, and per day of a window).
 */
import { dayFromIso, type DayWindow } from './days';
import { ratio, toGrouping, type GroupInput } from './groups';

export interface PortfolioRow {
  managerId: string | null;
  /** Clients with a class in the window. */
  classed: number;
  a: number;
  x: number;
  shareA: number | null;
  shareX: number | null;
}

/** `abc`, `xyz`: per-client class codes (1 = A / X); `managers`: each client's manager. */
export function managerPortfolio(
  abc: Uint8Array,
  xyz: Uint8Array,
  managers: GroupInput,
): PortfolioRow[] {
  const grouping = toGrouping(managers, abc.length);
  const rows = grouping.keys.map((managerId) => ({ managerId, classed: 0, a: 0, x: 0 }));
  for (let c = 0; c < abc.length; c++) {
    if (abc[c]! === 0) continue;
    const row = rows[grouping.of[c]!]!;
    row.classed++;
    if (abc[c]! === 1) row.a++;
    if (xyz[c]! === 1) row.x++;
  }
  return rows
    .filter((r) => r.classed > 0)
    .map((r) => ({ ...r, shareA: ratio(r.a, r.classed), shareX: ratio(r.x, r.classed) }));
}

export interface CommentActivity {
  /** The manager's id or name, as the comment records it. */
  author: string;
  kind: string;
  /** `YYYY-MM-DD` or an ISO timestamp. */
  date: string;
}

export interface ActivityRow {
  author: string;
  total: number;
  byKind: Record<string, number>;
  /** Comments per calendar day of the window, in total and by kind. */
  perDay: number;
  perDayByKind: Record<string, number>;
}

/** Activity in the window (bounds inclusive), authors by most active first (ties by name). */
export function managerActivity(
  comments: readonly CommentActivity[],
  window: DayWindow,
): ActivityRow[] {
  const days = window.to - window.from + 1;
  const rows = new Map<string, ActivityRow>();
  for (const c of comments) {
    const day = dayFromIso(c.date);
    if (!(day >= window.from && day <= window.to)) continue;
    let row = rows.get(c.author);
    if (!row) {
      row = { author: c.author, total: 0, byKind: {}, perDay: 0, perDayByKind: {} };
      rows.set(c.author, row);
    }
    row.total++;
    row.byKind[c.kind] = (row.byKind[c.kind] ?? 0) + 1;
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      perDay: r.total / days,
      perDayByKind: Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, v / days])),
    }))
    .sort((a, b) => b.total - a.total || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
}
