/** "Restore" next to a change: puts the old value back (the restore is itself a change). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { messageOf } from './useCardData';

interface Props {
  changeId: string;
  /** The old value in words, for the button's tooltip. */
  oldText: string;
}

export function RestoreButton({ changeId, oldText }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    try {
      await api.call('history.revert', { changeId });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="link restore"
        disabled={busy}
        title={t('cardx.feed.restoreTitle', { value: oldText })}
        onClick={() => void restore()}
      >
        {t('cardx.feed.restore')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
