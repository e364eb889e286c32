/**
 * The campaign's messages as a CSV for a mailing or an SMS service (the pending contacts with an
 * e-mail, or a phone), saved the way every export is; then, once the user has sent them from
 * the service, one click marks them all as contacted and logs each message on its card.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignCsvFile } from '../../../../electron/api/contract';
import type { CsvTarget } from '../../../../electron/api/contract/campaign-enums';
import { api } from '../../api/client';
import { download } from '../../lib/download';

export function MessagesExport({ id }: { id: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ target: CsvTarget; data: CampaignCsvFile } | null>(null);
  const exportCsv = useMutation({
    mutationFn: (target: CsvTarget) => api.call('campaigns.exportCsv', { id, format: target }),
    onSuccess: (data, target) => {
      download(data);
      setFile({ target, data });
    },
  });
  const mark = useMutation({
    mutationFn: () =>
      api.call('campaigns.sent', {
        id,
        clientIds: file!.data.clientIds,
        via: file!.target,
      }),
  });
  return (
    <div className="campaign-csv" data-testid="campaign-csv">
      <span className="muted">{t('camp.csv.title')}:</span>
      {(['email', 'sms'] as const).map((target) => (
        <button
          key={target}
          type="button"
          aria-busy={exportCsv.isPending}
          onClick={() => {
            mark.reset();
            exportCsv.mutate(target);
          }}
        >
          {t(`camp.csv.${target}`)}
        </button>
      ))}
      <span role="status" aria-live="polite">
        {exportCsv.isPending ? t('camp.csv.busy') : null}
        {file && !exportCsv.isPending ? t('camp.csv.done', { count: file.data.rows }) : null}{' '}
        {mark.data ? t('camp.csv.marked', { count: mark.data.marked }) : null}
      </span>
      {file && file.data.rows > 0 && !mark.data ? (
        <button type="button" disabled={mark.isPending} onClick={() => mark.mutate()}>
          {t('camp.csv.markSent')}
        </button>
      ) : null}
      {exportCsv.error || mark.error ? (
        <span className="field-error" role="alert">
          {(exportCsv.error ?? mark.error)?.message}
        </span>
      ) : null}
    </div>
  );
}
