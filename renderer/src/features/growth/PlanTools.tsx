/**
 * Plan tools for many clients at once: copy a period's plans to another with growth, and a
 * potential computed from a number field of the portrait. Each says how many clients it changed.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { parseMoney, parseNumber } from '../../lib/money';
import { shiftPeriod } from '../../lib/period';
import { useBulkTool, type BulkTool } from './useBulkTool';

const COPY_FIELDS = ['from', 'to', 'growthPct'] as const;
const POTENTIAL_FIELDS = ['period', 'category', 'fieldKey', 'perUnitPerMonth'] as const;

export function PlanTools(props: { period: string; categories: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="growth-tools" aria-label={t('growth.tools.title')}>
      <CopyForm period={props.period} />
      <PotentialForm period={props.period} categories={props.categories} />
    </section>
  );
}

function CopyForm({ period }: { period: string }) {
  const { t } = useTranslation();
  const tool = useBulkTool(COPY_FIELDS);
  const [from, setFrom] = useState(period);
  const [to, setTo] = useState(shiftPeriod(period, 1));
  const [growth, setGrowth] = useState('10');
  // Follow the page's period until the user edits the form.
  const [seen, setSeen] = useState(period);
  if (seen !== period) {
    setSeen(period);
    setFrom(period);
    setTo(shiftPeriod(period, 1));
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const growthPct = parseNumber(growth);
    if (growthPct === null) {
      tool.setLocal({ growthPct: t('growth.copy.growthInvalid') });
      return;
    }
    void tool.run(() => api.call('plans.copy', { from: from.trim(), to: to.trim(), growthPct }));
  };
  return (
    <form className="growth-panel growth-tool" data-testid="copy-plans" onSubmit={submit}>
      <h2>{t('growth.copy.title')}</h2>
      <p className="muted growth-tool__hint">{t('growth.copy.hint')}</p>
      <div className="growth-tool__fields">
        <Field label={t('growth.copy.from')} error={tool.errorFor('from')}>
          {(props) => (
            <input
              {...props}
              value={from}
              placeholder={t('growth.tools.periodHint')}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('growth.copy.to')} error={tool.errorFor('to')}>
          {(props) => (
            <input
              {...props}
              value={to}
              placeholder={t('growth.tools.periodHint')}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('growth.copy.growth')} error={tool.errorFor('growthPct')}>
          {(props) => (
            <input
              {...props}
              value={growth}
              inputMode="decimal"
              onChange={(e) => setGrowth(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Outcome
        tool={tool}
        label={t('growth.copy.run')}
        done={t('growth.copy.done', { count: tool.affected ?? 0 })}
      />
    </form>
  );
}

function PotentialForm({ period, categories }: { period: string; categories: string[] }) {
  const { t } = useTranslation();
  const tool = useBulkTool(POTENTIAL_FIELDS);
  const listId = useId();
  const fields = useQuery(channelQuery('fields.list', { includeRetired: false }));
  const numberFields = (fields.data ?? []).filter((f) => f.type === 'number' && !f.retiredAt);
  const [fieldKey, setFieldKey] = useState('');
  const [category, setCategory] = useState('');
  const [perUnit, setPerUnit] = useState('');
  const [target, setTarget] = useState(period);
  const [seen, setSeen] = useState(period);
  if (seen !== period) {
    setSeen(period);
    setTarget(period);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const perUnitPerMonth = parseMoney(perUnit);
    const errors: Record<string, string> = {};
    if (!fieldKey) errors.fieldKey = t('growth.potential.fieldRequired');
    if (perUnitPerMonth === null || perUnitPerMonth < 0)
      errors.perUnitPerMonth = t('growth.potential.perUnitInvalid');
    if (Object.keys(errors).length > 0 || perUnitPerMonth === null) {
      tool.setLocal(errors);
      return;
    }
    void tool.run(() =>
      api.call('plans.potentialFromField', {
        period: target.trim(),
        category: category.trim(),
        fieldKey,
        perUnitPerMonth,
      }),
    );
  };
  return (
    <form className="growth-panel growth-tool" data-testid="potential-from-field" onSubmit={submit}>
      <h2>{t('growth.potential.title')}</h2>
      <p className="muted growth-tool__hint">{t('growth.potential.hint')}</p>
      {fields.isSuccess && numberFields.length === 0 ? (
        <p className="growth-tool__hint">{t('growth.potential.noFields')}</p>
      ) : null}
      <div className="growth-tool__fields">
        <Field label={t('growth.potential.field')} error={tool.errorFor('fieldKey')}>
          {(props) => (
            <select {...props} value={fieldKey} onChange={(e) => setFieldKey(e.target.value)}>
              <option value="">{t('growth.potential.choose')}</option>
              {numberFields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('growth.potential.category')} error={tool.errorFor('category')}>
          {(props) => (
            <input
              {...props}
              value={category}
              list={listId}
              onChange={(e) => setCategory(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('growth.potential.perUnit')} error={tool.errorFor('perUnitPerMonth')}>
          {(props) => (
            <input
              {...props}
              value={perUnit}
              inputMode="decimal"
              onChange={(e) => setPerUnit(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('growth.potential.period')} error={tool.errorFor('period')}>
          {(props) => (
            <input
              {...props}
              value={target}
              placeholder={t('growth.tools.periodHint')}
              onChange={(e) => setTarget(e.target.value)}
            />
          )}
        </Field>
      </div>
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Outcome
        tool={tool}
        label={t('growth.potential.run')}
        done={t('growth.potential.done', { count: tool.affected ?? 0 })}
      />
    </form>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled input with its refusal under it. */
function Field(props: {
  label: string;
  error: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="growth-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': Boolean(props.error),
        'aria-describedby': props.error ? errorId : undefined,
      })}
      {props.error ? (
        <span id={errorId} className="field-error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** The submit button, then what the run did or why it was refused. */
function Outcome({ tool, label, done }: { tool: BulkTool; label: string; done: string }) {
  return (
    <div className="growth-tool__footer">
      <button type="submit" className="primary" disabled={tool.pending}>
        {label}
      </button>
      <span role="status" aria-live="polite" data-testid="tool-result">
        {tool.affected !== null ? done : null}
      </span>
      {tool.general ? (
        <span className="field-error" role="alert">
          {tool.general}
        </span>
      ) : null}
    </div>
  );
}
