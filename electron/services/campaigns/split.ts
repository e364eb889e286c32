/**
 * The control-group draw: members ordered by a seeded hash of (seed, client id), the first
 * round(n × pct / 100) of them left alone. The same seed and audience give the same split; a
 * client's place in the order depends only on the seed and its own id.
 */
import { createHash } from 'node:crypto';
import type { CampaignGroup } from '../../api/contract';

/** The client's place in the seeded order: hex text, compared as text. */
export function drawKey(seed: string, clientId: string): string {
  return createHash('sha256').update(`${seed}\u0000${clientId}`).digest('hex');
}

/**
 * Groups of clients joining an audience that already has `before` members, `beforeControl` of
 * them in control (0 and 0 at the start). Members already drawn keep their group; the
 * newcomers lowest in the seeded order fill the control group up to round(total × pct / 100),
 * so the share stays exact within one client however the audience grew.
 */
export function drawGroups(
  seed: string,
  holdoutPct: number,
  newcomers: readonly string[],
  before = { members: 0, control: 0 },
): Map<string, CampaignGroup> {
  const total = before.members + newcomers.length;
  const wanted = Math.round((total * holdoutPct) / 100) - before.control;
  const take = Math.min(Math.max(wanted, 0), newcomers.length);
  const ordered = newcomers
    .map((clientId) => ({ clientId, key: drawKey(seed, clientId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.clientId < b.clientId ? -1 : 1));
  const groups = new Map<string, CampaignGroup>();
  ordered.forEach(({ clientId }, i) => groups.set(clientId, i < take ? 'control' : 'contact'));
  return groups;
}
