/** Every campaign with its progress and its uplift over 30 days, newest first. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Campaign } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { money } from '../analytics/format';
import './campaigns.css';

export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useQuery(channelQuery('campaigns.list', {}));
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('camp.title')}</h1>
      </header>
      <p className="muted">{t('camp.intro')}</p>
      {campaigns.data?.length === 0 ? <p data-testid="campaigns-empty">{t('camp.empty')}</p> : null}
      {campaigns.data?.length ? (
        <table className="campaigns">
          <thead>
            <tr>
              <th>{t('camp.table.name')}</th>
              <th>{t('camp.table.goal')}</th>
              <th>{t('camp.table.started')}</th>
              <th className="num">{t('camp.table.contact')}</th>
              <th className="num">{t('camp.table.control')}</th>
              <th className="num">{t('camp.table.done')}</th>
              <th className="num">{t('camp.table.uplift')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.map((c) => (
              <CampaignRow key={c.id} campaign={c} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function CampaignRow({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const report = useQuery(channelQuery('campaigns.report', { id: c.id, windowDays: 30 }));
  return (
    <tr data-testid="campaign-row">
      <td>
        <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
      </td>
      <td>{t(`camp.goals.${c.goal}`)}</td>
      <td>{formatDate(c.startedAt)}</td>
      <td className="num">{c.contactCount}</td>
      <td className="num">{c.controlCount}</td>
      <td className="num">{c.doneCount}</td>
      <td className="num">
        {report.data?.moneyUplift == null ? '—' : money(report.data.moneyUplift)}
      </td>
    </tr>
  );
}
