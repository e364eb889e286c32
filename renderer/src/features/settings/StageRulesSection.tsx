/**
 * Stages from sales: whether written sales move stages along the ladder, and what makes a
 * client regular (N purchase days within M months up to the latest purchase).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageRules } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { messageAt, messageElsewhere } from './api-errors';
import './cadence.css';

const WHOLE = /^\d+$/;
const NUMBERS = ['regularDays', 'regularMonths'] as const;

export function StageRulesSection() {
  const { t } = useTranslation();
  const rules = useQuery(channelQuery('stageRules.get', {}));
  return (
    <section className="admin-panel stage-rules" aria-labelledby="admin-stage-rules-title">
      <header className="admin-panel__header">
        <h2 id="admin-stage-rules-title">{t('stg.title')}</h2>
        <span className="muted admin-panel__lead">{t('stg.lead')}</span>
      </header>
      {rules.data ? <RulesForm initial={rules.data} /> : null}
      {rules.error ? (
        <p className="field-error" role="alert">
          {rules.error.message}
        </p>
      ) : null}
      <p className="muted stage-rules__ladder">{t('stg.rules')}</p>
    </section>
  );
}

function RulesForm({ initial }: { initial: StageRules }) {
  const { t } = useTranslation();
  const id = useId();
  const [auto, setAuto] = useState(initial.auto);
  const [draft, setDraft] = useState({
    regularDays: String(initial.regularDays),
    regularMonths: String(initial.regularMonths),
  });
  const [local, setLocal] = useState<Partial<Record<(typeof NUMBERS)[number], string>>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: StageRules) => api.call('stageRules.set', input),
    // Suggested stages on the list and the cards follow the new rules: the api client has them
    // read again (the channel's metadata names them).
    onSuccess: () => setSaved(true),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems = Object.fromEntries(
      NUMBERS.filter((k) => !WHOLE.test(draft[k].trim())).map((k) => [k, t('stg.notNumber')]),
    );
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({
      auto,
      regularDays: Number(draft.regularDays),
      regularMonths: Number(draft.regularMonths),
    });
  };
  const number = (key: (typeof NUMBERS)[number], label: string) => {
    const error = local[key] ?? messageAt(save.error, key);
    return (
      <span className="cadence__input">
        <input
          id={`${id}-${key}`}
          name={key}
          type="number"
          min={key === 'regularDays' ? 3 : 1}
          inputMode="numeric"
          aria-label={label}
          aria-invalid={error ? true : undefined}
          value={draft[key]}
          onChange={(e) => {
            setDraft({ ...draft, [key]: e.target.value });
            setSaved(false);
          }}
        />
        <span className="muted">{label}</span>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    );
  };

  return (
    <form className="cadence__form" onSubmit={submit} noValidate>
      <label className="stage-rules__auto">
        <input
          type="checkbox"
          name="auto"
          checked={auto}
          onChange={(e) => {
            setAuto(e.target.checked);
            setSaved(false);
          }}
        />
        {t('stg.auto')}
      </label>
      <div className="cadence__footer">
        <span className="stage-rules__regular">
          <span>{t('stg.regular')}</span>
          {number('regularDays', t('stg.regularDays'))}
          <span>{t('stg.within')}</span>
          {number('regularMonths', t('stg.regularMonths'))}
        </span>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('stg.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('stg.saved')}
          </span>
        ) : null}
        {messageElsewhere(save.error, NUMBERS) ? (
          <span className="field-error" role="alert">
            {messageElsewhere(save.error, NUMBERS)}
          </span>
        ) : null}
      </div>
    </form>
  );
}
