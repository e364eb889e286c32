/** Filter chips ("Stage is Regular ×") and the small form that adds one. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter, FilterOp } from '../../../../../electron/api/contract';
import { formatDate, formatMoney } from '../../../lib/format';
import { parseMoney, parseNumber } from '../../../lib/money';
import { opLabel, OPS_BY_KIND, type CatalogField } from './catalog';
import { LazyDateInput } from '../../../lib/LazyDateInput';

interface Props {
  catalog: CatalogField[];
  filters: Filter[];
  onChange: (filters: Filter[]) => void;
}

const NO_VALUE: FilterOp[] = ['empty', 'notEmpty'];

export function FilterBar({ catalog, filters, onChange }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const byKey = new Map(catalog.map((f) => [f.key, f]));

  const describe = (filter: Filter): string => {
    const field = byKey.get(filter.field);
    const op = opLabel(t, field?.kind, filter.op);
    if (NO_VALUE.includes(filter.op)) return `${field?.label ?? filter.field}: ${op}`;
    const raw = filter.value;
    let value = Array.isArray(raw) ? raw.join(', ') : String(raw ?? '');
    const option = field?.options?.find((o) => o.value === raw);
    if (option) value = option.label;
    else if (field?.kind === 'date' && typeof raw === 'string') value = formatDate(raw);
    else if (field?.kind === 'money' && typeof raw === 'number') value = formatMoney(raw);
    else if (typeof raw === 'boolean') value = raw ? t('list.yes') : t('list.no');
    return `${field?.label ?? filter.field}: ${op} ${value}`;
  };

  return (
    <div className="filter-bar" role="group" aria-label={t('list.filter')}>
      {filters.map((filter, i) => (
        <span key={`${filter.field}-${i}`} className="chip" data-testid="filter-chip">
          {describe(filter)}
          <button
            type="button"
            className="chip__remove"
            aria-label={t('list.removeFilter')}
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <FilterForm
          catalog={catalog}
          onCancel={() => setAdding(false)}
          onAdd={(f) => {
            onChange([...filters, f]);
            setAdding(false);
          }}
        />
      ) : (
        <button type="button" className="link" onClick={() => setAdding(true)}>
          {t('list.addFilter')}
        </button>
      )}
      {filters.length > 0 && !adding ? (
        <button type="button" className="link" onClick={() => onChange([])}>
          {t('list.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}

function FilterForm({
  catalog,
  onAdd,
  onCancel,
}: {
  catalog: CatalogField[];
  onAdd: (f: Filter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(
    catalog.find((f) => f.key === 'stage')?.key ?? catalog[0]?.key ?? 'name',
  );
  const field = catalog.find((f) => f.key === key);
  const ops = field ? OPS_BY_KIND[field.kind] : [];
  const [op, setOp] = useState<FilterOp>(ops[0] ?? 'eq');
  const [value, setValue] = useState('');
  const needsValue = !NO_VALUE.includes(op);

  const chooseField = (next: string) => {
    setKey(next);
    const nextField = catalog.find((f) => f.key === next);
    setOp(nextField ? (OPS_BY_KIND[nextField.kind][0] ?? 'eq') : 'eq');
    setValue(nextField?.options?.[0]?.value ?? (nextField?.kind === 'boolean' ? 'true' : ''));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!field) return;
    if (!needsValue) return onAdd({ field: key, op });
    if (value.trim() === '') return;
    // Numbers and amounts read as the card reads them (the kernel's one parser).
    const typed =
      field.kind === 'number'
        ? parseNumber(value)
        : field.kind === 'money'
          ? parseMoney(value)
          : field.kind === 'boolean'
            ? value === 'true'
            : value;
    if (typed === null) return;
    onAdd({ field: key, op, value: typed });
  };

  return (
    <form
      className="filter-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <select
        aria-label={t('list.field')}
        name="filter-field"
        value={key}
        onChange={(e) => chooseField(e.target.value)}
      >
        {catalog.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <select
        aria-label={t('list.condition')}
        name="filter-op"
        value={op}
        onChange={(e) => setOp(e.target.value as FilterOp)}
      >
        {ops.map((o) => (
          <option key={o} value={o}>
            {opLabel(t, field?.kind, o)}
          </option>
        ))}
      </select>
      {needsValue ? <ValueInput field={field} value={value} onChange={setValue} /> : null}
      <button type="submit" className="primary">
        {t('list.apply')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('list.cancel')}
      </button>
    </form>
  );
}

function ValueInput({
  field,
  value,
  onChange,
}: {
  field: CatalogField | undefined;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const common = { 'aria-label': t('list.value'), name: 'filter-value', value, autoFocus: true };
  if (field?.kind === 'boolean') {
    return (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="true">{t('list.yes')}</option>
        <option value="false">{t('list.no')}</option>
      </select>
    );
  }
  if (field?.options && field.options.length > 0) {
    return (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          {t('list.none')}
        </option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (field?.kind === 'date') return <LazyDateInput {...common} onChange={onChange} />;
  const inputMode = field?.kind === 'number' || field?.kind === 'money' ? 'decimal' : undefined;
  return (
    <input
      {...common}
      type="text"
      inputMode={inputMode}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
