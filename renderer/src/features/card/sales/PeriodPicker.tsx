/** Picks a report period: a year, a quarter of it or a month of it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthNames } from '../../../lib/format';
import { currentPart, type PeriodKind, type PeriodParts } from '../../../lib/period';

interface Props {
  value: PeriodParts;
  onChange: (value: PeriodParts) => void;
}

const KINDS: PeriodKind[] = ['year', 'quarter', 'month'];

export function PeriodPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  // The year as typed: "202" on the way to "2025" must not be refused mid-word.
  const [yearText, setYearText] = useState(String(value.year));
  const months = monthNames();
  const parts =
    value.kind === 'quarter'
      ? [1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))
      : months.map((label, i) => ({ value: i + 1, label }));

  return (
    <fieldset className="period-picker">
      <legend className="period-picker__legend">{t('sales.plan.period')}</legend>
      <select
        aria-label={t('sales.plan.kind')}
        value={value.kind}
        onChange={(e) => {
          const kind = e.target.value as PeriodKind;
          onChange({ ...value, kind, part: currentPart(kind) });
        }}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`sales.plan.${kind}`)}
          </option>
        ))}
      </select>
      <input
        type="number"
        aria-label={t('sales.plan.year')}
        className="period-picker__year"
        min={1900}
        max={9999}
        value={yearText}
        onChange={(e) => {
          setYearText(e.target.value);
          const year = Number(e.target.value);
          if (Number.isInteger(year) && year >= 1900 && year <= 9999) onChange({ ...value, year });
        }}
      />
      {value.kind === 'year' ? null : (
        <select
          aria-label={t(`sales.plan.${value.kind}`)}
          value={value.part}
          onChange={(e) => onChange({ ...value, part: Number(e.target.value) })}
        >
          {parts.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
