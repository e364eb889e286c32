/**
 * The card's Plan vs potential tab: for a period, per category of this client, what it could
 * buy (potential), what we intend to sell (plan), what it bought (actual), the share of its
 * wallet we have, how far the plan is done and how much is left to win; then a form to set a
 * category's plan and potential.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanReportRow } from '../../../../../electron/api/contract';
import { api } from '../../../api/client';
import { formatMoney } from '../../../lib/money';
import { planTotals } from '../../../lib/plan-totals';
import { PeriodPicker } from './PeriodPicker';
import { PlanForm } from './PlanForm';
import { formatPeriod, type PeriodParts } from '../../../lib/period';
import { usePlanReport, useSalesSummary } from './useSales';
import './sales.css';

interface Props {
  clientId: string;
  readOnly: boolean;
}

/** 0.2 → "20 %" / "20%"; null → "—". */
function usePercent(): (ratio: number | null) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ru-RU', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (ratio) => (ratio === null ? '—' : format.format(ratio));
}

/** The figures of one line of the table: a category, or the total. */
type Line = Pick<
  PlanReportRow,
  'name' | 'category' | 'potential' | 'plan' | 'actual' | 'penetration' | 'fulfilment' | 'headroom'
>;

export function PlanTab({ clientId, readOnly }: Props) {
  const { t } = useTranslation();
  const percent = usePercent();
  const [parts, setParts] = useState<PeriodParts>(() => ({
    kind: 'year',
    year: new Date().getFullYear(),
    part: 1,
  }));
  const period = formatPeriod(parts);
  const report = usePlanReport(clientId, period);
  const summary = useSalesSummary(clientId);
  const rows = report.data?.rows ?? [];
  const categories = [
    ...new Set([
      ...rows.map((r) => r.category ?? r.name),
      ...(summary.data?.byCategory.map((c) => c.category) ?? []),
    ]),
  ].filter(Boolean);

  const totals = planTotals(rows);
  const row = (r: Line, key: string, total = false) => (
    <tr
      key={key}
      className={total ? 'plan__total' : undefined}
      data-category={r.category}
      data-testid={total ? 'plan-total' : undefined}
    >
      <th scope="row">{total ? t('sales.plan.total') : r.name}</th>
      <td className="num">{formatMoney(r.potential)}</td>
      <td className="num">{formatMoney(r.plan)}</td>
      <td className="num">{formatMoney(r.actual)}</td>
      <td className="num plan__penetration">
        <span className="plan__pct" data-testid="penetration">
          {percent(r.penetration)}
        </span>
        <span
          className="plan__bar"
          role="img"
          aria-label={t('sales.plan.penetrationBar', { value: percent(r.penetration) })}
        >
          <span
            className="plan__fill"
            style={{ width: `${Math.min(Math.max(r.penetration ?? 0, 0), 1) * 100}%` }}
          />
        </span>
      </td>
      <td className="num" data-testid="fulfilment">
        {percent(r.fulfilment)}
      </td>
      <td className="num" data-testid="headroom">
        {formatMoney(r.headroom)}
      </td>
    </tr>
  );

  return (
    <div className="plan" data-testid="plan-tab">
      <PeriodPicker value={parts} onChange={setParts} />
      {report.error ? (
        <p className="error" role="alert">
          {report.error.message}
        </p>
      ) : null}
      {report.isSuccess && rows.length === 0 ? (
        <p className="muted">{t('sales.plan.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="sales__scroll">
          <table className="sales__table plan__table" aria-label={t('sales.plan.reportLabel')}>
            <thead>
              <tr>
                <th>{t('sales.plan.category')}</th>
                <th className="num">{t('sales.plan.potential')}</th>
                <th className="num">{t('sales.plan.plan')}</th>
                <th className="num">{t('sales.plan.actual')}</th>
                <th className="num">{t('sales.plan.penetration')}</th>
                <th className="num">{t('sales.plan.fulfilment')}</th>
                <th className="num">{t('sales.plan.headroom')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => row(r, r.category ?? r.name))}
              {rows.length > 1 && totals.counted > 0
                ? row({ ...totals, name: '' }, '__total', true)
                : null}
            </tbody>
          </table>
          {rows.length > 1 && totals.counted > 0 && totals.counted < totals.rows ? (
            <p className="muted plan__note" data-testid="plan-total-note">
              {t('sales.plan.totalOver', { counted: totals.counted, rows: totals.rows })}
              {totals.outside !== 0
                ? ` ${t('sales.plan.totalOutside', { amount: formatMoney(totals.outside) })}`
                : ''}
            </p>
          ) : null}
        </div>
      ) : null}
      {readOnly ? null : (
        <PlanForm
          period={period}
          categories={categories}
          onSubmit={async (values) => {
            await api.call('plans.set', { clientId, period, ...values });
          }}
        />
      )}
    </div>
  );
}
