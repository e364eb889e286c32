/** One campaign: its result (contact vs control) over a chosen window, and its to-do list. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ListDrill } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { useDrillTitle } from '../analytics/drillTitle';
import { CampaignDelete } from './CampaignDelete';
import { CampaignMembers } from './CampaignMembers';
import { CampaignResult } from './CampaignResult';
import { CampaignSending } from './CampaignSending';
import { WindowPicker } from './WindowPicker';
import './campaigns.css';

/** Where the audience came from, when it was drawn from an analytics drill-down. */
function DrillSource({ drill }: { drill: ListDrill }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid="campaign-drill">
      {t('camp.drillSource', { source: useDrillTitle(drill) })}
    </p>
  );
}

export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [windowDays, setWindowDays] = useState<number>(30);
  const campaign = useQuery(channelQuery('campaigns.get', { id }));
  const c = campaign.data;
  return (
    <section className="page">
      <header className="page__header">
        <Link to="/campaigns">{t('camp.backToList')}</Link>
        <h1>{c?.name ?? ''}</h1>
        {c ? <CampaignDelete campaign={c} /> : null}
      </header>
      {c ? (
        <>
          <div className="campaign-facts">
            <p className="muted" data-testid="campaign-summary">
              {t(`camp.goals.${c.goal}`)} · {t(`camp.actions.${c.action}`)} ·{' '}
              {formatDate(c.startedAt)} ·{' '}
              {t('camp.progress', { done: c.doneCount, total: c.contactCount })}
              {c.recurring ? ` · ${t('camp.recurringBadge')}` : null}
            </p>
            {c.drill ? <DrillSource drill={c.drill} /> : null}
          </div>
          <CampaignSending campaign={c} />
          <WindowPicker value={windowDays} onChange={setWindowDays} />
          <CampaignResult id={id} windowDays={windowDays} action={c.action} goal={c.goal} />
          <CampaignMembers campaign={c} />
        </>
      ) : null}
    </section>
  );
}
