/**
 * The analytics dashboard: one `analytics.dashboard` call per window and manager, drawn as a
 * grid of cards; a click on a matrix cell, a migration, a segment or the slipping list opens the
 * clients behind it in a side panel.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { AnalyticsHeader } from './AnalyticsHeader';
import { ChannelsCard, ManagersCard } from './BreakdownCards';
import { ClvCard } from './ClvCard';
import { DrillPanel } from './DrillPanel';
import { FunnelCard } from './FunnelCard';
import { LostReasonsCard } from './LostReasonsCard';
import { LtvCard } from './LtvCard';
import { MatrixCard } from './MatrixCard';
import { MigrationCard } from './MigrationCard';
import { NpsCard } from './NpsCard';
import { ParetoCard } from './ParetoCard';
import { RfmCard } from './RfmCard';
import { RetentionCard, RevenueCard } from './TrendCards';
import { useAnalyticsParams, type Drill, type Filters } from './useAnalyticsParams';
import './analytics.css';
import './analytics-figures.css';

function useDashboard(f: Filters) {
  const input = {
    months: f.months,
    asOf: f.asOf,
    ...(f.managerId ? { managerId: f.managerId } : {}),
  };
  return useQuery({
    ...channelQuery('analytics.dashboard', input),
    placeholderData: keepPreviousData,
  });
}

/** No sale on or before the as-of date: nothing to chart. */
function isEmpty(d: Dashboard): boolean {
  return d.funnel.total.clients === 0 && d.revenueByMonth.every((m) => m.purchases === 0);
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  const { filters, setFilters, drill, openDrill } = useAnalyticsParams();
  const dashboard = useDashboard(filters);
  const managers = useQuery(channelQuery('managers.names', {}));
  const names = useMemo(
    () => new Map((managers.data ?? []).map((m) => [m.id, m.name])),
    [managers.data],
  );
  const d = dashboard.data;
  const drillTo = (kind: Drill['kind']) => (key: string) => openDrill({ kind, key });

  return (
    <section className="page analytics" aria-busy={dashboard.isFetching}>
      <AnalyticsHeader
        filters={filters}
        onChange={setFilters}
        {...(d ? { window: d.window, previous: d.previous } : {})}
      />
      {dashboard.error ? (
        <p className="error" role="alert">
          {dashboard.error.message}{' '}
          <button type="button" onClick={() => void dashboard.refetch()}>
            {t('ana.retry')}
          </button>
        </p>
      ) : null}
      {!d ? (
        dashboard.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : null
      ) : isEmpty(d) ? (
        <div className="empty" data-testid="ana-empty">
          <p>{t('ana.empty.body')}</p>
          <Link className="ana-button" to="/import">
            {t('ana.empty.import')}
          </Link>
        </div>
      ) : (
        <div className="ana-grid" data-testid="ana-grid">
          <RevenueCard d={d} />
          <RetentionCard d={d} />
          <MatrixCard d={d} onDrill={drillTo('matrix')} />
          <ParetoCard d={d} />
          <MigrationCard d={d} onDrill={drillTo('migration')} />
          <RfmCard d={d} onDrill={drillTo('rfm')} />
          <LtvCard d={d} />
          <FunnelCard d={d} />
          <ClvCard d={d} onDrill={() => openDrill({ kind: 'slipping', key: 'all' })} />
          <NpsCard d={d} />
          <ChannelsCard d={d} />
          <ManagersCard d={d} names={names} />
          <LostReasonsCard d={d} />
        </div>
      )}
      {drill ? (
        <DrillPanel drill={drill} filters={filters} onClose={() => openDrill(null)} />
      ) : null}
    </section>
  );
}
