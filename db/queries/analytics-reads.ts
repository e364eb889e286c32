/**
 * What the dashboard reads from the workbook besides the sales: manager names, NPS answers, lost
 * reasons, comments per author, the lost clients to win back, and the names and contacts of the
 * clients a figure lists. Each is one query.
 */
import type { WinBackClient, WinBackList } from '../../electron/api/contract';
import type { Workbook } from '../workbook';

export function managerNamesById(wb: Workbook): Map<string, string> {
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
 * Comments by kind per author over the local days `from`..`to`, counted in SQL (there can be
 * hundreds of thousands).
 */
/** The history's last row: comments changed after it show up as history rows past it. */
export function lastChangeRow(wb: Workbook): number {
  return (wb.sqlite.prepare('SELECT max(rowid) FROM changes').pluck().get() as number | null) ?? 0;
}

/**
 * Whether any comment was added, edited or deleted after history row `row` (or history rows
 * were purged since): the rows past it are few, so this reads almost nothing.
 */
export function commentsChangedSince(wb: Workbook, row: number): boolean {
  if (lastChangeRow(wb) < row) return true;
  return (
    wb.sqlite
      .prepare("SELECT 1 FROM changes WHERE rowid > ? AND entity = 'comment' LIMIT 1")
      .get(row) !== undefined
  );
}

export function commentCounts(
  wb: Workbook,
  from: string,
  to: string,
  managerId: string | null,
): { author: string; kind: string; n: number }[] {
  return wb.sqlite
    .prepare(
      `SELECT m.author, m.kind, count(*) AS n FROM comments m JOIN clients c ON c.id = m.client_id
       WHERE m.deleted_at IS NULL AND klocalday(m.at) BETWEEN ? AND ?${managerFilter(managerId)}
       GROUP BY m.author, m.kind`,
    )
    .all(from, to, ...(managerId ? [managerId] : [])) as {
    author: string;
    kind: string;
    n: number;
  }[];
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
         (SELECT klocalday(max(m.at)) FROM comments m WHERE m.client_id = c.id AND m.deleted_at IS NULL
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

export interface ContactRow {
  id: string;
  name: string;
  phone: string | null;
}

/** Names and phones of some clients, in one query. */
export function contactsOf(wb: Workbook, ids: string[]): Map<string, ContactRow> {
  const rows = wb.sqlite
    .prepare('SELECT id, name, phone FROM clients WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as ContactRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Clients marked lost: they belong to the win-back list, not to "slipping away". */
export function lostIds(wb: Workbook): Set<string> {
  return new Set(
    wb.sqlite
      .prepare("SELECT id FROM clients WHERE deleted_at IS NULL AND stage = 'lost'")
      .pluck()
      .all() as string[],
  );
}

export interface DrillClient {
  id: string;
  name: string;
  externalId: string | null;
  managerName: string | null;
}

/** Names, codes and managers of the clients a drill-down lists, by id. */
export function drillClients(wb: Workbook, ids: string[]): Map<string, DrillClient> {
  const rows = wb.sqlite
    .prepare(
      `SELECT c.id, c.name, c.external_id AS externalId, m.name AS managerName FROM clients c
       LEFT JOIN managers m ON m.id = c.manager_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as DrillClient[];
  return new Map(rows.map((r) => [r.id, r]));
}
