/** The notices above the card: a past version on screen, or a client in the trash. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { messageOf } from './useCardData';

interface AsOfProps {
  at: string;
  /** False when the client did not exist yet at that moment. */
  existed: boolean;
  onClose: () => void;
}

export function AsOfBanner({ at, existed, onClose }: AsOfProps) {
  const { t } = useTranslation();
  const date = formatDateTime(at);
  return (
    <div className="banner banner--as-of" role="status" data-testid="as-of-banner">
      <span>
        {existed ? (
          <>
            <strong>{t('cardx.asOf.banner', { date })}</strong>{' '}
            <span className="muted">· {t('cardx.asOf.readOnly')}</span>
          </>
        ) : (
          t('cardx.asOf.notYet', { date })
        )}
      </span>
      <button type="button" onClick={onClose}>
        {t('cardx.asOf.close')}
      </button>
    </div>
  );
}

export function TrashBanner({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = async () => {
    setBusy(true);
    try {
      await api.call('clients.restore', { id: clientId });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner banner--trash" role="status" data-testid="trash-banner">
      <span>{t('cardx.trash.banner')}</span>
      <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
        {t('cardx.trash.restore')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
