/** Monthly revenue of one client as bars, months without sales included (as the API gives). */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../../lib/format';
import { formatMoney } from '../../../lib/money';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Props {
  byMonth: { month: string; amount: number }[];
}

/** A colour of the theme; the canvas cannot read CSS variables itself. */
function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function SalesChart({ byMonth }: Props) {
  const { t, i18n } = useTranslation();
  const data = useMemo<ChartData<'bar'>>(() => {
    return {
      labels: byMonth.map(({ month }) => formatMonth(month)),
      datasets: [
        {
          label: t('sales.totals.total'),
          data: byMonth.map(({ amount }) => amount / 100),
          backgroundColor: cssColor('--accent', '#2f6fde'),
          borderRadius: 3,
          maxBarThickness: 28,
        },
      ],
    };
  }, [byMonth, t]);

  const options = useMemo<ChartOptions<'bar'>>(() => {
    const compact = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ru-RU', {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const muted = cssColor('--muted', '#6b7280');
    const line = cssColor('--line', '#e3e6eb');
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        // Registered globally by other charts; one series needs no legend.
        legend: { display: false },
        tooltip: {
          callbacks: { label: (item) => formatMoney(Math.round((item.parsed.y ?? 0) * 100)) },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { color: muted } },
        y: {
          beginAtZero: true,
          grid: { color: line },
          ticks: { color: muted, callback: (value) => compact.format(Number(value)) },
        },
      },
    };
  }, [i18n.language]);

  return (
    <figure className="sales-chart">
      <figcaption className="sales-chart__caption">{t('sales.chart.label')}</figcaption>
      <div className="sales-chart__canvas">
        <Bar data={data} options={options} aria-label={t('sales.chart.label')} role="img" />
      </div>
    </figure>
  );
}
