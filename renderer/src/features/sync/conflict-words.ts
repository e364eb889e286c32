/**
 * A conflict's field and values in the words the card and its history use: the conflict is read
 * as a change of its record, so a phone, a manager or a custom date look the same everywhere.
 */
import type { TFunction } from 'i18next';
import type { HistoryEntry, SyncConflict } from '../../../../electron/api/contract';
import { changeLabel, changeValue, type Lookups } from '../card/values';

/** The hub's tables by the names the history gives their records. */
const RECORD_OF: Record<string, string> = {
  clients: 'client',
  sales: 'sale',
  comments: 'comment',
  reminders: 'reminder',
  plans: 'plan',
};

function asEntry(conflict: SyncConflict, value: unknown): HistoryEntry {
  return {
    id: conflict.id,
    entity: RECORD_OF[conflict.entity] ?? conflict.entity,
    field: conflict.field,
    oldValue: null,
    newValue: value,
    actor: '',
    at: conflict.detectedAt,
    batchId: conflict.id,
    batchKind: 'sync',
    creation: false,
    batchLabel: null,
  };
}

export function conflictLabel(conflict: SyncConflict, lookups: Lookups, t: TFunction): string {
  return changeLabel(asEntry(conflict, null), lookups, t);
}

export function conflictValue(
  conflict: SyncConflict,
  value: unknown,
  lookups: Lookups,
  t: TFunction,
): string {
  return changeValue(asEntry(conflict, value), value, lookups, t);
}

/** "Sale", "Comment": what else than the client itself the conflict is about; null for the client. */
export function recordWord(conflict: SyncConflict, t: TFunction): string | null {
  if (conflict.entity === 'clients') return null;
  return t(`sync.conflicts.record.${conflict.entity}`, { defaultValue: conflict.entity });
}
