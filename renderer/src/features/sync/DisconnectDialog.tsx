/** The question before this device forgets its hub: the workbook stays, waiting changes too. */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Modal } from '../../lib/Modal';
import { ErrorLine } from '../workbook/ErrorLine';

export function DisconnectDialog({ pending, onClose }: { pending: number; onClose: () => void }) {
  const { t } = useTranslation();
  const disconnect = useMutation({ mutationFn: () => api.call('sync.disconnect', {}) });
  // The safe answer has the focus: Enter keeps the connection.
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const busy = disconnect.isPending;
  return (
    <Modal
      role="alertdialog"
      labelledBy="sync-disconnect-title"
      describedBy="sync-disconnect-text"
      onClose={() => {
        if (!busy) onClose();
      }}
    >
      <div className="dialog">
        <h2 id="sync-disconnect-title">{t('sync.status.disconnectTitle')}</h2>
        <p id="sync-disconnect-text">{t('sync.status.disconnectText', { pending })}</p>
        <ErrorLine error={disconnect.error} />
        <div className="row row--end">
          <button ref={cancelRef} type="button" onClick={onClose} disabled={busy}>
            {t('sync.status.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => disconnect.mutate(undefined, { onSuccess: onClose })}
          >
            {t('sync.status.disconnectConfirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
