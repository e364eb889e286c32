/**
 * The rail's sync line, once a hub is set: when this device last synced, what waits, "offline"
 * said quietly (normal on the road), an error mark only for a real failure, and the open
 * conflicts as a link to their screen.
 */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { timeAgo } from './relative-time';
import { useRefreshAfterPull, useSyncStatus } from './useSync';

export function RailSync() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const s = status.data;
  useRefreshAfterPull(s?.lastPulledAt);
  if (!s?.configured) return null;
  const when = s.syncing
    ? t('sync.rail.syncing')
    : s.lastSyncAt
      ? t('sync.rail.synced', { ago: timeAgo(s.lastSyncAt, status.dataUpdatedAt) })
      : t('sync.rail.never');
  return (
    <div className="rail-sync" data-testid="rail-sync">
      <NavLink to="/sync" className="rail-sync__when" data-testid="rail-sync-when">
        {when}
      </NavLink>
      {s.offline ? (
        <div className="muted" data-testid="rail-sync-offline">
          {t('sync.rail.offline')}
        </div>
      ) : null}
      {s.lastError ? (
        <div className="rail-sync__error" title={s.lastError.message} data-testid="rail-sync-error">
          {t('sync.rail.error')}
        </div>
      ) : null}
      {s.pending > 0 ? (
        <div className="muted" data-testid="rail-sync-pending">
          {t('sync.rail.pending', { count: s.pending })}
        </div>
      ) : null}
      {s.conflicts > 0 ? (
        <NavLink
          to="/sync/conflicts"
          className="rail-sync__conflicts"
          data-testid="rail-sync-conflicts"
        >
          {t('sync.rail.conflicts', { count: s.conflicts })}
        </NavLink>
      ) : null}
    </div>
  );
}
