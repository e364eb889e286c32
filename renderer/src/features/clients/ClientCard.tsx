/**
 * The client card: the portrait on the left; reminders, then Feed, Sales, Plan vs potential
 * and History tabs on the right. A past version (as of a date) or a client in the trash is
 * shown read-only under a banner.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Client } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { AsOfBanner, TrashBanner } from '../card/Banners';
import { ConfirmDialog } from '../card/ConfirmDialog';
import { Feed } from '../card/Feed';
import { Portrait } from '../card/Portrait';
import { RemindersPanel } from '../card/RemindersPanel';
import { PlanTab } from '../card/sales/PlanTab';
import { SalesTab } from '../card/sales/SalesTab';
import {
  useClient,
  useFields,
  useLostReasons,
  useManagers,
  useSavePatch,
} from '../card/useCardData';
import '../card/card.css';
import { useCardKeys } from '../keyboard/useCardKeys';
import { CardConflicts } from '../sync/CardConflicts';
import { HistoryPanel } from './HistoryPanel';

type Tab = 'feed' | 'sales' | 'plan' | 'history';
const TAB_LABELS = {
  feed: 'cardx.tabs.feed',
  sales: 'sales.tabs.sales',
  plan: 'sales.tabs.plan',
  history: 'cardx.tabs.history',
} as const;

export function ClientCard() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const client = useClient(id);
  const fields = useFields();
  const managers = useManagers();
  const lostReasons = useLostReasons();
  const save = useSavePatch(id);
  const [tab, setTab] = useState<Tab>('feed');
  const [asOf, setAsOf] = useState<{ at: string; client: Client | null } | null>(null);
  // The past version belongs to the card it was asked on: opening another client (the search
  // box keeps this page and changes the id) leaves it, and coming back shows the card as it is.
  const [cardId, setCardId] = useState(id);
  if (cardId !== id) {
    setCardId(id);
    setAsOf(null);
  }
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Keyboard requests: C (the comment box, on the feed) and R (a new reminder).
  const [composerAsked, setComposerAsked] = useState(0);
  const [reminderAsked, setReminderAsked] = useState(0);
  const editable = client.data?.deletedAt === null && asOf === null;
  useCardKeys(id, {
    comment: () => {
      if (!editable) return;
      setTab('feed');
      setComposerAsked((n) => n + 1);
    },
    reminder: () => editable && setReminderAsked((n) => n + 1),
  });
  useEffect(() => {
    if (composerAsked) document.querySelector<HTMLElement>('textarea[name="comment"]')?.focus();
  }, [composerAsked]);
  // A client just made in the dialog: the focus goes on to its name, not to the page.
  const focusField = (useLocation().state as { focusField?: string } | null)?.focusField;
  const loaded = client.isSuccess;
  useEffect(() => {
    if (loaded && focusField) document.getElementById(`field-${focusField}`)?.focus();
  }, [loaded, focusField, id]);

  if (client.isPending) return <p className="page muted">{t('app.loading')}</p>;
  if (client.error) {
    return (
      <section className="page">
        <Link to="/clients">← {t('card.back')}</Link>
        <p className="error" role="alert">
          {client.error instanceof ApiError && client.error.code === 'not_found'
            ? t('card.notFound')
            : client.error.message}
        </p>
      </section>
    );
  }
  const current = client.data;
  const inTrash = current.deletedAt !== null;
  const shown = asOf ? asOf.client : current;
  // A past version is read, never edited: no input, no Restore link anywhere on it.
  const readOnly = inTrash || asOf !== null;

  return (
    <section className="page card">
      <div className="card__top">
        <Link to="/clients" className="card__back">
          ← {t('card.back')}
        </Link>
        {asOf ? null : (
          <Link to={`/clients/${id}/brief`} className="card__brief" title={t('brief.openHint')}>
            {t('brief.open')}
          </Link>
        )}
        {inTrash || asOf ? null : (
          <button type="button" className="card__delete" onClick={() => setConfirmDelete(true)}>
            {t('cardx.trash.delete')}
          </button>
        )}
      </div>
      {inTrash ? <TrashBanner clientId={id} /> : null}
      {asOf ? (
        <AsOfBanner at={asOf.at} existed={asOf.client !== null} onClose={() => setAsOf(null)} />
      ) : null}
      {asOf ? null : <CardConflicts clientId={id} />}
      <div className="card__columns">
        {shown ? (
          <Portrait
            client={shown}
            fields={fields.data ?? []}
            managers={managers.data ?? []}
            lostReasons={lostReasons.data ?? []}
            readOnly={readOnly}
            save={save}
          />
        ) : (
          <div className="card__portrait card__portrait--none" />
        )}
        <section className="card__feed">
          {asOf ? null : (
            <RemindersPanel clientId={id} readOnly={inTrash} addAsked={reminderAsked} />
          )}
          <div className="tabs" role="tablist" aria-label={t('cardx.tabs.label')}>
            {(['feed', 'sales', 'plan', 'history'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                className={`tab${tab === name ? ' tab--on' : ''}`}
                onClick={() => setTab(name)}
              >
                {t(TAB_LABELS[name])}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'feed' ? (
              <Feed clientId={id} readOnly={readOnly} />
            ) : tab === 'sales' ? (
              <SalesTab clientId={id} readOnly={readOnly} />
            ) : tab === 'plan' ? (
              <PlanTab clientId={id} readOnly={readOnly} />
            ) : (
              <HistoryPanel
                clientId={id}
                readOnly={readOnly}
                onAsOf={(at, past) => setAsOf({ at, client: past })}
              />
            )}
          </div>
        </section>
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          message={t('cardx.trash.confirm', { name: current.name })}
          onConfirm={async () => {
            await api.call('clients.delete', { id });
            setAsOf(null);
          }}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </section>
  );
}
