/**
 * A client that came from another device reads in the card's feed as created (once, by whom and
 * from which device), not as "Type: empty → Person" and one line per field; a later change that
 * came the same way stays a change.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/api/contract';
import { buildTimeline } from '../../renderer/src/features/card/timeline';

const entry = (field: string, over: Partial<HistoryEntry>): HistoryEntry => ({
  id: `${field}-${over.batchId ?? 'b'}`,
  entity: 'client',
  field,
  oldValue: null,
  newValue: 'x',
  actor: 'Петров',
  at: '2026-11-30T10:00:00.000Z',
  batchId: 'b',
  batchKind: 'sync',
  creation: false,
  batchLabel: 'Компьютер в магазине',
  ...over,
});

describe('changes from another device in the feed', () => {
  it('a client made there is one "created" line; its later edit is a change', () => {
    const pulled = { batchId: 'pull-1', creation: true };
    const later = { batchId: 'pull-2', at: '2026-11-30T11:00:00.000Z' };
    const timeline = buildTimeline(
      [],
      [
        entry('phone', { ...later, oldValue: '+7 1', newValue: '+7 2' }),
        entry('kind', pulled),
        entry('name', pulled),
        entry('phone', pulled),
        entry('tags', { ...pulled, newValue: [] }),
      ],
    );
    expect(
      timeline.map((item) =>
        item.type === 'comment' ? 'comment' : `${item.type}:${item.entry.field}`,
      ),
    ).toEqual(['change:phone', 'event:kind']);
    expect(timeline[1]).toMatchObject({ type: 'event', event: 'created' });
  });
});
