/**
 * Analytics thresholds: the active window, the ABC shares (shown as percentages), the XYZ
 * threshold and period, and the CLV forecast horizon, each with a line on what it changes.
 * A refusal shows under the input it concerns.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsSettings } from '../../../../electron/api/contract';
import { XYZ_PERIODS, type XyzPeriod } from '../../../../electron/api/contract/enums';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { numberToInput, parseNumber } from '../../lib/money';
import { messageAt, messageElsewhere } from './api-errors';
import './analytics-settings.css';

type Key = keyof AnalyticsSettings;
type NumberKey = Exclude<Key, 'xyzPeriod'>;
type Draft = Record<Key, string>;
const KEYS: readonly Key[] = ['activeDays', 'abcA', 'abcB', 'xyzX', 'xyzPeriod', 'horizonWeeks'];
const PERCENT: ReadonlySet<Key> = new Set(['abcA', 'abcB']);
const WHOLE: ReadonlySet<Key> = new Set(['activeDays', 'horizonWeeks']);

/** 0.8 → "80"; 0.955 → "95,5"; other numbers as they are. */
function draftOf(s: AnalyticsSettings): Draft {
  const text = (key: NumberKey) =>
    numberToInput(PERCENT.has(key) ? Math.round(s[key] * 1e6) / 1e4 : s[key]);
  return {
    activeDays: text('activeDays'),
    abcA: text('abcA'),
    abcB: text('abcB'),
    xyzX: text('xyzX'),
    xyzPeriod: s.xyzPeriod,
    horizonWeeks: text('horizonWeeks'),
  };
}

/** The typed number, for the unit's plural ("52 недели", "26 недель"). */
function countOf(text: string): number {
  return parseNumber(text) ?? 0;
}

export function AnalyticsSection() {
  const { t } = useTranslation();
  const settings = useQuery(channelQuery('analytics.settings', {}));
  // Bumped after a save, to start the form afresh from what was stored.
  const [version, setVersion] = useState(0);

  return (
    <section className="admin-panel analytics-settings" aria-labelledby="admin-analytics-title">
      <header className="admin-panel__header">
        <h2 id="admin-analytics-title">{t('ret.settings.title')}</h2>
        <span className="muted admin-panel__lead">{t('ret.settings.lead')}</span>
      </header>
      {settings.data ? (
        <AnalyticsForm
          key={version}
          initial={settings.data}
          saved={version > 0}
          onSaved={() => setVersion((v) => v + 1)}
        />
      ) : null}
      {settings.error ? (
        <p className="field-error" role="alert">
          {settings.error.message}
        </p>
      ) : null}
    </section>
  );
}

function AnalyticsForm(props: { initial: AnalyticsSettings; saved: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.initial));
  const [local, setLocal] = useState<Partial<Record<Key, string>>>({});
  const [saved, setSaved] = useState(props.saved);
  const save = useMutation({
    mutationFn: (input: AnalyticsSettings) => api.call('settings.setAnalytics', input),
    // Every figure depends on the thresholds: the api client has the dashboard, Today's lists
    // and these settings read again (the channel's metadata names them) before this runs.
    onSuccess: () => props.onSaved(),
  });

  /** The number typed for `key`, or the reason it is not one. */
  const read = (key: NumberKey): number | string => {
    const value = parseNumber(draft[key]);
    if (value === null) return t('ret.settings.notNumber');
    if (WHOLE.has(key) && !Number.isInteger(value)) return t('ret.settings.notWhole');
    if (PERCENT.has(key))
      return value > 0 && value < 100 ? value / 100 : t('ret.settings.notPercent');
    return value;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const values: Partial<Record<NumberKey, number>> = {};
    const problems: Partial<Record<Key, string>> = {};
    for (const key of ['activeDays', 'abcA', 'abcB', 'xyzX', 'horizonWeeks'] as const) {
      const value = read(key);
      if (typeof value === 'string') problems[key] = value;
      else values[key] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({
      ...(values as Record<NumberKey, number>),
      xyzPeriod: draft.xyzPeriod as XyzPeriod,
    });
  };
  const change = (key: Key, value: string) => {
    setDraft({ ...draft, [key]: value });
    setSaved(false);
  };

  const field = (key: Key, unit: string | null) => {
    const error = local[key] ?? messageAt(save.error, key);
    const inputId = `${id}-${key}`;
    const described = error ? `${inputId}-error` : `${inputId}-hint`;
    const common = {
      id: inputId,
      name: key,
      value: draft[key],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': described,
    };
    return (
      <div className="analytics-settings__field" data-key={key}>
        <label htmlFor={inputId}>{t(`ret.settings.${key}`)}</label>
        <span className="analytics-settings__input">
          {key === 'xyzPeriod' ? (
            <select {...common} onChange={(e) => change(key, e.target.value)}>
              {XYZ_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`ret.settings.periods.${p}`)}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...common}
              inputMode="decimal"
              autoComplete="off"
              onChange={(e) => change(key, e.target.value)}
            />
          )}
          {unit ? <span className="muted">{unit}</span> : null}
        </span>
        {error ? (
          <span className="field-error" id={`${inputId}-error`} role="alert">
            {error}
          </span>
        ) : (
          <span className="muted admin-hint" id={`${inputId}-hint`}>
            {t(`ret.settings.${key}Hint`)}
          </span>
        )}
      </div>
    );
  };
  const units: Record<Key, string | null> = {
    activeDays: t('ret.settings.days', { count: countOf(draft.activeDays) }),
    abcA: t('ret.settings.percent'),
    abcB: t('ret.settings.percent'),
    xyzX: null,
    xyzPeriod: null,
    horizonWeeks: t('ret.settings.weeks', { count: countOf(draft.horizonWeeks) }),
  };
  const elsewhere = messageElsewhere(save.error, KEYS);

  return (
    <form className="analytics-settings__form" onSubmit={submit} noValidate>
      <div className="analytics-settings__grid">{KEYS.map((key) => field(key, units[key]))}</div>
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('ret.settings.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('ret.settings.saved')}
          </span>
        ) : null}
        {elsewhere ? (
          <span className="field-error" role="alert">
            {elsewhere}
          </span>
        ) : null}
      </div>
    </form>
  );
}
