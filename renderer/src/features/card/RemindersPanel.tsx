/**
 * The card's reminders above the tabs: the client's open reminders soonest first, each with
 * its actions, and the Add reminder form. Done on a repeating one shows its next occurrence.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDate } from '../../lib/format';
import { today } from '../../../../kernel/local-date';
import { ReminderForm } from './ReminderForm';
import { ReminderRow } from './ReminderRow';
import { useCompleteReminder, useReminders } from './useReminders';
import './reminders.css';

interface Props {
  clientId: string;
  /** No writing: a client in the trash or a past version of the card. */
  readOnly: boolean;
  /** Changes when the R key asks for a new reminder. */
  addAsked?: number;
}

export function RemindersPanel({ clientId, readOnly, addAsked }: Props) {
  const { t } = useTranslation();
  const reminders = useReminders(clientId);
  const complete = useCompleteReminder();
  const [adding, setAdding] = useState(false);
  // R on the card asks for a new reminder (each press a new number).
  const [asked, setAsked] = useState(addAsked ?? 0);
  if (addAsked !== undefined && addAsked !== asked) {
    setAsked(addAsked);
    if (!readOnly) setAdding(true);
  }
  // The form closed (added or cancelled): the focus goes back to "+ Add reminder".
  const addRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) addRef.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  const [status, setStatus] = useState<string | null>(null);
  const list = reminders.data ?? [];

  return (
    <section className="reminders" aria-labelledby="reminders-title" data-testid="reminders">
      <header className="reminders__header">
        <h2 id="reminders-title">{t('rem.title')}</h2>
        {list.length > 0 ? (
          <span className="muted reminders__count">{t('rem.count', { count: list.length })}</span>
        ) : null}
        {readOnly || adding ? null : (
          <button
            ref={addRef}
            type="button"
            className="link reminders__add"
            onClick={() => {
              setAdding(true);
              setStatus(null);
            }}
          >
            + {t('rem.add')}
          </button>
        )}
      </header>
      {adding ? (
        <ReminderForm
          defaultDate={today()}
          onCancel={() => setAdding(false)}
          onSubmit={async (values) => {
            await api.call('reminders.add', { clientId, ...values });
            setAdding(false);
          }}
        />
      ) : null}
      {reminders.error ? (
        <p className="error" role="alert">
          {reminders.error.message}
        </p>
      ) : null}
      {reminders.isSuccess && list.length === 0 && !adding ? (
        <p className="muted reminders__empty">{t('rem.empty')}</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="reminders__list" aria-label={t('rem.title')}>
          {list.map((r) => (
            <ReminderRow
              key={r.id}
              reminder={r}
              readOnly={readOnly}
              onChanged={() => {
                setStatus(null);
                return Promise.resolve();
              }}
              onDone={async () => {
                const { next } = await complete(r.id);
                setStatus(
                  next
                    ? t('rem.next', { date: formatDate(next.dueDate) })
                    : r.repeat
                      ? t('rem.finished')
                      : null,
                );
              }}
            />
          ))}
        </ul>
      ) : null}
      {status ? (
        <p className="muted reminders__status" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
