/**
 * The question before a restore: which state the workbook goes back to, and that the workbook
 * as it is now is kept aside (where). Enter restores, Escape keeps everything as it is.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../electron/api/contract';
import { formatDateTime } from '../../lib/format';
import { Modal } from '../../lib/Modal';
import { ErrorLine } from './ErrorLine';
import { backupsFolder, useRestore } from './useBackups';
import { clientsText } from './BackupList';

interface Props {
  backup: BackupInfo;
  onClose: () => void;
  onRestored: (keptAs: string) => void;
}

export function RestoreDialog({ backup, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const restore = useRestore();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const date = formatDateTime(backup.createdAt);
  const busy = restore.isPending;
  return (
    <Modal
      role="alertdialog"
      labelledBy="bak-restore-title"
      describedBy="bak-restore-text"
      onClose={() => {
        if (!busy) onClose();
      }}
    >
      <div className="dialog bak-dialog">
        <h2 id="bak-restore-title">{t('bak.restoreTitle', { date })}</h2>
        <div id="bak-restore-text" className="bak-dialog__text">
          <p>{t('bak.restoreText', { date, clients: clientsText(t, backup) })}</p>
          <p data-testid="restore-kept">
            {t('bak.restoreKept', { folder: backupsFolder(backup) })}
          </p>
        </div>
        <ErrorLine error={restore.error} />
        <div className="row row--end">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('bak.cancel')}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() =>
              restore.mutate(backup, { onSuccess: (result) => onRestored(result.keptAs) })
            }
          >
            {busy ? t('bak.restoring') : t('bak.restoreConfirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
