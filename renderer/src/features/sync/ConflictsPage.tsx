/** The Conflicts screen: every open conflict, each with its two values and "Keep this one". */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLookups } from '../card/useCardData';
import { ErrorLine } from '../workbook/ErrorLine';
import { ConflictItem } from './ConflictItem';
import { useConflicts } from './useSync';
import '../workbook/workbook.css';
import './sync.css';

export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  const lookups = useLookups();
  const list = conflicts.data ?? [];
  return (
    <section className="page workbook sync">
      <header className="page__header">
        <h1>{t('sync.conflicts.title')}</h1>
        <NavLink to="/sync" className="sync-back">
          {t('sync.conflicts.back')}
        </NavLink>
      </header>
      <p className="muted wb-lead sync-lead">{t('sync.conflicts.lead')}</p>
      <ErrorLine error={conflicts.error} />
      {conflicts.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {conflicts.isSuccess && list.length === 0 ? (
        <p className="empty" data-testid="conflicts-empty">
          {t('sync.conflicts.empty')}
        </p>
      ) : null}
      {list.length > 0 ? (
        <ol className="sync-conflicts" data-testid="conflicts">
          {list.map((c) => (
            <ConflictItem key={c.id} conflict={c} lookups={lookups} showClient />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
