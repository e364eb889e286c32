/**
 * The History tab: every change of the card (fields, custom fields, comments), newest first,
 * grouped by the batch it was made in, each with Restore; and "view the card as of a date".
 */
import { useTranslation } from 'react-i18next';
import type { Client, HistoryEntry } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { AsOfForm } from '../card/AsOfForm';
import { RestoreButton } from '../card/RestoreButton';
import { useHistory, useLookups } from '../card/useCardData';
import { Who } from '../card/Who';
import { changeLabel, changeValue, importedSales, type Lookups } from '../card/values';

function groupByBatch(entries: HistoryEntry[]): HistoryEntry[][] {
  const groups: HistoryEntry[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.[0]?.batchId === entry.batchId) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

interface Props {
  clientId: string;
  /** No Restore links: a client in the trash, or the card shown as of a past date. */
  readOnly: boolean;
  onAsOf: (at: string, client: Client | null) => void;
}

export function HistoryPanel({ clientId, readOnly, onAsOf }: Props) {
  const { t } = useTranslation();
  const history = useHistory(clientId);
  const lookups = useLookups();

  return (
    <div className="history-panel">
      <AsOfForm clientId={clientId} onShow={onAsOf} />
      {history.error ? (
        <p className="error" role="alert">
          {history.error.message}
        </p>
      ) : null}
      {history.data?.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ol className="history" data-testid="history">
        {groupByBatch(history.data ?? []).map((group) => {
          const head = group[0] as HistoryEntry;
          const created =
            head.batchKind === 'create' ||
            (head.batchKind === 'sync' && group.every((e) => e.entity === 'client' && e.creation));
          const commentAdded = group.every((e) => e.entity === 'comment' && e.oldValue === null);
          const saleAdded = group.every((e) => e.entity === 'sale' && e.creation);
          const salesImported = group.every((e) => e.entity === 'sales');
          const what = created
            ? t('history.created')
            : commentAdded
              ? t('cardx.feed.commentAdded')
              : saleAdded
                ? t('sales.addedInHistory')
                : salesImported
                  ? t('sales.importedInHistory')
                  : head.batchKind === 'revert'
                    ? t('cardx.feed.restored')
                    : t('history.edited');
          return (
            <li key={head.batchId} className="history__group" data-kind={head.batchKind}>
              <div className="history__meta">
                <strong>
                  <Who entry={head} />
                </strong>{' '}
                · {what} · <time dateTime={head.at}>{formatDateTime(head.at)}</time>
              </div>
              <ul>
                {commentAdded ? (
                  <AddedComment group={group} />
                ) : (
                  group.map((entry) => (
                    <Change
                      key={entry.id}
                      entry={entry}
                      lookups={lookups}
                      showOld={!created}
                      canRestore={
                        !created && !readOnly && !entry.creation && entry.entity !== 'reminder'
                      }
                    />
                  ))
                )}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A new comment reads as its kind and text, not as a change per comment field. */
function AddedComment({ group }: { group: HistoryEntry[] }) {
  const { t } = useTranslation();
  const kind = group.find((e) => e.field === 'kind')?.newValue;
  const body = group.find((e) => e.field === 'body')?.newValue;
  return (
    <li className="history__change" data-field="comment" data-entity="comment">
      <span className="history__field">
        {typeof kind === 'string' ? t(`cardx.kinds.${kind}`) : t('cardx.feed.comment')}:
      </span>{' '}
      <span className="history__new">{typeof body === 'string' ? body : ''}</span>
    </li>
  );
}

interface ChangeProps {
  entry: HistoryEntry;
  lookups: Lookups;
  showOld: boolean;
  canRestore: boolean;
}

function Change({ entry, lookups, showOld, canRestore }: ChangeProps) {
  const { t } = useTranslation();
  const oldText = changeValue(entry, entry.oldValue, lookups, t);
  const restore = canRestore ? (
    <>
      {' '}
      <RestoreButton changeId={entry.id} oldText={oldText} />
    </>
  ) : null;
  if (entry.entity === 'sales') {
    return (
      <li className="history__change" data-field={entry.field} data-entity="sales">
        {importedSales(entry, t)}
      </li>
    );
  }
  // Deleting a comment (or bringing it back) is an event, not a value.
  if (entry.entity === 'comment' && entry.field === 'deletedAt') {
    return (
      <li className="history__change" data-field="comment" data-entity="comment">
        {entry.newValue ? t('cardx.feed.commentDeleted') : t('cardx.feed.commentUndeleted')}
        {restore}
      </li>
    );
  }
  return (
    <li className="history__change" data-field={entry.field} data-entity={entry.entity}>
      <span className="history__field">{changeLabel(entry, lookups, t)}:</span>{' '}
      {showOld ? (
        <>
          <span className="history__old">{oldText}</span> →{' '}
        </>
      ) : null}
      <span className="history__new">{changeValue(entry, entry.newValue, lookups, t)}</span>
      {restore}
    </li>
  );
}
