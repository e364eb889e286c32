/** Open a workbook: by its path, or from the recent list. A workbook held elsewhere can be opened read-only. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { codeOf, ErrorLine } from './ErrorLine';
import { PathForm } from './PathForm';
import { startOver, useRecentWorkbooks } from './useWorkbook';

interface OpenInput {
  path: string;
  readOnly?: boolean;
  /** Where the request came from: `form`, or the path of a row of the recent list. */
  from: string;
}

export function OpenPanel({ current }: { current: WorkbookInfo }) {
  const { t } = useTranslation();
  const recent = useRecentWorkbooks();
  const [readOnly, setReadOnly] = useState(false);
  const open = useMutation({
    mutationFn: ({ path, readOnly }: OpenInput) =>
      api.call('workbook.open', { path, ...(readOnly ? { readOnly } : {}) }),
    onSuccess: startOver,
  });
  const failure = (from: string) =>
    open.error && open.variables?.from === from ? (
      <ErrorLine error={open.error}>
        {codeOf(open.error) === 'locked' ? (
          <button type="button" onClick={() => open.mutate({ ...open.variables, readOnly: true })}>
            {t('wbk.open.openReadOnly')}
          </button>
        ) : null}
      </ErrorLine>
    ) : null;

  return (
    <section className="wb-panel" aria-labelledby="wb-open-title">
      <h2 id="wb-open-title">{t('wbk.open.title')}</h2>
      <p className="muted wb-lead">{t('wbk.open.lead')}</p>
      <PathForm
        id="wb-open-path"
        label={t('wbk.open.path')}
        initial=""
        submit={t('wbk.open.submit')}
        pending={open.isPending}
        onSubmit={(path) => open.mutate({ path, readOnly, from: 'form' })}
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
          const isCurrent = item.path === current.path;
          return (
            <li
              key={item.path}
              className={item.exists ? 'wb-recent__row' : 'wb-recent__row wb-recent__row--missing'}
            >
              <div className="wb-recent__text">
                <strong>{item.name}</strong>
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
                  onClick={() => open.mutate({ path: item.path, from: item.path })}
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
