/**
 * Growth points: where the owner can sell more. Clients ranked by headroom (potential minus
 * actual), plan vs actual vs potential by manager or category, and tools that set plans and
 * potentials for many clients at once. A period, a manager and a category filter the screen.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportGroup } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { ExportMenu, type ExportChoice } from '../export/ExportMenu';
import { GrowthChart, type ChartGroup } from './GrowthChart';
import { headroomTable } from './headroom-export';
import { HeadroomTable } from './HeadroomTable';
import { PeriodPicker } from './PeriodPicker';
import { PlanTools } from './PlanTools';
import { hasTarget } from '../../lib/plan-totals';
import { rankByHeadroom } from './report';
import './growth.css';

interface Filters {
  period: string;
  managerId: string;
  category: string;
}

function usePlanReport(groupBy: ReportGroup, f: Filters) {
  const input = {
    period: f.period,
    groupBy,
    ...(f.managerId ? { managerId: f.managerId } : {}),
    ...(f.category ? { category: f.category } : {}),
  };
  return useQuery({
    ...channelQuery('plans.report', input),
    placeholderData: keepPreviousData,
  });
}

export function GrowthPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(() => ({
    period: String(new Date().getFullYear()),
    managerId: '',
    category: '',
  }));
  const [chartGroup, setChartGroup] = useState<ChartGroup>('manager');
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const managers = useQuery(channelQuery('managers.names', {}));
  const clients = usePlanReport('client', filters);
  const byManager = usePlanReport('manager', filters);
  // Categories come from the report without the category filter, so the select keeps them all.
  const byCategory = usePlanReport('category', { ...filters, category: '' });

  const categories = (byCategory.data?.rows ?? []).map((r) => r.name).filter(Boolean);
  if (filters.category && !categories.includes(filters.category)) categories.push(filters.category);
  // Plan, actual and potential side by side only where there is a plan or potential.
  const chartRows = (
    chartGroup === 'manager'
      ? (byManager.data?.rows ?? [])
      : (byCategory.data?.rows ?? []).filter(
          (r) => !filters.category || r.name === filters.category,
        )
  ).filter(hasTarget);
  const rows = rankByHeadroom(clients.data?.rows ?? []);
  const visibleManagers = (managers.data ?? []).filter(
    (m) => m.active || m.id === filters.managerId,
  );
  const exportTable = (choice: ExportChoice) =>
    api.call('export.table', {
      ...choice,
      ...headroomTable(rows.filter(hasTarget), t('exp.growthTitle', { period: filters.period }), t),
    });

  return (
    <section className="page growth">
      <header className="page__header growth-header">
        <h1>{t('growth.title')}</h1>
        <span className="muted growth-intro">{t('growth.intro')}</span>
      </header>
      <div className="growth-filters">
        <PeriodPicker value={filters.period} onChange={(period) => set({ period })} />
        <label className="growth-filter">
          <span>{t('growth.filters.manager')}</span>
          <select value={filters.managerId} onChange={(e) => set({ managerId: e.target.value })}>
            <option value="">{t('growth.filters.allManagers')}</option>
            {visibleManagers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="growth-filter">
          <span>{t('growth.filters.category')}</span>
          <select value={filters.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">{t('growth.filters.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>

      {clients.error ? (
        <p className="error" role="alert">
          {clients.error.message}{' '}
          <button type="button" onClick={() => void clients.refetch()}>
            {t('growth.retry')}
          </button>
        </p>
      ) : null}
      {!clients.data ? (
        clients.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : null
      ) : rows.some(hasTarget) ? (
        <>
          <section className="growth-panel" aria-labelledby="growth-table-title">
            <header className="growth-panel__header">
              <h2 id="growth-table-title">{t('growth.table.title')}</h2>
              <ExportMenu onExport={exportTable} />
              <span className="muted growth-help">{t('growth.table.help')}</span>
            </header>
            <HeadroomTable key={filters.period} rows={rows} />
          </section>
          <GrowthChart rows={chartRows} group={chartGroup} onGroup={setChartGroup} />
        </>
      ) : (
        <div className="empty growth-empty" data-testid="growth-empty">
          <h2>{t('growth.empty.title')}</h2>
          <p>{t('growth.empty.body')}</p>
          <Link className="growth-button" to="/clients">
            {t('growth.empty.toClients')}
          </Link>
        </div>
      )}
      <PlanTools period={filters.period} categories={categories} />
    </section>
  );
}
