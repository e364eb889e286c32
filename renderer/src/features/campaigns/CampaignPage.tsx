/** One campaign: its result (contact vs control) over a chosen window, and its to-do list. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { CampaignDelete } from './CampaignDelete';
import { CampaignMembers } from './CampaignMembers';
import { CampaignResult } from './CampaignResult';
import { CampaignSending } from './CampaignSending';
import './campaigns.css';

const WINDOWS = [30, 60, 90] as const;

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
          <p className="muted" data-testid="campaign-summary">
            {t(`camp.goals.${c.goal}`)} · {t(`camp.actions.${c.action}`)} ·{' '}
            {formatDate(c.startedAt)} ·{' '}
            {t('camp.progress', { done: c.doneCount, total: c.contactCount })}
            {c.recurring ? ` · ${t('camp.recurringBadge')}` : null}
          </p>
          <CampaignSending campaign={c} />
          <div className="campaign-window" role="group" aria-label={t('camp.window')}>
            <span>{t('camp.window')}:</span>
            {WINDOWS.map((w) => (
              <button
                key={w}
                type="button"
                aria-pressed={w === windowDays}
                className={w === windowDays ? 'primary' : ''}
                onClick={() => setWindowDays(w)}
              >
                {t('camp.windowDays', { count: w })}
              </button>
            ))}
          </div>
          <CampaignResult id={id} windowDays={windowDays} action={c.action} goal={c.goal} />
          <CampaignMembers campaign={c} />
        </>
      ) : null}
    </section>
  );
}
