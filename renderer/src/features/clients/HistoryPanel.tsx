/** Every change of the card, newest first, grouped by the batch it was made in. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';

function groupByBatch(entries: HistoryEntry[]): HistoryEntry[][] {
  const groups: HistoryEntry[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.[0]?.batchId === entry.batchId) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

export function HistoryPanel({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['history', clientId],
    queryFn: () => api.call('history.list', { clientId }),
  });

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.none');
    if (field === 'stage' && typeof value === 'string')
      return t(`stages.${value}`, { defaultValue: value });
    if (field === 'kind' && typeof value === 'string')
      return t(`kinds.${value}`, { defaultValue: value });
    if (field === 'birthday' && typeof value === 'string') return formatDate(value);
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    return JSON.stringify(value);
  };

  return (
    <aside className="card__feed" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {history.error ? (
        <p className="error" role="alert">
          {history.error.message}
        </p>
      ) : null}
      {history.data?.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ol className="history" data-testid="history">
        {groupByBatch(history.data ?? []).map((group) => {
          const head = group[0] as HistoryEntry;
          return (
            <li key={head.batchId} className="history__group">
              <div className="history__meta">
                <strong>{head.actor}</strong> ·{' '}
                {head.batchKind === 'create' ? t('history.created') : t('history.edited')} ·{' '}
                <time dateTime={head.at}>{formatDateTime(head.at)}</time>
              </div>
              <ul>
                {group.map((entry) => (
                  <li key={entry.id} className="history__change" data-field={entry.field}>
                    <span className="history__field">
                      {t(`fields.${entry.field}`, { defaultValue: entry.field })}:
                    </span>{' '}
                    {head.batchKind === 'create' ? null : (
                      <>
                        <span className="history__old">{show(entry.field, entry.oldValue)}</span>{' '}
                        →{' '}
                      </>
                    )}
                    <span className="history__new">{show(entry.field, entry.newValue)}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
