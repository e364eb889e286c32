/** The repeat-purchase funnel: of the clients acquired, how many reached a 2nd, 3rd, 4th purchase. */
import type { ChartData } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { barOptions, palette } from './charts';
import { monthLabel, num, percent } from './format';

/** Acquisition months shown in the table, newest last. */
const RECENT_MONTHS = 6;

export function FunnelCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const { steps, total } = d.funnel;
  const recent = d.funnel.months.slice(-RECENT_MONTHS);
  const labels = [1, ...steps].map((n) => t('ana.funnel.stepShort', { n }));
  const values = [total.clients ? 1 : 0, ...total.shares.map((s) => s ?? 0)];
  const data: ChartData<'bar', number[], string> = {
    labels,
    datasets: [
      {
        label: t('ana.funnel.share'),
        data: values,
        backgroundColor: values.map((_, i) => (i === 0 ? p.faint : p.accent)),
        borderRadius: 3,
        maxBarThickness: 48,
      },
    ],
  };
  const options = barOptions(p, false, (v) => percent(v));
  options.scales!['x'] = {
    ticks: { color: p.text, autoSkip: false, maxRotation: 0 },
    grid: { display: false },
    title: { display: true, text: t('ana.funnel.axis'), color: p.text },
  };
  options.plugins!.tooltip = {
    callbacks: {
      label: (item) => {
        const clients = item.dataIndex === 0 ? total.clients : total.reached[item.dataIndex - 1];
        return t('ana.funnel.tooltip', { n: num(clients ?? 0), share: percent(item.parsed.y) });
      },
    },
  };
  return (
    <Card
      name="funnel"
      title={t('ana.funnel.title')}
      figure={percent(total.shares[0] ?? null)}
      words={
        <p>
          {t('ana.funnel.words', {
            n: num(total.reached[0] ?? 0),
            clients: num(total.clients),
          })}
        </p>
      }
      how={t('ana.funnel.how')}
    >
      <ChartBox height={160}>
        <Bar key={i18n.language} data={data} options={options} aria-label={t('ana.funnel.title')} />
      </ChartBox>
      {recent.length > 0 ? (
        <table className="ana-table ana-table--compact">
          <thead>
            <tr>
              <th>{t('ana.funnel.month')}</th>
              <th className="num">{t('ana.funnel.clients')}</th>
              {steps.map((n) => (
                <th key={n} className="num">
                  {t('ana.funnel.stepShort', { n })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recent.map((row) => (
              <tr key={row.month}>
                <td>{monthLabel(row.month)}</td>
                <td className="num">{num(row.clients)}</td>
                {row.shares.map((s, i) => (
                  <td key={i} className="num">
                    {percent(s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
