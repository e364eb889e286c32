/**
 * The feed's one timeline: comments and the card's field changes merged newest first. A
 * creation is one line, not a change per field; moving to and from the trash are events.
 */
import type { Comment, CommentKind, HistoryEntry } from '../../../../electron/api/contract';

export type TimelineItem =
  | { type: 'comment'; at: string; comment: Comment }
  | { type: 'change'; at: string; entry: HistoryEntry }
  | { type: 'event'; at: string; entry: HistoryEntry; event: 'created' | 'trashed' | 'untrashed' };

/** What the chips filter by: every comment kind, and field changes. */
export type FeedFilter = 'all' | CommentKind | 'changes';

export function buildTimeline(comments: Comment[], history: HistoryEntry[]): TimelineItem[] {
  const items: TimelineItem[] = comments.map((comment) => ({
    type: 'comment',
    at: comment.at,
    comment,
  }));
  const createdBatches = new Set<string>();
  for (const entry of history) {
    if (entry.entity !== 'client') continue;
    // A client that came from another device arrives with all its fields in a sync batch.
    const made = entry.batchKind === 'sync' && entry.creation;
    if (entry.batchKind === 'create' || entry.field === 'created' || made) {
      if (createdBatches.has(entry.batchId)) continue;
      createdBatches.add(entry.batchId);
      items.push({ type: 'event', at: entry.at, entry, event: 'created' });
    } else if (entry.field === 'deletedAt') {
      const event = entry.newValue === null ? 'untrashed' : 'trashed';
      items.push({ type: 'event', at: entry.at, entry, event });
    } else {
      items.push({ type: 'change', at: entry.at, entry });
    }
  }
  // Stable: entries of one moment keep the order the main process gave them.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.at < b.item.at ? 1 : a.item.at > b.item.at ? -1 : a.index - b.index))
    .map(({ item }) => item);
}

export function matches(item: TimelineItem, filter: FeedFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'changes') return item.type !== 'comment';
  return item.type === 'comment' && item.comment.kind === filter;
}

export function timelineKey(item: TimelineItem): string {
  return item.type === 'comment' ? `c-${item.comment.id}` : `h-${item.entry.id}`;
}
