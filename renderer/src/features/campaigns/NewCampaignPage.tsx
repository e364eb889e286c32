/** Starts a campaign on the clients chosen in the list (a selection or the whole filter). */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_GOALS,
  DEFAULT_HOLDOUT_PCT,
  type CampaignAction,
  type CampaignGoal,
} from '../../../../electron/api/contract/campaign-enums';
import { api, ApiError } from '../../api/client';
import type { ListAudience } from '../lists/ListActions';
import { TemplateEditor, templateProblem } from './TemplateEditor';
import './campaigns.css';

/** What a list hands over when "Start a campaign" is chosen (the client list, a drill-down). */
export interface CampaignAudience {
  target: ListAudience;
  count: number;
  /** Where the list comes from ("Slipping away"), said above the form. */
  source?: string;
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
  const [recurring, setRecurring] = useState(false);
  const hint = useId();
  const recurringHint = useId();
  const start = useMutation({
    mutationFn: async () => {
      const settings = {
        name: name.trim(),
        goal,
        action,
        holdoutPct: Number(holdout),
        dueDays: Number(dueDays),
        ...(template.trim() ? { template: template.trim() } : {}),
        ...(recurring && 'filter' in audience!.target ? { recurring: true } : {}),
      };
      const target = audience!.target;
      // A drill-down is resolved on the server to every client behind it, and remembered.
      if ('drill' in target) {
        const started = await api.call('lists.act', {
          drill: target.drill,
          action: { type: 'campaign', ...settings },
        });
        return started.campaignId!;
      }
      return (await api.call('campaigns.create', { ...target, ...settings })).id;
    },
    onSuccess: (id) => void navigate(`/campaigns/${id}`, { replace: true }),
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
            {audience.source ? (
              <span className="muted" data-testid="campaign-source">
                {' '}
                {t('acts.from', { source: audience.source })}
              </span>
            ) : null}
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
          {'filter' in audience.target ? (
            <>
              <label className="campaign-form__check">
                <input
                  type="checkbox"
                  name="recurring"
                  checked={recurring}
                  aria-describedby={recurringHint}
                  onChange={(e) => setRecurring(e.target.checked)}
                />
                {t('camp.new.recurring')}
              </label>
              <p id={recurringHint} className="muted">
                {t('camp.new.recurringHint')}
              </p>
            </>
          ) : null}
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
