/**
 * Every campaign's figures side by side over one window (30, 60 or 90 days after contact),
 * newest first; after a delete, a toast that brings the campaign back.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { CampaignComparisonRow } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { money, percent } from '../analytics/format';
import type { DeletedCampaign } from './CampaignDelete';
import { verdictOf } from './CampaignResult';
import { useRefreshRecurring } from './useRefreshRecurring';
import { WindowPicker } from './WindowPicker';
import './campaigns.css';

const signedMoney = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${money(x)}`);

export function CampaignsPage() {
  const { t } = useTranslation();
  const [windowDays, setWindowDays] = useState(30);
  const refresh = useRefreshRecurring();
  const rows = useQuery(channelQuery('campaigns.compare', { windowDays }));
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('camp.title')}</h1>
      </header>
      <p className="muted">{t('camp.intro')}</p>
      <UndoDelete />
      {refresh.error ? (
        <p className="error" role="alert">
          {refresh.error instanceof ApiError ? refresh.error.message : String(refresh.error)}
        </p>
      ) : null}
      {rows.data?.length === 0 ? <p data-testid="campaigns-empty">{t('camp.empty')}</p> : null}
      {rows.data?.length ? (
        <>
          <WindowPicker value={windowDays} onChange={setWindowDays} />
          <div className="campaigns-scroll">
            <table className="campaigns campaigns--compare" data-testid="campaigns-compare">
              <caption className="muted">
                {t('camp.compare.caption', { count: windowDays })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('camp.table.name')}</th>
                  <th scope="col">{t('camp.table.goal')}</th>
                  <th scope="col">{t('camp.table.action')}</th>
                  <th scope="col">{t('camp.table.started')}</th>
                  <th scope="col" className="num">
                    {t('camp.table.audience')}
                  </th>
                  <th scope="col" className="num">
                    {t('camp.table.done')}
                  </th>
                  <th scope="col" className="num">
                    {t('camp.table.control')}
                  </th>
                  <th scope="col" className="num">
                    {t('camp.table.buyRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('camp.table.perClientDiff')}
                  </th>
                  <th scope="col" className="num">
                    {t('camp.table.uplift')}
                  </th>
                  <th scope="col">{t('camp.table.reliable')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.map((row) => (
                  <CampaignRow key={row.campaign.id} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function CampaignRow({ row: { campaign: c, report: r } }: { row: CampaignComparisonRow }) {
  const { t } = useTranslation();
  const verdict = verdictOf(r);
  return (
    <tr data-testid="campaign-row" data-campaign={c.id}>
      <th scope="row">
        <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
        {c.recurring ? <span className="campaign-badge">{t('camp.recurringBadge')}</span> : null}
      </th>
      <td>{t(`camp.goals.${c.goal}`)}</td>
      <td>{t(`camp.actions.${c.action}`)}</td>
      <td className="nowrap">{formatDate(c.startedAt)}</td>
      <td className="num">{c.contactCount + c.controlCount}</td>
      <td className="num">{c.doneCount}</td>
      <td className="num">{c.controlCount}</td>
      <td className="num nowrap">
        {percent(r.contact.buyRate, 1)} / {percent(r.control.buyRate, 1)}
      </td>
      <td className="num nowrap">{signedMoney(r.revenuePerClientDiff)}</td>
      <td className="num nowrap" data-testid="compare-uplift">
        {signedMoney(r.moneyUplift)}
      </td>
      <td data-testid="compare-reliable" data-verdict={verdict}>
        {t(`camp.compare.verdict.${verdict}`)}
      </td>
    </tr>
  );
}

/** After a delete on the campaign's page: "moved to the trash — Undo". */
function UndoDelete() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const deleted = (location.state as { deleted?: DeletedCampaign } | null)?.deleted;
  const [restored, setRestored] = useState<string | null>(null);
  const restore = useMutation({
    mutationFn: (id: string) => api.call('campaigns.restore', { id }),
    onSuccess: (campaign) => setRestored(campaign.name),
  });
  const dismiss = () => {
    setRestored(null);
    void navigate('.', { replace: true, state: null });
  };
  if (restored) {
    return (
      <div className="toast" role="status">
        {t('camp.delete.restored', { name: restored })}
        <button
          type="button"
          className="link"
          aria-label={t('camp.delete.dismiss')}
          onClick={dismiss}
        >
          ×
        </button>
      </div>
    );
  }
  if (!deleted) return null;
  return (
    <div className="toast" role="status">
      {t('camp.delete.done', { name: deleted.name })}
      <button
        type="button"
        className="link"
        disabled={restore.isPending}
        onClick={() => restore.mutate(deleted.id)}
      >
        {t('camp.delete.undo')}
      </button>
      <button
        type="button"
        className="link"
        aria-label={t('camp.delete.dismiss')}
        onClick={dismiss}
      >
        ×
      </button>
      {restore.error ? (
        <span className="error" role="alert">
          {restore.error instanceof ApiError ? restore.error.message : String(restore.error)}
        </span>
      ) : null}
    </div>
  );
}
