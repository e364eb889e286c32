/**
 * Regular touches: how many days may pass between contacts at each lifecycle stage (empty:
 * none), three presets for typical businesses, and how far ahead Today looks for birthdays.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadenceSettings } from '../../../../electron/api/contract';
import {
  CADENCE_PRESETS,
  STAGES,
  type CadencePreset,
  type Stage,
} from '../../../../electron/api/contract/enums';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { messageAt, messageElsewhere } from './api-errors';
import './cadence.css';

type Draft = Record<Stage, string> & { birthdayDays: string };

function draftOf(c: CadenceSettings): Draft {
  const stages = Object.fromEntries(
    STAGES.map((s) => [s, c.stages[s] === null ? '' : String(c.stages[s])]),
  ) as Record<Stage, string>;
  return { ...stages, birthdayDays: String(c.birthdayDays) };
}

const WHOLE = /^\d+$/;

export function CadenceSection() {
  const { t } = useTranslation();
  const cadence = useQuery(channelQuery('cadence.get', {}));
  // Bumped when the stored numbers change under the form (a preset), to start it afresh.
  const [version, setVersion] = useState(0);
  const [applied, setApplied] = useState<CadencePreset | null>(null);
  const preset = useMutation({
    mutationFn: (name: CadencePreset) => api.call('cadence.set', { preset: name }),
    // The stored numbers and the Today agenda are read again by the api client.
    onSuccess: (_next, name) => {
      setApplied(name);
      setVersion((v) => v + 1);
    },
  });

  return (
    <section className="admin-panel cadence" aria-labelledby="admin-cadence-title">
      <header className="admin-panel__header">
        <h2 id="admin-cadence-title">{t('rem.cadence.title')}</h2>
        <span className="muted admin-panel__lead">{t('rem.cadence.lead')}</span>
      </header>
      <div className="cadence__presets" role="group" aria-label={t('rem.cadence.presets')}>
        <span className="muted">{t('rem.cadence.presets')}:</span>
        {CADENCE_PRESETS.map((name) => (
          <button
            key={name}
            type="button"
            className="small"
            data-preset={name}
            disabled={preset.isPending}
            title={t('rem.cadence.presetHint')}
            onClick={() => preset.mutate(name)}
          >
            {t(`rem.cadence.${name}`)}
          </button>
        ))}
        {applied && !preset.error ? (
          <span className="muted" role="status">
            {t('rem.cadence.applied', { name: t(`rem.cadence.${applied}`) })}
          </span>
        ) : null}
        {preset.error ? (
          <span className="field-error" role="alert">
            {messageElsewhere(preset.error, [])}
          </span>
        ) : null}
      </div>
      {cadence.data ? (
        <CadenceForm key={version} initial={cadence.data} onSaved={() => setApplied(null)} />
      ) : null}
      {cadence.error ? (
        <p className="field-error" role="alert">
          {cadence.error.message}
        </p>
      ) : null}
    </section>
  );
}

function CadenceForm(props: { initial: CadenceSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.initial));
  const [local, setLocal] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: { stages: Record<Stage, number | null>; birthdayDays: number }) =>
      api.call('cadence.set', input),
    onSuccess: () => {
      setSaved(true);
      props.onSaved();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: Partial<Record<keyof Draft, string>> = {};
    for (const key of [...STAGES, 'birthdayDays'] as const) {
      const text = draft[key].trim();
      if ((text !== '' || key === 'birthdayDays') && !WHOLE.test(text))
        problems[key] = t('rem.cadence.notNumber');
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const stages = Object.fromEntries(
      STAGES.map((s) => [s, draft[s].trim() === '' ? null : Number(draft[s])]),
    ) as Record<Stage, number | null>;
    save.mutate({ stages, birthdayDays: Number(draft.birthdayDays) });
  };
  const message = (key: keyof Draft) =>
    local[key] ??
    messageAt(save.error, key === 'birthdayDays' ? key : `stages.${key}`) ??
    undefined;
  const field = (key: keyof Draft, label: string, unit: string) => {
    const error = message(key);
    return (
      <div className="cadence__field" key={key} data-stage={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <span className="cadence__input">
          <input
            id={`${id}-${key}`}
            name={key}
            type="number"
            min={key === 'birthdayDays' ? 0 : 1}
            inputMode="numeric"
            value={draft[key]}
            placeholder={t('rem.cadence.none')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-${key}-error` : undefined}
            onChange={(e) => {
              setDraft({ ...draft, [key]: e.target.value });
              setSaved(false);
            }}
          />
          <span className="muted">{unit}</span>
        </span>
        {error ? (
          <span className="field-error" id={`${id}-${key}-error`} role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  };
  const paths = [...STAGES.map((s) => `stages.${s}`), 'birthdayDays'];

  return (
    <form className="cadence__form" onSubmit={submit} noValidate>
      <div className="cadence__grid">
        {STAGES.map((s) => field(s, t(`stages.${s}`), t('rem.cadence.days')))}
      </div>
      <div className="cadence__footer">
        {field('birthdayDays', t('rem.cadence.birthdays'), t('rem.cadence.days'))}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('rem.cadence.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('rem.cadence.saved')}
          </span>
        ) : null}
        {messageElsewhere(save.error, paths) ? (
          <span className="field-error" role="alert">
            {messageElsewhere(save.error, paths)}
          </span>
        ) : null}
      </div>
    </form>
  );
}
