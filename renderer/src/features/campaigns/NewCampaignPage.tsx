/** Starts a campaign on the clients chosen in the list (a selection or the whole filter). */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { ListQuery } from '../../../../electron/api/contract';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_GOALS,
  DEFAULT_HOLDOUT_PCT,
  type CampaignAction,
  type CampaignGoal,
} from '../../../../electron/api/contract/campaign-enums';
import { api, ApiError } from '../../api/client';
import { TemplateEditor, templateProblem } from './TemplateEditor';
import './campaigns.css';

/** What the client list hands over when "Start a campaign" is chosen. */
export interface CampaignAudience {
  target: { ids: string[] } | { filter: ListQuery };
  count: number;
}

export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const audience = (useLocation().state as { audience?: CampaignAudience } | null)?.audience;
  const [name, setName] = useState('');
  const [goal, setGoal] = useState<CampaignGoal>('win_back');
  const [action, setAction] = useState<CampaignAction>('call');
  const [holdout, setHoldout] = useState(String(DEFAULT_HOLDOUT_PCT));
  const [dueDays, setDueDays] = useState('14');
  const [template, setTemplate] = useState('');
  const hint = useId();
  const start = useMutation({
    mutationFn: () =>
      api.call('campaigns.create', {
        ...audience!.target,
        name: name.trim(),
        goal,
        action,
        holdoutPct: Number(holdout),
        dueDays: Number(dueDays),
        ...(template.trim() ? { template: template.trim() } : {}),
      }),
    onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}`, { replace: true }),
  });
  const templateError =
    start.error instanceof ApiError && start.error.field === 'template'
      ? templateProblem(start.error)
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <section className="page">
      <header className="page__header">
        <Link to="/campaigns">{t('camp.backToList')}</Link>
        <h1>{t('camp.new.title')}</h1>
      </header>
      {!audience ? (
        <p>
          {t('camp.new.noAudience')} <Link to="/clients">{t('nav.clients')}</Link>
        </p>
      ) : (
        <form className="campaign-form" onSubmit={submit}>
          <p data-testid="campaign-audience">
            <strong>{t('camp.new.audience', { count: audience.count })}</strong>
          </p>
          <label>
            {t('camp.new.name')}
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label>
            {t('camp.new.goal')}
            <select
              name="goal"
              value={goal}
              onChange={(e) => setGoal(e.target.value as CampaignGoal)}
            >
              {CAMPAIGN_GOALS.map((g) => (
                <option key={g} value={g}>
                  {t(`camp.goals.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('camp.new.action')}
            <select
              name="action"
              value={action}
              onChange={(e) => setAction(e.target.value as CampaignAction)}
            >
              {CAMPAIGN_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`camp.actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('camp.new.holdout')}
            <input
              name="holdout"
              type="number"
              min={0}
              max={50}
              value={holdout}
              aria-describedby={hint}
              onChange={(e) => setHoldout(e.target.value)}
            />
          </label>
          <p id={hint} className="muted">
            {t('camp.new.holdoutHint')}
          </p>
          <label>
            {t('camp.new.dueDays')}
            <input
              name="dueDays"
              type="number"
              min={1}
              max={365}
              value={dueDays}
              onChange={(e) => setDueDays(e.target.value)}
            />
          </label>
          <TemplateEditor
            value={template}
            onChange={setTemplate}
            target={audience.target}
            error={templateError}
          />
          {start.error && !templateError ? (
            <p className="error" role="alert">
              {start.error instanceof ApiError ? start.error.message : String(start.error)}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={start.isPending || !name.trim()}>
            {t('camp.new.start')}
          </button>
        </form>
      )}
    </section>
  );
}
