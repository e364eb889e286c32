/** A small modal question before something is deleted: Enter confirms, Escape keeps it. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../lib/Modal';
import { messageOf } from './useCardData';

interface Props {
  message: string;
  confirmLabel?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ message, confirmLabel, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // The answer that does something is the one Enter gives (the dialog itself would focus "No").
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Modal role="alertdialog" labelledBy="confirm-message" onClose={onClose}>
      <div className="dialog">
        <p id="confirm-message" className="confirm__message">
          {message}
        </p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row row--end">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('cardx.confirm.no')}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary danger"
            onClick={() => void confirm()}
            disabled={busy}
          >
            {confirmLabel ?? t('cardx.confirm.yes')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
