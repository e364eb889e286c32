/** NPS by month of the answers recorded on cards, and the total. */
import type { ChartData } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { lineOptions, palette } from './charts';
import { monthLabel, num } from './format';

/** −12.5 → "−13", 40 → "+40". */
export function signed(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value);
  return rounded > 0 ? `+${num(rounded)}` : rounded < 0 ? `−${num(-rounded)}` : '0';
}

export function NpsCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const { months, total } = d.nps;
  const data: ChartData<'line', (number | null)[], string> = {
    labels: months.map((m) => monthLabel(m.month)),
    datasets: [
      {
        label: t('ana.nps.series'),
        data: months.map((m) => m.nps),
        borderColor: p.accent,
        backgroundColor: p.accent,
        pointRadius: 3,
        spanGaps: true,
      },
    ],
  };
  const options = lineOptions(p, false, (v) => num(v));
  options.scales!['y'] = {
    min: -100,
    max: 100,
    ticks: { color: p.text, stepSize: 50 },
    grid: { color: (ctx) => (ctx.tick.value === 0 ? p.text : p.line) },
  };
  options.plugins!.tooltip = {
    callbacks: {
      label: (item) => {
        const m = months[item.dataIndex];
        return m ? t('ana.nps.tooltip', { nps: signed(m.nps), n: num(m.answers) }) : '';
      },
    },
  };
  return (
    <Card
      name="nps"
      title={t('ana.nps.title')}
      figure={signed(total.nps)}
      words={
        total.answers === 0 ? (
          <p>{t('ana.nps.empty')}</p>
        ) : (
          <p>
            {t('ana.nps.words', {
              n: num(total.answers),
              promoters: num(total.promoters),
              passives: num(total.passives),
              detractors: num(total.detractors),
            })}
          </p>
        )
      }
      how={t('ana.nps.how')}
    >
      {months.length > 0 ? (
        <ChartBox height={180}>
          <Line key={i18n.language} data={data} options={options} aria-label={t('ana.nps.title')} />
        </ChartBox>
      ) : null}
    </Card>
  );
}
