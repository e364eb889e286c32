/**
 * What "Test connection" found: the server, whether the hub can be used, and the hub's
 * workbooks, one of which this workbook may join (by default it goes there as a new one).
 */
import { useTranslation } from 'react-i18next';
import type { SyncTestResult } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';

interface Props {
  result: SyncTestResult;
  join: string | null;
  onJoin: (workbookId: string | null) => void;
  error: string | undefined;
}

export function JoinChoice({ result, join, onJoin, error }: Props) {
  const { t } = useTranslation();
  return (
    <div className="sync-tested" data-testid="sync-tested">
      <p className="wb-done" role="status">
        {t('sync.connect.tested', { server: result.server })}{' '}
        <span className={result.hubReady ? 'muted' : 'error'}>
          {result.hubReady ? t('sync.connect.hubReady') : t('sync.connect.hubNotReady')}
        </span>
      </p>
      <fieldset className="sync-join">
        <legend>{t('sync.connect.workbooksTitle')}</legend>
        {result.workbooks.length === 0 ? (
          <p className="muted sync-hint">{t('sync.connect.noWorkbooks')}</p>
        ) : (
          <>
            <label className="sync-join__option">
              <input
                type="radio"
                name="join"
                checked={join === null}
                onChange={() => onJoin(null)}
              />
              {t('sync.connect.joinNone')}
            </label>
            {result.workbooks.map((wb) => (
              <label key={wb.id} className="sync-join__option" data-testid="hub-workbook">
                <input
                  type="radio"
                  name="join"
                  value={wb.id}
                  checked={join === wb.id}
                  onChange={() => onJoin(wb.id)}
                />
                <span>
                  {t('sync.connect.join', { name: wb.name ?? t('sync.connect.unnamed') })}{' '}
                  <span className="muted">
                    {t('sync.connect.createdOn', { date: formatDate(wb.createdAt) })} ·{' '}
                    <code>{wb.id}</code>
                  </span>
                </span>
              </label>
            ))}
            <p className="muted sync-hint">{t('sync.connect.joinHint')}</p>
          </>
        )}
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </fieldset>
    </div>
  );
}
