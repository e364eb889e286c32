/** Settings' sync section: whether this device syncs, and the way to the Sync screen. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncStatus } from './useSync';

export function SyncSection() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const s = status.data;
  return (
    <section className="admin-panel" aria-labelledby="admin-sync-title" data-testid="settings-sync">
      <header className="admin-panel__header">
        <h2 id="admin-sync-title">{t('sync.settingsSection')}</h2>
      </header>
      <p className="muted admin-panel__lead">
        {s?.configured
          ? t('sync.settingsOn', { hub: s.hub ?? '', device: s.deviceName ?? '' })
          : t('sync.settingsOff')}
      </p>
      <div className="row">
        <Link to="/sync">{t('sync.settingsOpen')}</Link>
      </div>
    </section>
  );
}
