/** Revenue by month, and retention with churn by month: the two figures over time. */
import type { ChartData, ChartOptions } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { barOptions, lineOptions, palette } from './charts';
import { change, money, moneyShort, moneyWhole, monthLabel, num, percent } from './format';

export function RevenueCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const months = d.revenueByMonth;
  // The window's revenue, the same figure Pareto and the channels add up to.
  const total = d.revenue.current;
  const purchases = months.reduce((s, m) => s + m.purchases, 0);
  const before = d.revenue.previous;
  const delta = change(total, before);
  const data: ChartData<'bar', number[], string> = {
    labels: months.map((m) => monthLabel(m.label)),
    datasets: [
      {
        label: t('ana.revenue.series'),
        data: months.map((m) => m.revenue),
        backgroundColor: p.accent,
        borderRadius: 3,
        maxBarThickness: 28,
      },
    ],
  };
  const options = barOptions(p, false, moneyShort);
  options.plugins!.tooltip = {
    callbacks: {
      label: (item) => money(item.parsed.y ?? 0),
      afterLabel: (item) => {
        const m = months[item.dataIndex];
        return m ? t('ana.revenue.tooltip', { buyers: m.buyers, purchases: m.purchases }) : '';
      },
    },
  };
  return (
    <Card
      name="revenue"
      title={t('ana.revenue.title')}
      figure={<span title={money(total)}>{moneyWhole(total)}</span>}
      words={
        <>
          <p>
            {t('ana.revenue.words', { buyers: num(d.pareto.clients), purchases: num(purchases) })}
          </p>
          <p className="muted">
            {delta
              ? t('ana.revenue.vsPrevious', { change: delta, before: money(before) })
              : t('ana.revenue.noPrevious')}
          </p>
        </>
      }
      how={t('ana.revenue.how')}
    >
      <ChartBox>
        <Bar
          key={i18n.language}
          data={data}
          options={options}
          aria-label={t('ana.revenue.title')}
        />
      </ChartBox>
    </Card>
  );
}

export function RetentionCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const w = d.retention.window;
  const series = d.retention.series;
  const data: ChartData<'line', (number | null)[], string> = {
    labels: series.map((s) => monthLabel(s.from)),
    datasets: [
      {
        label: t('ana.retention.rate'),
        data: series.map((s) => s.retentionRate),
        borderColor: p.accent,
        backgroundColor: p.accent,
        pointRadius: 2,
        spanGaps: true,
      },
      {
        label: t('ana.retention.cohort'),
        data: series.map((s) => s.cohortRetention),
        borderColor: p.second,
        backgroundColor: p.second,
        pointRadius: 2,
        spanGaps: true,
      },
      {
        label: t('ana.retention.churn'),
        data: series.map((s) => s.churnRate),
        borderColor: p.bad,
        backgroundColor: p.bad,
        pointRadius: 2,
        spanGaps: true,
      },
    ],
  };
  const options: ChartOptions<'line'> = lineOptions(p, true, (v) => percent(v));
  options.plugins!.tooltip = {
    callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${percent(item.parsed.y, 1)}` },
  };
  const kept = w.cohortRetention === null ? 0 : Math.round(w.cohortRetention * w.atStart);
  return (
    <Card
      name="retention"
      title={t('ana.retention.title')}
      figure={percent(w.retentionRate)}
      words={
        w.retentionRate === null ? (
          <p>{t('ana.retention.noStart', { atEnd: num(w.atEnd), new: num(w.new) })}</p>
        ) : (
          <>
            <p>
              {t('ana.retention.words', {
                atStart: num(w.atStart),
                atEnd: num(w.atEnd),
                new: num(w.new),
              })}
            </p>
            <p>
              {t('ana.retention.churnWords', {
                churn: percent(w.churnRate),
                cohort: percent(w.cohortRetention),
                kept: num(kept),
              })}
            </p>
          </>
        )
      }
      how={t('ana.retention.how', { count: d.settings.activeDays })}
    >
      <ChartBox>
        <Line
          key={i18n.language}
          data={data}
          options={options}
          aria-label={t('ana.retention.title')}
        />
      </ChartBox>
    </Card>
  );
}
