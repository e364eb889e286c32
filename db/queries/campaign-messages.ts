/**
 * What a campaign's messages are filled from and sent to: the recipients' names, contacts,
 * managers and last purchases in one read, the pending contact members, and Today's counts.
 */
import type { CampaignTodo } from '../../electron/api/contract';
import type { Workbook } from '../workbook';
import { prepared } from './prepared';

export interface RecipientRecord {
  id: string;
  name: string;
  kind: 'person' | 'company';
  company: string | null;
  phone: string | null;
  email: string | null;
  managerName: string | null;
  lastPurchase: string | null;
}

/** The clients `ids` (trashed ones too: a member keeps its place), in the order given. */
export function messageRecipients(wb: Workbook, ids: readonly string[]): RecipientRecord[] {
  if (ids.length === 0) return [];
  const rows = prepared(
    wb,
    `SELECT c.id, c.name, c.kind, c.company, c.phone, c.email, m.name AS managerName,
       (SELECT max(s.date) FROM sales s
        WHERE s.client_id = c.id AND s.deleted_at IS NULL AND s.amount > 0) AS lastPurchase
     FROM clients c LEFT JOIN managers m ON m.id = c.manager_id
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as RecipientRecord[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** A campaign's contact members still to do, by client name; at most `limit` of them. */
export function pendingContactIds(wb: Workbook, campaignId: string, limit = -1): string[] {
  return prepared(
    wb,
    `SELECT m.client_id FROM campaign_members m JOIN clients c ON c.id = m.client_id
     WHERE m.campaign_id = ? AND m.group_name = 'contact' AND m.status = 'pending'
     ORDER BY c.name_fold, c.id LIMIT ?`,
  )
    .pluck()
    .all(campaignId, limit) as string[];
}

/** Of `clientIds`, the campaign's contact members (in any status). */
export function contactMemberIds(
  wb: Workbook,
  campaignId: string,
  clientIds: readonly string[],
): string[] {
  return prepared(
    wb,
    `SELECT client_id FROM campaign_members WHERE campaign_id = ? AND group_name = 'contact'
       AND client_id IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(campaignId, JSON.stringify(clientIds)) as string[];
}

/** Campaigns with contacts still to do, newest first: one grouped read. */
export function campaignTodos(wb: Workbook): CampaignTodo[] {
  return prepared(
    wb,
    `SELECT c.id, c.name, c.action,
       sum(m.status = 'pending') AS pending, count(*) AS total
     FROM campaigns c JOIN campaign_members m ON m.campaign_id = c.id AND m.group_name = 'contact'
     WHERE c.deleted_at IS NULL
     GROUP BY c.id HAVING pending > 0
     ORDER BY c.started_at DESC, c.id DESC`,
  ).all() as CampaignTodo[];
}
