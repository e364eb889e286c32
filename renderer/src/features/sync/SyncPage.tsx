/**
 * Settings → Sync: connecting this device to a hub, or, once connected, its state with "Sync
 * now" and "Disconnect"; and exchange files for where there is no network.
 */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ErrorLine } from '../workbook/ErrorLine';
import { ConnectedPanel } from './ConnectedPanel';
import { ConnectForm } from './ConnectForm';
import { ExchangePanel } from './ExchangePanel';
import { useSyncStatus } from './useSync';
import '../workbook/workbook.css';
import './sync.css';

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  return (
    <section className="page workbook sync">
      <header className="page__header">
        <h1>{t('sync.title')}</h1>
        <NavLink to="/settings" className="sync-back">
          {t('sync.settingsLink')}
        </NavLink>
      </header>
      <p className="muted wb-lead sync-lead">{t('sync.lead')}</p>
      <ErrorLine error={status.error} />
      {status.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {status.data?.configured ? <ConnectedPanel status={status.data} /> : null}
      {status.data && !status.data.configured ? <ConnectForm /> : null}
      <ExchangePanel />
    </section>
  );
}
