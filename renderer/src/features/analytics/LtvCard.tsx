/** LTV = S × C × P × t with each part shown, and the LTV by manager, channel or RFM segment. */
import type { ChartData } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Dashboard, LtvRow } from '../../../../electron/api/contract';
import { Card, ChartBox } from './Card';
import { barOptions, palette } from './charts';
import { money, moneyShort, moneyWhole, num, percent } from './format';

type Group = 'byManager' | 'byChannel' | 'bySegment';
const GROUPS: Group[] = ['byManager', 'byChannel', 'bySegment'];
/** Bars shown, highest LTV first. */
const MAX_ROWS = 12;

export function LtvCard({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const [group, setGroup] = useState<Group>('byManager');
  const p = palette();
  const base = d.ltv.base;
  const label = (row: LtvRow): string => {
    if (group === 'bySegment' && row.key) return t(`ana.rfm.segments.${row.key}`);
    if (row.label) return row.label;
    if (row.key && group === 'byChannel') return row.key;
    return group === 'byManager' ? t('ana.noManager') : t('ana.noChannel');
  };
  const rows = [...d.ltv[group]].sort((a, b) => (b.ltv ?? 0) - (a.ltv ?? 0)).slice(0, MAX_ROWS);
  const data: ChartData<'bar', number[], string> = {
    labels: rows.map(label),
    datasets: [
      {
        label: t('ana.ltv.ltv'),
        data: rows.map((r) => r.ltv ?? 0),
        backgroundColor: p.accent,
        borderRadius: 3,
        maxBarThickness: 14,
      },
    ],
  };
  const options = barOptions(p, false, moneyShort);
  options.indexAxis = 'y';
  options.scales = {
    x: {
      beginAtZero: true,
      ticks: { color: p.text, callback: (v) => moneyShort(Number(v)), maxTicksLimit: 5 },
      grid: { color: p.line },
    },
    y: { ticks: { color: p.text, autoSkip: false }, grid: { display: false } },
  };
  options.plugins!.tooltip = {
    callbacks: {
      label: (item) => {
        const r = rows[item.dataIndex];
        return r ? t('ana.ltv.tooltip', { ltv: money(r.ltv), n: num(r.clients) }) : '';
      },
    },
  };
  const parts = [
    { key: 's', value: money(base.averageCheck) },
    { key: 'c', value: num(base.purchasesPerMonth, 2) },
    { key: 'p', value: percent(base.marginShare, 1) },
    { key: 't', value: num(base.lifetimeMonths, 1) },
  ];
  return (
    <Card
      name="ltv"
      wide
      title={t('ana.ltv.title')}
      figure={moneyWhole(base.ltv)}
      words={
        <>
          <p>{t('ana.ltv.words', { n: num(base.clients) })}</p>
          {base.marginKnown ? null : <p className="muted">{t('ana.ltv.marginUnknown')}</p>}
        </>
      }
      how={t('ana.ltv.how')}
    >
      <div className="ana-formula" data-testid="ana-ltv-parts">
        {parts.map((part, i) => (
          <span key={part.key} className="ana-formula__part">
            {i > 0 ? <span className="ana-formula__op">×</span> : null}
            <span className="ana-formula__term">
              <span className="ana-formula__value">{part.value}</span>
              <span className="ana-formula__name">{t(`ana.ltv.${part.key}`)}</span>
            </span>
          </span>
        ))}
        <span className="ana-formula__op">=</span>
        <span className="ana-formula__term ana-formula__term--result">
          <span className="ana-formula__value">{money(base.ltv)}</span>
          <span className="ana-formula__name">{t('ana.ltv.ltv')}</span>
        </span>
      </div>
      <div className="ana-toggle" role="group" aria-label={t('ana.ltv.groupBy')}>
        {GROUPS.map((g) => (
          <button key={g} type="button" aria-pressed={group === g} onClick={() => setGroup(g)}>
            {t(`ana.ltv.${g}`)}
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('ana.ltv.empty')}</p>
      ) : (
        <ChartBox height={Math.max(90, 28 + rows.length * 24)}>
          <Bar
            key={`${i18n.language}-${group}`}
            data={data}
            options={options}
            aria-label={t(`ana.ltv.${group}`)}
          />
        </ChartBox>
      )}
    </Card>
  );
}
