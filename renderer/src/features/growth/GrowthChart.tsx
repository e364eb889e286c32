/** Plan, actual and potential per manager or per category, as grouped bars. */
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { PlanReportRow } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/money';
import { formatMoneyShort } from './report';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

export type ChartGroup = 'manager' | 'category';

/** Colours that read on both the light and the dark panel. */
const COLORS = { plan: '#8b95a7', actual: '#2f6fde', potential: 'rgba(47, 111, 222, 0.28)' };

export function GrowthChart(props: {
  rows: PlanReportRow[];
  group: ChartGroup;
  onGroup: (group: ChartGroup) => void;
}) {
  const { t, i18n } = useTranslation();
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const text = dark ? '#c9d0dc' : '#4b5563';
  const grid = dark ? '#2b313c' : '#e3e6eb';
  const labels = props.rows.map((r) => r.name || t('growth.noManager'));
  // Chart.js draws numbers; money stays minor units in the data and is formatted on the way out.
  const data: ChartData<'bar', number[], string> = {
    labels,
    datasets: [
      {
        label: t('growth.chart.plan'),
        data: props.rows.map((r) => r.plan),
        backgroundColor: COLORS.plan,
      },
      {
        label: t('growth.chart.actual'),
        data: props.rows.map((r) => r.actual),
        backgroundColor: COLORS.actual,
      },
      {
        label: t('growth.chart.potential'),
        data: props.rows.map((r) => r.potential),
        backgroundColor: COLORS.potential,
        borderColor: COLORS.actual,
        borderWidth: 1,
      },
    ],
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { color: text, boxWidth: 12 } },
      tooltip: {
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${formatMoney(item.parsed.y ?? 0)}`,
        },
      },
    },
    scales: {
      x: { ticks: { color: text }, grid: { display: false } },
      y: {
        beginAtZero: true,
        ticks: { color: text, callback: (value) => formatMoneyShort(Number(value)) },
        grid: { color: grid },
      },
    },
  };
  return (
    <section className="growth-panel growth-chart" data-testid="growth-chart">
      <header className="growth-panel__header">
        <h2>{t('growth.chart.title')}</h2>
        <div className="growth-toggle" role="group" aria-label={t('growth.chart.by')}>
          {(['manager', 'category'] as const).map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={props.group === g}
              onClick={() => props.onGroup(g)}
            >
              {g === 'manager' ? t('growth.chart.byManager') : t('growth.chart.byCategory')}
            </button>
          ))}
        </div>
      </header>
      {props.rows.length === 0 ? (
        <p className="muted">{t('growth.chart.empty')}</p>
      ) : (
        <div className="growth-chart__canvas">
          {/* The key redraws the chart when the language changes its labels and number format. */}
          <Bar
            key={i18n.language}
            data={data}
            options={options}
            aria-label={t('growth.chart.title')}
          />
        </div>
      )}
    </section>
  );
}
