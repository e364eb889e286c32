/**
 * "Log a call" right in the row: one line, Enter adds it to the client's feed as a call,
 * Escape closes it. On a reminder's row the call usually is what the reminder asked for, so
 * "mark the reminder done" is offered, ticked: both are saved in one step, or neither.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatShortDate } from './dates';
import type { RowAction } from './useAgenda';

interface Props {
  clientId: string;
  clientName: string;
  /** The reminder of the row, offered to be marked done with the call. */
  reminder?: { id: string; title: string } | undefined;
  action: RowAction;
  onClose: () => void;
  /** Called after the call is saved, with the status line's text. */
  onLogged: (status: string) => void;
}

export function CallInput({ clientId, clientName, reminder, action, onClose, onLogged }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [markDone, setMarkDone] = useState(true);

  const save = async () => {
    const text = body.trim();
    if (text === '' || action.pending) return;
    const status = { text: t('today.status.called', { name: clientName }) };
    const ok = await action.run(async () => {
      if (reminder && markDone) {
        const { next } = await api.call('reminders.complete', { id: reminder.id, call: text });
        status.text = next
          ? t('today.status.calledDoneNext', {
              name: clientName,
              title: reminder.title,
              date: formatShortDate(next.dueDate),
            })
          : t('today.status.calledDone', { name: clientName, title: reminder.title });
      } else {
        await api.call('comments.add', { clientId, kind: 'call', body: text });
      }
    });
    if (ok) {
      onLogged(status.text);
      onClose();
    }
  };

  return (
    <form
      className="today-call"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        name="call"
        autoFocus
        autoComplete="off"
        value={body}
        maxLength={20_000}
        placeholder={t('today.call.placeholder')}
        aria-label={t('today.call.label', { name: clientName })}
        aria-invalid={action.error ? true : undefined}
        readOnly={action.pending}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      {/* Right after the input in the tab order; shown on its own line below. */}
      {reminder ? (
        <label className="today-call__done">
          <input
            type="checkbox"
            name="markDone"
            checked={markDone}
            disabled={action.pending}
            onChange={(e) => setMarkDone(e.target.checked)}
          />
          {t('today.call.markDone', { title: reminder.title })}
        </label>
      ) : null}
      <button type="submit" className="primary" disabled={action.pending || body.trim() === ''}>
        {t('today.call.save')}
      </button>
      <button type="button" onClick={onClose}>
        {t('today.call.cancel')}
      </button>
    </form>
  );
}

export interface CallToggle {
  open: boolean;
  show: () => void;
  close: () => void;
}

export function useCallToggle(): CallToggle {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, show, close };
}

/** The row's "Log a call" button: opens the one-line input; takes the focus back when it closes. */
export function CallButton({ call, action }: { call: CallToggle; action: RowAction }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(call.open);
  useEffect(() => {
    if (wasOpen.current && !call.open) button.current?.focus();
    wasOpen.current = call.open;
  }, [call.open]);
  return (
    <button
      ref={button}
      type="button"
      aria-expanded={call.open}
      disabled={action.pending}
      onClick={call.open ? call.close : call.show}
    >
      {t('today.actions.call')}
    </button>
  );
}
