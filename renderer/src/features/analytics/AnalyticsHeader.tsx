/** The window (months and as-of date) and the manager: filters every card and drill-down obeys. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelQuery } from '../../api/channel-query';
import { formatDate } from '../../lib/format';
import { WINDOW_MONTHS, type Filters } from './useAnalyticsParams';
import { DateInput } from '../../lib/DateInput';

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  /** The windows the figures were computed for, once known. */
  window?: { from: string; to: string };
  previous?: { from: string; to: string };
}

export function AnalyticsHeader({ filters, onChange, window, previous }: Props) {
  const { t } = useTranslation();
  const managers = useQuery(channelQuery('managers.names', {}));
  const visible = (managers.data ?? []).filter((m) => m.active || m.id === filters.managerId);
  return (
    <header className="ana-header">
      <div className="ana-header__title">
        <h1>{t('ana.title')}</h1>
        {window && previous ? (
          <span className="muted" data-testid="ana-window">
            {t('ana.window', {
              from: formatDate(window.from),
              to: formatDate(window.to),
              prevFrom: formatDate(previous.from),
              prevTo: formatDate(previous.to),
            })}
          </span>
        ) : null}
        {filters.managerId ? (
          <span className="muted ana-header__note">{t('ana.filters.managerNote')}</span>
        ) : null}
      </div>
      <div className="ana-filters">
        <label className="ana-filter">
          <span>{t('ana.filters.months')}</span>
          <select
            name="months"
            value={filters.months}
            onChange={(e) => onChange({ months: Number(e.target.value) })}
          >
            {WINDOW_MONTHS.map((m) => (
              <option key={m} value={m}>
                {t('ana.filters.monthsOption', { count: m })}
              </option>
            ))}
          </select>
        </label>
        <label className="ana-filter">
          <span>{t('ana.filters.asOf')}</span>
          <DateInput
            name="asOf"
            value={filters.asOf}
            required
            onChange={(value) => {
              // Only a whole date moves the dashboard; a half-typed one waits.
              if (/^\d{4}-\d{2}-\d{2}$/.test(value)) onChange({ asOf: value });
            }}
          />
        </label>
        <label className="ana-filter">
          <span>{t('ana.filters.manager')}</span>
          <select
            name="manager"
            value={filters.managerId}
            onChange={(e) => onChange({ managerId: e.target.value })}
          >
            <option value="">{t('ana.filters.allManagers')}</option>
            {visible.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
