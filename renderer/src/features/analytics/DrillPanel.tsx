/** The clients behind one figure of the dashboard, in a side panel; each name opens the card. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrillRow } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { ListActions } from '../lists/ListActions';
import { useDrillTitle } from './drillTitle';
import { money, num } from './format';
import type { Drill, Filters } from './useAnalyticsParams';

/** Rows fetched at once; the count says when there are more. */
const LIMIT = 500;

function classOf(row: DrillRow, drill: Drill, t: (key: string) => string): string {
  if (drill.kind === 'rfm' && row.segment) return t(`ana.rfm.segments.${row.segment}`);
  if (row.abc || row.xyz) return `${row.abc ?? ''}${row.xyz ?? ''}`;
  return row.segment ? t(`ana.rfm.segments.${row.segment}`) : '—';
}

/** The main process writes a move as "AX → none"; the sides of "none" are new and gone. */
function detailOf(row: DrillRow, drill: Drill, t: (key: string) => string): string {
  const move = drill.kind === 'migration' ? /^(\S+) → (\S+)$/.exec(row.detail ?? '') : null;
  if (!move) return row.detail ?? '';
  const from = move[1] === 'none' ? t('ana.migration.new') : move[1];
  const to = move[2] === 'none' ? t('ana.migration.gone') : move[2];
  return `${from} → ${to}`;
}

export function DrillPanel(props: { drill: Drill; filters: Filters; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { drill, filters, onClose } = props;
  const title = useDrillTitle(drill);
  // The drill-down as a list's audience: `lists.act` reaches every client behind it.
  const audience = {
    kind: drill.kind,
    key: drill.key,
    asOf: filters.asOf,
    months: filters.months,
    ...(filters.managerId ? { managerId: filters.managerId } : {}),
  };
  const input = { ...audience, limit: LIMIT };
  const result = useQuery(channelQuery('analytics.drill', input));
  // A new list takes the focus, so the keyboard lands in it.
  useEffect(() => heading.current?.focus(), [drill.kind, drill.key]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const rows = result.data?.rows ?? [];
  const total = result.data?.total ?? 0;
  const hasDetail = rows.some((r) => r.detail);
  return (
    <aside className="ana-drill" role="dialog" aria-labelledby={id} data-testid="ana-drill">
      <header className="ana-drill__header">
        <h2 id={id} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="ana-drill__close" onClick={onClose}>
          {t('ana.drill.close')}
        </button>
      </header>
      {result.error ? (
        <p className="error" role="alert">
          {result.error.message}
        </p>
      ) : result.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <p className="ana-drill__count" data-testid="ana-drill-count">
            {t('ana.drill.count', { count: total, n: num(total) })}
            {total > rows.length ? ` ${t('ana.drill.shown', { n: num(rows.length) })}` : ''}
          </p>
          {/* Every client behind the figure, not only the rows listed here. */}
          <ListActions audience={{ drill: audience }} count={total} source={title} />
          {rows.length === 0 ? (
            <p className="muted">{t('ana.drill.empty')}</p>
          ) : (
            <div className="ana-drill__scroll">
              <table className="ana-table">
                <thead>
                  <tr>
                    <th>{t('ana.drill.name')}</th>
                    <th>{t('ana.drill.code')}</th>
                    <th>{t('ana.drill.manager')}</th>
                    <th className="num">{t('ana.drill.revenue')}</th>
                    <th>{drill.kind === 'rfm' ? t('ana.drill.segment') : t('ana.drill.class')}</th>
                    {hasDetail ? (
                      <th>
                        {drill.kind === 'migration' ? t('ana.drill.move') : t('ana.drill.detail')}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.clientId} data-testid="ana-drill-row">
                      <td className="ana-table__name">
                        <Link to={`/clients/${r.clientId}`}>{r.name}</Link>
                      </td>
                      <td className="muted">{r.externalId ?? ''}</td>
                      <td>{r.managerName ?? ''}</td>
                      <td className="num">{money(r.revenue)}</td>
                      <td>
                        <span className="badge">{classOf(r, drill, t)}</span>
                      </td>
                      {hasDetail ? <td className="muted">{detailOf(r, drill, t)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </aside>
  );
}
