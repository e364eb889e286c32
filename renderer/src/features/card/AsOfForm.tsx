/** "View the card as of": a local date and time, sent as an instant to history.asOf. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../electron/api/contract';
import { localSecond } from '../../../../kernel/local-date';
import { api } from '../../api/client';
import { DateInput } from '../../lib/DateInput';
import { TimeInput } from '../../lib/TimeInput';
import { messageOf } from './useCardData';

interface Props {
  clientId: string;
  onShow: (at: string, client: Client | null) => void;
}

export function AsOfForm({ clientId, onShow }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => localSecond(new Date()));
  const [day, time] = [value.slice(0, 10), value.slice(11)];
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
        <DateInput
          id="as-of-at"
          name="asOfDate"
          value={day}
          required
          onChange={(next) => setValue(`${next}T${time}`)}
        />
        <TimeInput
          name="asOfTime"
          aria-label={t('rem.form.time')}
          seconds
          value={time}
          required
          onChange={(next) => setValue(`${day}T${next}`)}
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
