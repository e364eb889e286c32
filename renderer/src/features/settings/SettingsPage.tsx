/**
 * Settings: language, who is working here, the workbook's reference lists (custom fields,
 * managers, lost reasons), contact cadence, stages from sales and analytics thresholds. Everything is stored in
 * the workbook.
 */
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  LOCALES,
  type Currency,
  type Locale,
} from '../../../../electron/api/contract/enums';
import { api, ApiError } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { switchLanguage } from '../../i18n';
import { setCurrency } from '../../lib/money';
import { AnalyticsSection } from './AnalyticsSection';
import { CadenceSection } from './CadenceSection';
import { CurrentManagerField } from './CurrentManagerField';
import { FieldsSection } from './FieldsSection';
import { LostReasonsSection } from './LostReasonsSection';
import { ManagersSection } from './ManagersSection';
import { StageRulesSection } from './StageRulesSection';
import { SyncSection } from '../sync/SyncSection';
import './settings.css';

const LANGUAGE_NAMES: Record<Locale, string> = { ru: 'Русский', en: 'English' };

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(channelQuery('settings.get', {}));
  const info = useQuery(channelQuery('app.info', {}));
  const save = useMutation({
    mutationFn: (input: { language?: Locale; userName?: string; currency?: Currency }) =>
      api.call('settings.set', input),
    // Everything was read again by the api client, in the workbook's new language if it changed.
    onSuccess: async (next) => {
      setCurrency(next.currency);
      if (next.language) await switchLanguage(next.language);
    },
  });

  // The sections show once all their answers are in: drawn one by one as each came, they pushed
  // the ones below down under the pointer (a click on «Reassign clients…» landed elsewhere).
  const answers = useQueries({
    queries: [
      channelQuery('sync.status', {}),
      channelQuery('fields.list', { includeRetired: true }),
      channelQuery('cadence.get', {}),
      channelQuery('stageRules.get', {}),
      channelQuery('analytics.settings', {}),
      channelQuery('managers.list', {}),
      channelQuery('lostReasons.list', {}),
    ],
  });
  const ready = answers.every((answer) => !answer.isPending);

  return (
    <section className="page settings">
      <header className="page__header">
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="admin-panel admin-general" aria-labelledby="admin-general-title">
        <header className="admin-panel__header">
          <h2 id="admin-general-title">{t('admin.general')}</h2>
        </header>
        <div className="admin-general__grid">
          <label className="form-field">
            <span>{t('settings.language')}</span>
            <select
              name="language"
              value={settings.data?.language ?? 'ru'}
              onChange={(e) => save.mutate({ language: e.target.value as Locale })}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>{t('settings.currency')}</span>
            <select
              name="currency"
              value={settings.data?.currency ?? 'RUB'}
              onChange={(e) => save.mutate({ currency: e.target.value as Currency })}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {t(`settings.currencies.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {settings.data ? (
            <UserNameForm
              key={settings.data.userName ?? ''}
              initial={settings.data.userName ?? ''}
              save={(userName) => save.mutateAsync({ userName })}
            />
          ) : null}
          <CurrentManagerField />
        </div>
        <dl className="facts">
          <dt>{t('settings.workbook')}</dt>
          <dd>{info.data?.workbookPath}</dd>
          <dt>{t('settings.version')}</dt>
          <dd>{info.data?.version}</dd>
        </dl>
      </section>
      {ready ? (
        <>
          <SyncSection />
          <FieldsSection />
          <CadenceSection />
          <StageRulesSection />
          <AnalyticsSection />
          <div className="admin-columns">
            <ManagersSection />
            <LostReasonsSection />
          </div>
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </section>
  );
}

function UserNameForm({
  initial,
  save,
}: {
  initial: string;
  save: (userName: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save(userName).then(
      () => {
        setError(undefined);
        setSaved(true);
      },
      (e: unknown) =>
        setError(e instanceof ApiError ? (e.messageFor('userName') ?? e.message) : String(e)),
    );
  };

  return (
    <form className="form-field" onSubmit={submit} noValidate>
      <label htmlFor="settings-user-name">{t('settings.userName')}</label>
      <div className="row">
        <input
          id="settings-user-name"
          name="userName"
          value={userName}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setUserName(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('settings.saved')}
          </span>
        ) : null}
      </div>
      <span className="muted">{t('settings.userNameHint')}</span>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
