/**
 * On the client card: the fields of this client that two devices changed before they met, with
 * both values and "Keep this one". Nothing shows while there are none.
 */
import { useTranslation } from 'react-i18next';
import { useLookups } from '../card/useCardData';
import { ConflictItem } from './ConflictItem';
import { useConflicts } from './useSync';
import './sync.css';

export function CardConflicts({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const conflicts = useConflicts(clientId);
  const lookups = useLookups();
  const list = conflicts.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="sync-card" aria-labelledby="sync-card-title" data-testid="card-conflicts">
      <h2 id="sync-card-title">{t('sync.conflicts.cardTitle', { count: list.length })}</h2>
      <ol className="sync-conflicts sync-conflicts--compact">
        {list.map((c) => (
          <ConflictItem key={c.id} conflict={c} lookups={lookups} showClient={false} />
        ))}
      </ol>
    </section>
  );
}
