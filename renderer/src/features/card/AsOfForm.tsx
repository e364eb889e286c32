/** "View the card as of": a local date and time, sent as an instant to history.asOf. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../electron/api/contract';
import { localSecond } from '../../../../kernel/local-date';
import { api } from '../../api/client';
import { messageOf } from './useCardData';

interface Props {
  clientId: string;
  onShow: (at: string, client: Client | null) => void;
}

export function AsOfForm({ clientId, onShow }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => localSecond(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async () => {
    // The input holds local time; the workbook keeps instants.
    const moment = new Date(value);
    if (Number.isNaN(moment.getTime())) return;
    setBusy(true);
    try {
      const at = moment.toISOString();
      const client = await api.call('history.asOf', { clientId, at });
      setError(null);
      onShow(at, client);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="as-of-form"
      onSubmit={(e) => {
        e.preventDefault();
        void show();
      }}
    >
      <label htmlFor="as-of-at" className="field__label">
        {t('cardx.asOf.label')}
      </label>
      <div className="row">
        <input
          id="as-of-at"
          name="asOf"
          type="datetime-local"
          step={1}
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={busy || value === ''}>
          {t('cardx.asOf.show')}
        </button>
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
