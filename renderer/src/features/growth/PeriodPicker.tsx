/** Year, quarter or month: a kind, a year and a part, with steps back and forward. */
import { useTranslation } from 'react-i18next';
import { monthNames } from '../../lib/format';
import {
  formatPeriod,
  parsePeriod,
  periodOf,
  shiftPeriod,
  type PeriodKind,
  type PeriodParts,
} from '../../lib/period';

const KINDS: PeriodKind[] = ['year', 'quarter', 'month'];

export function PeriodPicker(props: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const now = new Date();
  const p: PeriodParts = parsePeriod(props.value) ?? {
    kind: 'year',
    year: now.getFullYear(),
    part: 0,
  };
  const years: number[] = [];
  for (let y = now.getFullYear() - 6; y <= now.getFullYear() + 3; y++) years.push(y);
  if (!years.includes(p.year)) years.push(p.year);
  years.sort((a, b) => a - b);
  const months = monthNames();
  const parts =
    p.kind === 'quarter'
      ? [1, 2, 3, 4].map((n) => ({ n, label: t('growth.period.quarter', { n }) }))
      : months.map((label, i) => ({ n: i + 1, label }));
  // A new kind keeps the moment: the quarter or month of this year that holds today, else January.
  const month = p.year === now.getFullYear() ? now.getMonth() + 1 : 1;

  return (
    <div className="growth-period" role="group" aria-label={t('growth.period.label')}>
      <select
        aria-label={t('growth.period.kind')}
        value={p.kind}
        onChange={(e) => props.onChange(periodOf(e.target.value as PeriodKind, p.year, month))}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`growth.period.kinds.${k}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={t('growth.period.prev')}
        title={t('growth.period.prev')}
        onClick={() => props.onChange(shiftPeriod(props.value, -1))}
      >
        ‹
      </button>
      <select
        aria-label={t('growth.period.year')}
        value={p.year}
        onChange={(e) => props.onChange(formatPeriod({ ...p, year: Number(e.target.value) }))}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      {p.kind !== 'year' ? (
        <select
          aria-label={t('growth.period.part')}
          value={p.part}
          onChange={(e) => props.onChange(formatPeriod({ ...p, part: Number(e.target.value) }))}
        >
          {parts.map(({ n, label }) => (
            <option key={n} value={n}>
              {label}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        aria-label={t('growth.period.next')}
        title={t('growth.period.next')}
        onClick={() => props.onChange(shiftPeriod(props.value, 1))}
      >
        ›
      </button>
    </div>
  );
}
