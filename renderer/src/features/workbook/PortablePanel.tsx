/**
 * A portable workbook (on a stick or a network folder): the file there, the working copy on
 * this computer, when it was last saved back and whether changes wait; "Save to the stick";
 * and, while the stick is not connected, that nothing is lost and a place to save it elsewhere.
 */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortableState, WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { ErrorLine, fieldOf } from './ErrorLine';
import { PathForm } from './PathForm';
import { PortableMark } from './PortableMark';
import { besideFile, useRecentWorkbooks, WORKBOOK_EXTENSION } from './useWorkbook';

export function PortablePanel({ info, state }: { info: WorkbookInfo; state: PortableState }) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: () => api.call('workbook.save', {}),
  });
  const elsewhere = useMutation({
    mutationFn: (input: { path: string; overwrite?: boolean }) => api.call('workbook.save', input),
  });
  const missing = !state.sourceReachable;
  // Another place to save to: beside another workbook used here lately (never the working copy).
  const recent = useRecentWorkbooks();
  const other = recent.data?.find((r) => r.exists && r.path !== state.source);
  const changes = state.saving
    ? t('port.saving')
    : state.unsaved
      ? t('port.unsaved')
      : t('port.saved');
  return (
    <section className="wb-panel wb-portable" aria-labelledby="wb-portable-title">
      <h2 id="wb-portable-title">
        {t('port.title')}
        <PortableMark state={state} />
      </h2>
      <p className="muted wb-lead">{t('port.lead')}</p>
      {state.notice ? (
        <p className="wb-warning" data-testid="portable-notice">
          {state.notice}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('port.source')}</dt>
        <dd data-testid="portable-source">{state.source}</dd>
        <dt>{t('port.workingCopy')}</dt>
        <dd data-testid="portable-working-copy">{state.workingCopy}</dd>
        <dt>{t('port.lastSaved')}</dt>
        <dd data-testid="portable-last-saved">
          {state.lastSavedAt ? formatDateTime(state.lastSavedAt) : t('port.never')}
        </dd>
        <dt>{t('port.changes')}</dt>
        <dd data-testid="portable-changes">{changes}</dd>
      </dl>
      {missing ? (
        <div className="wb-portable__missing" role="status" data-testid="portable-missing">
          <h3>{t('port.missing.title')}</h3>
          <p>{t('port.missing.text')}</p>
          <PathForm
            id="wb-portable-path"
            label={t('port.missing.path')}
            key={other?.path ?? ''}
            initial={other ? besideFile(other.path, `${info.name}${WORKBOOK_EXTENSION}`) : ''}
            submit={t('port.missing.submit')}
            pending={elsewhere.isPending}
            error={elsewhere.error?.message}
            pickMode="saveCopy"
            onSubmit={(path) => elsewhere.mutate({ path })}
          />
          <ErrorLine error={elsewhere.error}>
            {fieldOf(elsewhere.error) === 'overwrite' && elsewhere.variables ? (
              <button
                type="button"
                onClick={() =>
                  elsewhere.mutate({ path: elsewhere.variables.path, overwrite: true })
                }
              >
                {t('port.missing.replace')}
              </button>
            ) : null}
          </ErrorLine>
        </div>
      ) : (
        <>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={save.isPending || state.saving || info.readOnly}
              onClick={() => save.mutate()}
            >
              {t('port.save')}
            </button>
          </div>
          {state.saveError && !save.isError ? (
            <div className="wb-error" role="alert">
              <span className="error">{state.saveError}</span>
            </div>
          ) : null}
          <ErrorLine error={save.error} />
          {save.isSuccess && !state.unsaved ? (
            <p className="wb-done" role="status">
              {t('port.savedNow')}
            </p>
          ) : null}
        </>
      )}
      {elsewhere.data ? (
        <p className="wb-done" role="status">
          {t('port.missing.saved', { path: elsewhere.data.path })}
        </p>
      ) : null}
    </section>
  );
}
