/** The journal of recent batches of changes (edits, bulk actions, imports), each undoable as one. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { formatDateTime } from '../../lib/format';
import { useLookups } from '../card/useCardData';
import { changeLabel } from '../card/values';
import '../clients/list/list.css';

export function ChangesPage() {
  const { t } = useTranslation();
  const batches = useQuery(channelQuery('history.batches', { limit: 200 }));
  const lookups = useLookups();
  const undo = useMutation({
    mutationFn: (batchId: string) => api.call('history.undoBatch', { batchId }),
  });

  return (
    <section className="page">
      <header className="page__header">
        <Link to="/clients">{t('list.backToClients')}</Link>
        <h1>{t('list.journal.title')}</h1>
      </header>
      <p className="muted">{t('list.journal.hint')}</p>
      {undo.error ? (
        <p className="error" role="alert">
          {undo.error instanceof ApiError ? undo.error.message : String(undo.error)}
        </p>
      ) : null}
      <table className="journal">
        <thead>
          <tr>
            <th>{t('list.journal.when')}</th>
            <th>{t('list.journal.who')}</th>
            <th>{t('list.journal.what')}</th>
            <th className="num">{t('list.journal.clients')}</th>
            <th className="num">{t('list.journal.changes')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {batches.data?.map((b) => (
            <tr key={b.id} data-testid="batch">
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{b.actor}</td>
              <td>
                {t(`list.journal.kinds.${b.kind}`, { defaultValue: b.kind })}
                {b.label && b.kind === 'bulk'
                  ? ` · ${t(`list.bulk.${b.label}`, { defaultValue: b.label })}`
                  : ''}
                {b.client ? (
                  <>
                    {' · '}
                    <Link to={`/clients/${b.client.id}`} className="inline-link">
                      {b.client.name}
                    </Link>
                    {b.fields.length > 0 ? (
                      <span className="muted" data-testid="batch-fields">
                        {': '}
                        {[...new Set(b.fields.map((f) => changeLabel(f, lookups, t)))].join(', ')}
                      </span>
                    ) : null}
                  </>
                ) : null}
              </td>
              <td className="num">{b.clients}</td>
              <td className="num">{b.changes}</td>
              <td>
                {b.undoneAt ? (
                  <span className="muted">{t('list.journal.undone')}</span>
                ) : b.kind === 'bulk' || b.kind === 'import' || b.kind === 'edit' ? (
                  <button
                    type="button"
                    className="link"
                    disabled={undo.isPending}
                    onClick={() => undo.mutate(b.id)}
                  >
                    {t('list.bulk.undo')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
