/**
 * Exchange files, for no network at all: write the changes the partners have not seen to a
 * file, or apply a file another device wrote, with what each did.
 */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorLine } from '../workbook/ErrorLine';
import { PathForm } from '../workbook/PathForm';
import { besideFile, useWorkbookInfo } from '../workbook/useWorkbook';
import { useSyncStatus } from './useSync';

export const EXCHANGE_EXTENSION = '.kartoteka-changes';

export function ExchangePanel() {
  const { t } = useTranslation();
  const info = useWorkbookInfo();
  const status = useSyncStatus().data;
  const exportChanges = useMutation({
    mutationFn: (path: string) => api.call('exchange.export', { path }),
  });
  const importChanges = useMutation({
    mutationFn: (path: string) => api.call('exchange.import', { path }),
  });
  const wb = info.data;
  const initial = wb
    ? besideFile(wb.path, `${wb.name} — ${t('sync.exchange.fileName')}${EXCHANGE_EXTENSION}`)
    : '';
  return (
    <section className="wb-panel sync-exchange" aria-labelledby="sync-exchange-title">
      <h2 id="sync-exchange-title">{t('sync.exchange.title')}</h2>
      <p className="muted wb-lead">{t('sync.exchange.lead')}</p>
      {status && !status.configured && status.workbookId ? (
        // Without a hub the ids are shown here: a partner's files must be of this workbook.
        <p className="muted wb-lead" data-testid="exchange-identity">
          {t('sync.exchange.identity', {
            workbook: status.workbookId,
            device: `${status.deviceName ?? ''} ${status.deviceId ?? ''}`.trim(),
          })}
        </p>
      ) : null}
      {wb ? (
        <PathForm
          id="sync-export-path"
          label={t('sync.exchange.exportPath')}
          initial={initial}
          submit={
            exportChanges.isPending ? t('sync.exchange.exporting') : t('sync.exchange.export')
          }
          pending={exportChanges.isPending}
          error={exportChanges.error?.message}
          onSubmit={(path) => {
            importChanges.reset();
            exportChanges.mutate(path);
          }}
        />
      ) : null}
      <ErrorLine error={exportChanges.error} />
      {exportChanges.data ? (
        <p className="wb-done" role="status" data-testid="exchange-exported">
          {t('sync.exchange.exported', {
            count: exportChanges.data.changes,
            path: exportChanges.data.path,
          })}
        </p>
      ) : null}
      <PathForm
        id="sync-import-path"
        label={t('sync.exchange.importPath')}
        initial=""
        submit={importChanges.isPending ? t('sync.exchange.importing') : t('sync.exchange.import')}
        pending={importChanges.isPending}
        error={importChanges.error?.message}
        onSubmit={(path) => {
          exportChanges.reset();
          importChanges.mutate(path);
        }}
      />
      <ErrorLine error={importChanges.error} />
      {importChanges.data ? (
        <p className="wb-done" role="status" data-testid="exchange-imported">
          {t('sync.exchange.imported', { ...importChanges.data })}
        </p>
      ) : null}
    </section>
  );
}
