/**
 * The result day by day since contact: the share who bought and the revenue per client, contact
 * vs control, as two line charts over the chosen window, with the figures in a table beside.
 */
import { useQuery } from '@tanstack/react-query';
import type { ChartData } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { CampaignCurve as Curve } from '../../../../electron/api/contract';
import { channelQuery } from '../../api/channel-query';
import { lineOptions, palette, type Palette } from '../analytics/charts';
import { money, moneyShort, percent } from '../analytics/format';

type Measure = 'buyRate' | 'revenuePerClient';

/** The days the table shows: every week, and the last day. */
function tableDays(days: number): number[] {
  const out: number[] = [];
  for (let d = 7; d < days; d += 7) out.push(d);
  out.push(days);
  return out;
}

function chartOf(
  curve: Curve,
  measure: Measure,
  p: Palette,
  labels: { contact: string; control: string },
) {
  const data: ChartData<'line', (number | null)[], number> = {
    labels: curve.contact[measure].map((_, d) => d),
    datasets: [
      {
        label: labels.contact,
        data: curve.contact[measure],
        borderColor: p.accent,
        backgroundColor: p.accent,
        pointRadius: 0,
        borderWidth: 2,
      },
      {
        label: labels.control,
        data: curve.control[measure],
        borderColor: p.second,
        backgroundColor: p.second,
        borderDash: [5, 4],
        pointRadius: 0,
        borderWidth: 2,
      },
    ],
  };
  return data;
}

export function CampaignCurve({ id, days }: { id: string; days: number }) {
  const { t, i18n } = useTranslation();
  const curve = useQuery(channelQuery('campaigns.curve', { id, days }));
  const c = curve.data;
  if (!c) return null;
  const p = palette();
  const labels = { contact: t('camp.groups.contact'), control: t('camp.groups.control') };
  const show = (measure: Measure, x: number | null | undefined) =>
    measure === 'buyRate' ? percent(x, 1) : money(x);
  const chart = (measure: Measure) => {
    const options = lineOptions(p, true, (v) =>
      measure === 'buyRate' ? percent(v) : moneyShort(v),
    );
    options.interaction = { mode: 'index', intersect: false };
    options.scales!['x'] = {
      ticks: { color: p.text, maxRotation: 0, autoSkipPadding: 12 },
      grid: { display: false },
      title: { display: true, text: t('camp.curve.daysAxis'), color: p.text },
    };
    options.plugins!.tooltip = {
      callbacks: {
        title: (items) => t('camp.curve.day', { count: items[0]?.dataIndex ?? 0 }),
        label: (item) => `${item.dataset.label ?? ''}: ${show(measure, item.parsed.y)}`,
      },
    };
    const title = t(`camp.curve.${measure}`);
    return (
      <figure className="campaign-chart">
        <figcaption>{title}</figcaption>
        <div className="campaign-chart__box">
          <Line
            key={`${i18n.language}-${days}`}
            data={chartOf(c, measure, p, labels)}
            options={options}
            role="img"
            aria-label={t('camp.curve.aria', {
              title,
              days,
              contact: show(measure, c.contact[measure][days]),
              control: show(measure, c.control[measure][days]),
            })}
          />
        </div>
      </figure>
    );
  };
  const last = (measure: Measure, group: 'contact' | 'control') => c[group][measure][days] ?? '';
  return (
    <div
      className="campaign-curve"
      data-testid="campaign-curve"
      data-days={days}
      data-contact-buy-rate={last('buyRate', 'contact')}
      data-control-buy-rate={last('buyRate', 'control')}
      data-contact-per-client={last('revenuePerClient', 'contact')}
      data-control-per-client={last('revenuePerClient', 'control')}
    >
      <div className="campaign-charts">
        {chart('buyRate')}
        {chart('revenuePerClient')}
      </div>
      <details className="campaign-curve__table">
        <summary>{t('camp.curve.table')}</summary>
        <table className="campaigns">
          <thead>
            <tr>
              <th scope="col">{t('camp.curve.daysAxis')}</th>
              <th scope="col" className="num">
                {t('camp.curve.buyRate')}: {labels.contact}
              </th>
              <th scope="col" className="num">
                {t('camp.curve.buyRate')}: {labels.control}
              </th>
              <th scope="col" className="num">
                {t('camp.curve.revenuePerClient')}: {labels.contact}
              </th>
              <th scope="col" className="num">
                {t('camp.curve.revenuePerClient')}: {labels.control}
              </th>
            </tr>
          </thead>
          <tbody>
            {tableDays(days).map((d) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td className="num">{show('buyRate', c.contact.buyRate[d])}</td>
                <td className="num">{show('buyRate', c.control.buyRate[d])}</td>
                <td className="num">{show('revenuePerClient', c.contact.revenuePerClient[d])}</td>
                <td className="num">{show('revenuePerClient', c.control.revenuePerClient[d])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
