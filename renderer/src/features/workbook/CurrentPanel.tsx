/** The workbook open now: its file, size and format, and whether it can be written. */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ErrorLine } from './ErrorLine';
import { readOnlyText } from './ReadOnlyBanner';
import { formatBytes } from './useWorkbook';

export function CurrentPanel({ info }: { info: WorkbookInfo }) {
  const { t } = useTranslation();
  const reopen = useMutation({
    mutationFn: () => api.call('workbook.open', { path: info.path }),
  });
  const canTryWriting = info.readOnlyReason === 'locked' || info.readOnlyReason === 'chosen';
  return (
    <section className="wb-panel wb-current" aria-labelledby="wb-current-title">
      <header className="wb-current__head">
        <span className="muted">{t('wbk.current')}</span>
        <h2 id="wb-current-title" data-testid="workbook-title">
          {info.name}
        </h2>
        {info.readOnly ? <span className="badge wb-badge">{t('wbk.readOnly')}</span> : null}
      </header>
      <dl className="facts">
        <dt>{t('wbk.path')}</dt>
        <dd data-testid="workbook-path">{info.path}</dd>
        <dt>{t('wbk.size')}</dt>
        <dd>{formatBytes(info.sizeBytes)}</dd>
        <dt>{t('wbk.format')}</dt>
        <dd>{info.schemaVersion}</dd>
        <dt>{t('wbk.state')}</dt>
        <dd>{info.readOnly ? readOnlyText(t, info) : t('wbk.writable')}</dd>
      </dl>
      {canTryWriting ? (
        <div className="row">
          <button type="button" disabled={reopen.isPending} onClick={() => reopen.mutate()}>
            {t('wbk.banner.openForWriting')}
          </button>
        </div>
      ) : null}
      <ErrorLine error={reopen.error} />
    </section>
  );
}
