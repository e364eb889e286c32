/**
 * Who made a change, as the feed and the history say it: the person, "by the sales" for moves
 * the stage ladder made, and the device for a change that came from another one by sync.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../electron/api/contract';

export function Who({
  entry,
}: {
  entry: Pick<HistoryEntry, 'actor' | 'batchKind' | 'batchLabel'>;
}) {
  const { t } = useTranslation();
  if (entry.batchLabel === 'stageLadder')
    return <>{t('cardx.feed.bySales', { actor: entry.actor })}</>;
  if (entry.batchKind === 'sync' && entry.batchLabel) {
    return (
      <>
        {entry.actor}{' '}
        <span className="history__device" data-testid="from-device">
          {t('sync.history.fromDevice', { device: entry.batchLabel })}
        </span>
      </>
    );
  }
  return <>{entry.actor}</>;
}
