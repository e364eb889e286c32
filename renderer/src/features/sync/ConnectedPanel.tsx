/**
 * This device on its hub: where it syncs, its name and id, the workbook's id (to join from
 * another device), the last sync, what waits, open conflicts; "Sync now" with what it moved;
 * "Disconnect" behind a question.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { codeOf, ErrorLine } from '../workbook/ErrorLine';
import { DisconnectDialog } from './DisconnectDialog';
import { useSyncNow } from './useSync';

export function ConnectedPanel({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const syncNow = useSyncNow();
  const [asking, setAsking] = useState(false);
  const busy = syncNow.isPending || status.syncing;
  const offlineNow = codeOf(syncNow.error) === 'unavailable';
  return (
    <section className="wb-panel sync-connected" aria-labelledby="sync-connected-title">
      <h2 id="sync-connected-title">{t('sync.status.title')}</h2>
      <dl className="facts sync-facts" data-testid="sync-facts">
        <dt>{t('sync.status.hub')}</dt>
        <dd data-testid="sync-hub">{status.hub}</dd>
        <dt>{t('sync.status.device')}</dt>
        <dd>
          <span data-testid="sync-device">{status.deviceName}</span>{' '}
          <code className="muted">{status.deviceId}</code>
        </dd>
        <dt>{t('sync.status.workbookId')}</dt>
        <dd>
          {status.workbookId ? <WorkbookId id={status.workbookId} /> : null}
          <span className="muted sync-hint">{t('sync.status.workbookIdHint')}</span>
        </dd>
        <dt>{t('sync.status.lastSync')}</dt>
        <dd data-testid="sync-last">
          {status.lastSyncAt ? formatDateTime(status.lastSyncAt) : t('sync.status.never')}
        </dd>
        <dt>{t('sync.status.pending')}</dt>
        <dd data-testid="sync-pending">{status.pending}</dd>
        <dt>{t('sync.status.conflicts')}</dt>
        <dd data-testid="sync-conflicts">
          {status.conflicts}
          {status.conflicts > 0 ? (
            <>
              {' '}
              <Link to="/sync/conflicts">{t('sync.status.showConflicts')}</Link>
            </>
          ) : null}
        </dd>
      </dl>
      {status.offline && !offlineNow ? (
        <p className="muted sync-hint" data-testid="sync-offline">
          {t('sync.status.offline')}
        </p>
      ) : null}
      {/* The last sync's error, unless the one just tried says it under the button. */}
      {status.lastError && !syncNow.error ? (
        <p className="error sync-hint" role="alert" data-testid="sync-last-error">
          {status.lastError.message}
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => syncNow.mutate()}
        >
          {busy ? t('sync.status.syncing') : t('sync.status.syncNow')}
        </button>
        <button type="button" onClick={() => setAsking(true)}>
          {t('sync.status.disconnect')}
        </button>
      </div>
      {offlineNow ? (
        // Not reaching the hub is normal on the road: said calmly, not as an error.
        <p className="muted sync-hint" role="status" data-testid="sync-offline">
          {syncNow.error?.message}
        </p>
      ) : (
        <ErrorLine error={syncNow.error} />
      )}
      {syncNow.data ? (
        <p className="wb-done" role="status" data-testid="sync-result">
          {t('sync.status.result', { ...syncNow.data })}
          {syncNow.data.conflicts > 0 ? (
            <>
              {' '}
              <Link to="/sync/conflicts">
                {t('sync.status.resultConflicts', { count: syncNow.data.conflicts })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {asking ? (
        <DisconnectDialog pending={status.pending} onClose={() => setAsking(false)} />
      ) : null}
    </section>
  );
}

function WorkbookId({ id }: { id: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <span className="sync-id">
      <code data-testid="sync-workbook-id">{id}</code>{' '}
      <button
        type="button"
        className="link"
        onClick={() => void navigator.clipboard?.writeText(id).then(() => setCopied(true))}
      >
        {copied ? t('sync.status.copied') : t('sync.status.copy')}
      </button>
    </span>
  );
}
