/**
 * Clients with a plan or a potential, ranked by headroom, with a totals row on top; a long list
 * grows by a button. Clients who bought without either are left out of the list and the totals,
 * and a line under the table says how many and for how much.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanReportRow } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/money';
import { hasTarget, planTotals } from '../../lib/plan-totals';
import { formatPercent } from './report';

const PAGE = 200;

export function HeadroomTable({ rows: all }: { rows: PlanReportRow[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const rows = all.filter(hasTarget);
  const totals = planTotals(all);
  const rest = rows.length - shown;
  return (
    <div className="growth-table-wrap">
      <table className="growth-table" data-testid="growth-table">
        <thead>
          <tr>
            <th className="growth-num">{t('growth.table.rank')}</th>
            <th className="growth-name">{t('growth.table.client')}</th>
            <th className="growth-num">{t('growth.table.potential')}</th>
            <th className="growth-num">{t('growth.table.plan')}</th>
            <th className="growth-num">{t('growth.table.actual')}</th>
            <th className="growth-pen">{t('growth.table.penetration')}</th>
            <th className="growth-num">{t('growth.table.fulfilment')}</th>
            <th className="growth-num growth-head">{t('growth.table.headroom')}</th>
            <th className="growth-num">{t('growth.table.upSale')}</th>
            <th className="growth-num">{t('growth.table.crossSale')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="growth-total" data-testid="growth-total">
            <td />
            <td className="growth-name">
              {t('growth.table.total')}{' '}
              <span className="muted">{t('growth.table.count', { count: totals.counted })}</span>
            </td>
            <Cells row={totals} />
          </tr>
          {rows.slice(0, shown).map((row, i) => (
            <tr key={row.clientId ?? row.name} data-testid="growth-row">
              <td className="growth-num muted">{i + 1}</td>
              <td className="growth-name" data-col="name">
                <Link to={`/clients/${row.clientId ?? ''}`}>{row.name}</Link>
              </td>
              <Cells row={row} />
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 ? (
        <button type="button" className="link" onClick={() => setShown(shown + PAGE)}>
          {t('growth.table.showMore', { count: Math.min(rest, PAGE) })}
        </button>
      ) : null}
      {totals.outside !== 0 ? (
        <p className="muted growth-outside" data-testid="growth-outside">
          {totals.rows > totals.counted
            ? t('growth.table.outsideClients', {
                count: totals.rows - totals.counted,
                amount: formatMoney(totals.outside),
              })
            : t('growth.table.outside', { amount: formatMoney(totals.outside) })}
        </p>
      ) : null}
    </div>
  );
}

type Figures = Pick<
  PlanReportRow,
  | 'potential'
  | 'plan'
  | 'actual'
  | 'penetration'
  | 'fulfilment'
  | 'headroom'
  | 'upSale'
  | 'crossSale'
> & { actualAll?: number };

function Cells({ row }: { row: Figures }) {
  const { t } = useTranslation();
  // A client's sales in categories without a plan or potential stay out of "actual"; say so.
  const outside = row.actualAll === undefined ? 0 : row.actualAll - row.actual;
  return (
    <>
      <td className="growth-num" data-col="potential">
        {formatMoney(row.potential)}
      </td>
      <td className="growth-num" data-col="plan">
        {formatMoney(row.plan)}
      </td>
      <td
        className={outside !== 0 ? 'growth-num growth-num--part' : 'growth-num'}
        data-col="actual"
        title={
          outside !== 0
            ? t('growth.table.actualHint', {
                all: formatMoney(row.actualAll ?? 0),
                outside: formatMoney(outside),
              })
            : undefined
        }
      >
        {formatMoney(row.actual)}
      </td>
      <td className="growth-pen" data-col="penetration">
        <PenetrationBar ratio={row.penetration} />
      </td>
      <td className="growth-num" data-col="fulfilment">
        {formatPercent(row.fulfilment)}
      </td>
      <td className="growth-num growth-head" data-col="headroom">
        {formatMoney(row.headroom)}
      </td>
      <td className="growth-num" data-col="upSale">
        {formatMoney(row.upSale)}
      </td>
      <td className="growth-num" data-col="crossSale">
        {formatMoney(row.crossSale)}
      </td>
    </>
  );
}

/** Share of wallet as a small bar (capped at full) and its percent. */
function PenetrationBar({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <span className="growth-pen__pct">—</span>;
  const width = Math.max(0, Math.min(ratio, 1)) * 100;
  return (
    <span className="growth-pen__cell">
      <span className="growth-pen__bar" aria-hidden="true">
        <span className="growth-pen__fill" style={{ width: `${width}%` }} />
      </span>
      <span className="growth-pen__pct">{formatPercent(ratio)}</span>
    </span>
  );
}
