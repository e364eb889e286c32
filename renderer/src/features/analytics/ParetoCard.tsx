/** Pareto: the share of the window's revenue that the top 20 % of buyers bring. */
import type { ChartData, ChartOptions } from 'chart.js';
import { Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { palette } from './charts';
import { money, num, percent } from './format';

export function ParetoCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const pa = d.pareto;
  const rest = Math.max(0, pa.totalRevenue - pa.topRevenue);
  const data: ChartData<'doughnut', number[], string> = {
    labels: [
      t('ana.pareto.top', { n: num(pa.topClients) }),
      t('ana.pareto.rest', { n: num(pa.clients - pa.topClients) }),
    ],
    datasets: [
      {
        data: [Math.max(0, pa.topRevenue), rest],
        backgroundColor: [p.accent, p.faint],
        borderWidth: 0,
      },
    ],
  };
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    cutout: '62%',
    plugins: {
      legend: { position: 'bottom', labels: { color: p.text, boxWidth: 12, boxHeight: 12 } },
      tooltip: { callbacks: { label: (item) => ` ${money(item.parsed)}` } },
    },
  };
  return (
    <Card
      name="pareto"
      title={t('ana.pareto.title')}
      figure={percent(pa.share)}
      words={
        <p>
          {pa.share === null
            ? t('ana.pareto.none')
            : t('ana.pareto.words', {
                top: num(pa.topClients),
                clients: num(pa.clients),
                share: percent(pa.share),
                revenue: money(pa.topRevenue),
              })}
        </p>
      }
      how={t('ana.pareto.how')}
    >
      <ChartBox height={220}>
        <Doughnut
          key={i18n.language}
          data={data}
          options={options}
          aria-label={t('ana.pareto.title')}
        />
      </ChartBox>
    </Card>
  );
}
