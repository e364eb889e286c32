/** Save a copy as: a complete copy of the open workbook, written while work goes on here. */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ErrorLine, fieldOf } from './ErrorLine';
import { PathForm } from './PathForm';
import { besideFile, formatBytes, WORKBOOK_EXTENSION } from './useWorkbook';

export function CopyPanel({ current }: { current: WorkbookInfo }) {
  const { t } = useTranslation();
  const copy = useMutation({
    mutationFn: (input: { path: string; overwrite?: boolean }) =>
      api.call('workbook.saveCopy', input),
  });
  const initial = besideFile(
    current.path,
    `${current.name} — ${t('wbk.copy.suffix')}${WORKBOOK_EXTENSION}`,
  );
  return (
    <section className="wb-panel" aria-labelledby="wb-copy-title">
      <h2 id="wb-copy-title">{t('wbk.copy.title')}</h2>
      <p className="muted wb-lead">{t('wbk.copy.lead')}</p>
      <PathForm
        id="wb-copy-path"
        label={t('wbk.copy.path')}
        initial={initial}
        submit={t('wbk.copy.submit')}
        pending={copy.isPending}
        error={copy.error?.message}
        pickMode="saveCopy"
        onSubmit={(path) => copy.mutate({ path })}
      />
      {current.encrypted ? <p className="muted wb-lead">{t('pwd.copyEncrypted')}</p> : null}
      <ErrorLine error={copy.error}>
        {fieldOf(copy.error) === 'overwrite' && copy.variables ? (
          <button
            type="button"
            onClick={() => copy.mutate({ path: copy.variables.path, overwrite: true })}
          >
            {t('wbk.copy.replace')}
          </button>
        ) : null}
      </ErrorLine>
      {copy.data ? (
        <p className="wb-done" role="status">
          {t('wbk.copy.saved', { path: copy.data.path, size: formatBytes(copy.data.sizeBytes) })}
        </p>
      ) : null}
    </section>
  );
}
