/**
 * Open a workbook: by its path, or from the recent list. A workbook held elsewhere can be opened
 * read-only; an encrypted one asks for its password where it was asked to open (the desktop app
 * sends a double-clicked encrypted workbook here as `#/workbook?open=<path>`).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { codeOf, ErrorLine } from './ErrorLine';
import { LockMark } from './LockMark';
import { PasswordPrompt } from './PasswordFields';
import { PathForm } from './PathForm';
import { useRecentWorkbooks } from './useWorkbook';

interface OpenInput {
  path: string;
  readOnly?: boolean;
  password?: string;
  /** Where the request came from: `form`, or the path of a row of the recent list. */
  from: string;
}

const isPasswordRefusal = (error: unknown) =>
  codeOf(error) === 'password_required' || codeOf(error) === 'wrong_password';

export function OpenPanel({ current }: { current: WorkbookInfo | null }) {
  const { t } = useTranslation();
  const recent = useRecentWorkbooks();
  const [params] = useSearchParams();
  const asked = params.get('open');
  const [readOnly, setReadOnly] = useState(false);
  // The place that asks for a password now, and what it opens with it.
  const [asking, setAsking] = useState<Omit<OpenInput, 'password'> | null>(
    asked ? { path: asked, from: 'form' } : null,
  );
  const open = useMutation({
    mutationFn: ({ path, readOnly, password }: OpenInput) =>
      api.call('workbook.open', {
        path,
        ...(readOnly ? { readOnly } : {}),
        ...(password === undefined ? {} : { password }),
      }),
    onError: (error, input) => {
      if (isPasswordRefusal(error)) {
        setAsking({
          path: input.path,
          from: input.from,
          ...(input.readOnly ? { readOnly: true } : {}),
        });
      }
    },
  });
  const failure = (from: string) => (
    <>
      {open.error && open.variables?.from === from ? (
        <ErrorLine error={open.error}>
          {codeOf(open.error) === 'locked' ? (
            <button
              type="button"
              onClick={() => open.mutate({ ...open.variables, readOnly: true })}
            >
              {t('wbk.open.openReadOnly')}
            </button>
          ) : null}
        </ErrorLine>
      ) : null}
      {asking?.from === from ? (
        <PasswordPrompt
          id={`wb-password-${from === 'form' ? 'form' : 'recent'}`}
          submit={t('wbk.open.submit')}
          pending={open.isPending}
          onSubmit={(password) => open.mutate({ ...asking, password })}
        />
      ) : null}
    </>
  );

  return (
    <section className="wb-panel" aria-labelledby="wb-open-title">
      <h2 id="wb-open-title">{t('wbk.open.title')}</h2>
      <p className="muted wb-lead">{t('wbk.open.lead')}</p>
      <PathForm
        id="wb-open-path"
        label={t('wbk.open.path')}
        initial={asked ?? ''}
        submit={t('wbk.open.submit')}
        pending={open.isPending}
        pickMode="open"
        onSubmit={(path) => {
          setAsking(null);
          open.mutate({ path, readOnly, from: 'form' });
        }}
      >
        <label className="wb-check">
          <input
            type="checkbox"
            checked={readOnly}
            onChange={(e) => setReadOnly(e.target.checked)}
          />
          {t('wbk.open.readOnly')}
        </label>
      </PathForm>
      {failure('form')}
      <h3>{t('wbk.recent.title')}</h3>
      {recent.data && recent.data.length === 0 ? (
        <p className="muted">{t('wbk.recent.empty')}</p>
      ) : null}
      <ul className="wb-recent" data-testid="recent-workbooks">
        {recent.data?.map((item) => {
          const isCurrent = item.path === current?.path;
          return (
            <li
              key={item.path}
              className={item.exists ? 'wb-recent__row' : 'wb-recent__row wb-recent__row--missing'}
            >
              <div className="wb-recent__text">
                <strong>
                  {item.name}
                  {item.encrypted ? <LockMark label={t('pwd.recentMark')} /> : null}
                </strong>
                <span className="muted wb-recent__path">{item.path}</span>
                <span className="muted wb-recent__when">
                  {item.exists
                    ? t('wbk.recent.openedAt', { date: formatDateTime(item.openedAt) })
                    : t('wbk.recent.missing')}
                </span>
              </div>
              {isCurrent ? (
                <span className="muted">{t('wbk.recent.current')}</span>
              ) : item.exists ? (
                <button
                  type="button"
                  disabled={open.isPending}
                  aria-label={`${t('wbk.recent.open')}: ${item.name}`}
                  onClick={() => {
                    open.reset();
                    // Known to be encrypted: ask for the password before trying.
                    if (item.encrypted) setAsking({ path: item.path, from: item.path });
                    else {
                      setAsking(null);
                      open.mutate({ path: item.path, from: item.path });
                    }
                  }}
                >
                  {t('wbk.recent.open')}
                </button>
              ) : null}
              {failure(item.path)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
