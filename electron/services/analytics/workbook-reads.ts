/**
 * What the dashboard reads from the workbook besides the sales: manager names, NPS answers, lost
 * reasons, comments per author, and the lost clients to win back. Each is one query.
 */
import type { Dashboard, WinBackClient, WinBackList } from '../../api/contract';
import { dayFromIso } from '../../analytics/days';
import type { Workbook } from '../../../db/workbook';

export function managerNames(wb: Workbook): Map<string, string> {
  const rows = wb.sqlite.prepare('SELECT id, name FROM managers').all() as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

const managerFilter = (managerId: string | null) => (managerId ? ' AND c.manager_id = ?' : '');

export function npsAnswers(wb: Workbook, managerId: string | null) {
  return wb.sqlite
    .prepare(
      `SELECT n.at AS date, n.score FROM nps_answers n JOIN clients c ON c.id = n.client_id
       WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL${managerFilter(managerId)}`,
    )
    .all(...(managerId ? [managerId] : [])) as { date: string; score: number }[];
}

export function lostReasons(wb: Workbook, managerId: string | null): (string | null)[] {
  return wb.sqlite
    .prepare(
      `SELECT c.lost_reason FROM clients c WHERE c.deleted_at IS NULL AND c.stage = 'lost'${managerFilter(managerId)}`,
    )
    .pluck()
    .all(...(managerId ? [managerId] : [])) as (string | null)[];
}

/**
 * Comments by kind per author over the window, counted in SQL (there can be hundreds of
 * thousands). Comments record their author by manager name (or id); any other author is the
 * computer's user, so its row carries no manager.
 */
export function activity(
  wb: Workbook,
  from: string,
  to: string,
  managerId: string | null,
  names: ReadonlyMap<string, string>,
): Dashboard['activity'] {
  const rows = wb.sqlite
    .prepare(
      `SELECT m.author, m.kind, count(*) AS n FROM comments m JOIN clients c ON c.id = m.client_id
       WHERE m.deleted_at IS NULL AND date(m.at, 'localtime') BETWEEN ? AND ?${managerFilter(managerId)}
       GROUP BY m.author, m.kind`,
    )
    .all(from, to, ...(managerId ? [managerId] : [])) as {
    author: string;
    kind: string;
    n: number;
  }[];
  const days = dayFromIso(to) - dayFromIso(from) + 1;
  const byName = new Map([...names].map(([id, name]) => [name, id]));
  const managerOf = (author: string) => (names.has(author) ? author : (byName.get(author) ?? null));
  const byAuthor = new Map<string, Dashboard['activity'][number]>();
  for (const r of rows) {
    const entry = byAuthor.get(r.author) ?? {
      author: r.author,
      managerId: managerOf(r.author),
      total: 0,
      perDay: 0,
      byKind: {},
    };
    entry.total += r.n;
    entry.byKind[r.kind] = r.n;
    entry.perDay = entry.total / days;
    byAuthor.set(r.author, entry);
  }
  return [...byAuthor.values()].sort((a, b) => b.total - a.total);
}

/**
 * Lost clients with their reason, value, last purchase and last contact (the local day),
 * most valuable first; at most `limit`.
 */
export function winBack(wb: Workbook, limit = 500): WinBackClient[] {
  return wb.sqlite
    .prepare(
      `SELECT c.id AS clientId, c.external_id AS externalId, c.name, c.phone, c.lost_reason AS lostReason,
         coalesce((SELECT sum(s.amount) FROM sales s WHERE s.client_id = c.id AND s.deleted_at IS NULL), 0) AS revenue,
         (SELECT max(s.date) FROM sales s WHERE s.client_id = c.id AND s.deleted_at IS NULL) AS lastPurchase,
         (SELECT date(max(m.at), 'localtime') FROM comments m WHERE m.client_id = c.id AND m.deleted_at IS NULL
            AND m.kind IN ('call', 'meeting', 'email', 'visit', 'offer')) AS lastContact
       FROM clients c WHERE c.deleted_at IS NULL AND c.stage = 'lost'
       ORDER BY revenue DESC, c.name LIMIT ?`,
    )
    .all(limit) as WinBackClient[];
}

/** The win-back list cut to `limit`, with the number of every lost client. */
export function winBackList(wb: Workbook, limit = 500): WinBackList {
  const total = wb.sqlite
    .prepare("SELECT count(*) FROM clients WHERE deleted_at IS NULL AND stage = 'lost'")
    .pluck()
    .get() as number;
  return { rows: winBack(wb, limit), total };
}
