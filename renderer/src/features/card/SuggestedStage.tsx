/**
 * The stage the client's sales point to, under the badges, with "Apply": applied as the
 * ladder's own move (the bulk action "apply suggested stage" on this one client), so the
 * stage goes on following sales afterwards.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { messageOf } from './useCardData';

export function SuggestedStage({ clientId, stage }: { clientId: string; stage: Stage }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = async () => {
    setBusy(true);
    try {
      await api.call('clients.bulk', {
        ids: [clientId],
        action: { type: 'applySuggestedStage' },
      });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <p className="stage-hint" data-testid="suggested-stage">
      {t('cardx.stage.suggested', { stage: t(`stages.${stage}`) })}{' '}
      <button type="button" className="link" disabled={busy} onClick={() => void apply()}>
        {t('cardx.stage.apply')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
