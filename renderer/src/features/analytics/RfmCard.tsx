/** RFM segments: clients per segment as bars, each segment's (R, F) rule, a click → its clients. */
import type { ChartData } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { barOptions, palette } from './charts';
import { money, num, percent } from './format';

/** "5" or "4–5". */
const range = ([lo, hi]: readonly [number, number]) => (lo === hi ? String(lo) : `${lo}–${hi}`);

const BEST = new Set(['champions', 'loyal']);
const WORRY = new Set(['at_risk', 'cant_lose', 'about_to_sleep', 'need_attention']);

export function RfmCard(props: { d: Dashboard; onDrill: (segment: string) => void }) {
  const { t, i18n } = useTranslation();
  const p = palette();
  const segments = props.d.rfm.segments;
  const buyers = segments.reduce((s, x) => s + x.clients, 0);
  const best = segments.filter((s) => BEST.has(s.segment)).reduce((s, x) => s + x.clients, 0);
  const worry = segments.filter((s) => WORRY.has(s.segment)).reduce((s, x) => s + x.clients, 0);
  const name = (segment: string) => t(`ana.rfm.segments.${segment}`);
  const colour = (segment: string) =>
    BEST.has(segment) ? p.good : WORRY.has(segment) ? p.bad : p.accent;
  const data: ChartData<'bar', number[], string> = {
    labels: segments.map((s) => name(s.segment)),
    datasets: [
      {
        label: t('ana.rfm.clients'),
        data: segments.map((s) => s.clients),
        backgroundColor: segments.map((s) => colour(s.segment)),
        borderRadius: 3,
        maxBarThickness: 14,
      },
    ],
  };
  const options = barOptions(p, false, (v) => num(v));
  options.indexAxis = 'y';
  options.scales = {
    x: {
      beginAtZero: true,
      ticks: { color: p.text, precision: 0, maxTicksLimit: 6 },
      grid: { color: p.line },
    },
    y: { ticks: { color: p.text, autoSkip: false, font: { size: 11 } }, grid: { display: false } },
  };
  options.plugins!.tooltip = {
    callbacks: {
      label: (item) => {
        const s = segments[item.dataIndex];
        return s ? t('ana.rfm.tooltip', { n: num(s.clients), revenue: money(s.revenue) }) : '';
      },
    },
  };
  options.onClick = (_event, elements) => {
    const s = segments[elements[0]?.index ?? -1];
    if (s && s.clients > 0) props.onDrill(s.segment);
  };
  options.onHover = (event, elements) => {
    const target = event.native?.target as HTMLElement | undefined;
    if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
  };
  return (
    <Card
      name="rfm"
      wide
      title={t('ana.rfm.title')}
      figure={percent(buyers ? best / buyers : null)}
      words={
        <>
          <p>{t('ana.rfm.words', { best: num(best), buyers: num(buyers) })}</p>
          <p className="muted">{t('ana.rfm.worry', { n: num(worry) })}</p>
        </>
      }
      how={t('ana.rfm.how')}
    >
      <div className="ana-rfm">
        <ChartBox height={250}>
          <Bar key={i18n.language} data={data} options={options} aria-label={t('ana.rfm.title')} />
        </ChartBox>
        <ul className="ana-rules">
          {segments.map((s) => (
            <li key={s.segment}>
              <button
                type="button"
                className="ana-rule"
                data-testid={`ana-rfm-${s.segment}`}
                disabled={s.clients === 0}
                onClick={() => props.onDrill(s.segment)}
              >
                <span className="ana-rule__name">{name(s.segment)}</span>
                <span className="ana-rule__count">{num(s.clients)}</span>
                <span className="ana-rule__text">
                  {t('ana.rfm.rule', { r: range(s.r), f: range(s.f) })} ·{' '}
                  {t(`ana.rfm.meaning.${s.segment}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
