/**
 * Sets the plan and/or the potential of one category for the chosen period. Money is typed in
 * major units; an empty field keeps what is stored. Refusals show under their input.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { parseMoney } from '../../../lib/money';
import { messageOf } from '../useCardData';

export interface PlanValues {
  category: string;
  plan?: number;
  potential?: number;
}

type Field = 'category' | 'plan' | 'potential';

interface Props {
  period: string;
  /** Categories to suggest: the ones the client buys or has plans in. */
  categories: string[];
  onSubmit: (values: PlanValues) => Promise<void>;
}

export function PlanForm({ period, categories, onSubmit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [texts, setTexts] = useState<Record<Field, string>>({
    category: '',
    plan: '',
    potential: '',
  });
  const [local, setLocal] = useState<Partial<Record<Field | 'form', string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setStatus(null);
    const problems: Partial<Record<Field | 'form', string>> = {};
    const category = texts.category.trim();
    if (category === '') problems.category = t('sales.plan.categoryRequired');
    const money = (field: 'plan' | 'potential'): number | undefined => {
      if (texts[field].trim() === '') return undefined;
      const minor = parseMoney(texts[field]);
      if (minor === null) problems[field] = t('sales.form.notAmount');
      return minor ?? undefined;
    };
    const plan = money('plan');
    const potential = money('potential');
    if (plan === undefined && potential === undefined && !problems.plan && !problems.potential) {
      problems.form = t('sales.plan.nothing');
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      await onSubmit({ category, plan, potential });
      setStatus(t('sales.plan.saved', { category, period }));
      setTexts({ category: '', plan: '', potential: '' });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const messageFor = (field: Field): string | undefined =>
    local[field] ?? (error instanceof ApiError ? error.messageFor(field) : undefined);
  const general =
    local.form ??
    (error && !(['category', 'plan', 'potential'] as const).some((f) => messageFor(f))
      ? messageOf(error)
      : undefined);

  const input = (field: Field, label: string, extra: { list?: string } = {}) => {
    const message = messageFor(field);
    return (
      <label className="sale-form__field">
        <span>{label}</span>
        <input
          name={field}
          list={extra.list}
          inputMode={field === 'category' ? undefined : 'decimal'}
          maxLength={field === 'category' ? 100 : 30}
          value={texts[field]}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-${field}` : undefined}
          onChange={(e) => setTexts((prev) => ({ ...prev, [field]: e.target.value }))}
        />
        {message ? (
          <span className="field-error" id={`${id}-${field}`} role="alert">
            {message}
          </span>
        ) : null}
      </label>
    );
  };

  return (
    <form
      className="sale-form plan-form"
      aria-label={t('sales.plan.formTitle')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="plan-form__head">
        <strong>{t('sales.plan.formTitle')}</strong>{' '}
        <span className="sale-form__hint">
          {period} · {t('sales.plan.formHint')}
        </span>
      </div>
      <div className="sale-form__line">
        {input('category', t('sales.plan.category'), { list: `${id}-categories` })}
        {input('potential', t('sales.plan.potential'))}
        {input('plan', t('sales.plan.plan'))}
        <button type="submit" className="primary plan-form__submit" disabled={saving}>
          {t('sales.plan.set')}
        </button>
      </div>
      <datalist id={`${id}-categories`}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {general ? (
        <p className="field-error" role="alert">
          {general}
        </p>
      ) : null}
      {status ? (
        <p className="muted plan-form__status" role="status">
          {status}
        </p>
      ) : null}
    </form>
  );
}
