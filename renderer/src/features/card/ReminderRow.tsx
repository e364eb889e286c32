/**
 * One open reminder: title, when it is due (red when overdue), its repeat rule, and Done,
 * Snooze, Edit, Delete. Editing replaces the row with the form.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../../electron/api/contract';
import { api, ApiError } from '../../api/client';
import { formatDate } from '../../lib/format';
import { ConfirmDialog } from './ConfirmDialog';
import { addDays, localDay } from '../../../../kernel/local-date';
import { effectiveDue, isOverdue } from './reminder-dates';
import { SNOOZE_CHOICES, snoozeTarget } from '../../../../kernel/snooze';
import { ReminderForm } from './ReminderForm';
import { describeRepeat } from './repeat-text';
import { messageOf } from './useCardData';
import { DateInput } from '../../lib/DateInput';
import { TimeInput } from '../../lib/TimeInput';

interface Props {
  reminder: Reminder;
  readOnly: boolean;
  onDone: (r: Reminder) => Promise<void>;
  /** Called after any other change, to read the list again. */
  onChanged: () => Promise<void>;
}

/** "today, 14:00" / "Jan 12, 2027" in the user's language. */
export function useDueText(): (due: string) => string {
  const { t } = useTranslation();
  return (due) => {
    const date = due.slice(0, 10);
    const today = localDay(new Date());
    const day =
      date === today
        ? t('rem.due.today')
        : date === addDays(today, 1)
          ? t('rem.due.tomorrow')
          : date === addDays(today, -1)
            ? t('rem.due.yesterday')
            : formatDate(date);
    return due.length > 10 ? `${day}, ${due.slice(11)}` : day;
  };
}

export function ReminderRow({ reminder: r, readOnly, onDone, onChanged }: Props) {
  const { t } = useTranslation();
  const dueText = useDueText();
  const [mode, setMode] = useState<'view' | 'edit' | 'snooze' | 'delete'>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const due = effectiveDue(r);
  const overdue = isOverdue(due, new Date());

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
      setMode('view');
    } catch (e) {
      setError(e instanceof ApiError ? (e.messageFor('until') ?? e.message) : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const snooze = (until: string) =>
    run(async () => {
      await api.call('reminders.snooze', { id: r.id, until });
      await onChanged();
    });

  if (mode === 'edit') {
    return (
      <li className="rem-row rem-row--edit" data-testid="reminder" data-id={r.id}>
        <ReminderForm
          initial={r}
          defaultDate={r.dueDate}
          onCancel={() => setMode('view')}
          onSubmit={async (values) => {
            await api.call('reminders.update', { id: r.id, ...values });
            await onChanged();
            setMode('view');
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={`rem-row${overdue ? ' rem-row--overdue' : ''}`}
      data-testid="reminder"
      data-id={r.id}
      data-due={due}
    >
      <div className="rem-row__main">
        {readOnly ? null : (
          <button
            type="button"
            className="rem-row__done"
            disabled={busy}
            title={t('rem.actions.done')}
            onClick={() => void run(() => onDone(r))}
          >
            ✓ <span className="rem-row__done-text">{t('rem.actions.done')}</span>
          </button>
        )}
        <span className="rem-row__title">{r.title}</span>
        <span className="rem-row__due" data-testid="reminder-due">
          <time dateTime={due}>{dueText(due)}</time>
          {overdue ? <span className="visually-hidden"> · {t('rem.due.overdue')}</span> : null}
        </span>
      </div>
      <div className="rem-row__meta">
        {r.repeat ? (
          <span className="rem-row__rule" data-testid="reminder-rule" title={t('rem.rule.label')}>
            ↻ {describeRepeat(r.repeat, t)}
          </span>
        ) : (
          <span className="rem-row__rule" />
        )}
        {r.snoozedUntil ? (
          <span className="rem-row__tag">
            {t('rem.due.snoozed', {
              date: dueText(r.dueTime ? `${r.dueDate}T${r.dueTime}` : r.dueDate),
            })}
          </span>
        ) : null}
        {readOnly ? null : (
          <span className="rem-row__actions">
            <button
              type="button"
              className="link"
              aria-expanded={mode === 'snooze'}
              onClick={() => setMode(mode === 'snooze' ? 'view' : 'snooze')}
            >
              {t('rem.actions.snooze')}
            </button>
            <button type="button" className="link" onClick={() => setMode('edit')}>
              {t('rem.actions.edit')}
            </button>
            <button type="button" className="link" onClick={() => setMode('delete')}>
              {t('rem.actions.delete')}
            </button>
          </span>
        )}
      </div>
      {mode === 'snooze' ? (
        <SnoozeChoices reminder={r} busy={busy} onSnooze={snooze} onClose={() => setMode('view')} />
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      {mode === 'delete' ? (
        <ConfirmDialog
          message={t('rem.confirmDelete', { title: r.title })}
          confirmLabel={t('rem.confirmYes')}
          onConfirm={async () => {
            await api.call('reminders.delete', { id: r.id });
            await onChanged();
          }}
          onClose={() => setMode('view')}
        />
      ) : null}
    </li>
  );
}

function SnoozeChoices(props: {
  reminder: Reminder;
  busy: boolean;
  onSnooze: (until: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dueText = useDueText();
  const [date, setDate] = useState('');
  const [time, setTime] = useState(props.reminder.dueTime ?? '');
  const now = new Date();
  return (
    <div
      className="rem-snooze"
      role="group"
      aria-label={t('rem.snooze.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <span className="rem-snooze__caption">{t('rem.snooze.label')}:</span>
      {SNOOZE_CHOICES.map((choice) => {
        const target = snoozeTarget(choice, props.reminder.dueTime, now);
        return (
          <button
            key={choice}
            type="button"
            className="small"
            disabled={props.busy}
            title={dueText(target)}
            onClick={() => void props.onSnooze(target)}
          >
            {t(`rem.snooze.${choice}`)}
          </button>
        );
      })}
      <form
        className="rem-snooze__pick"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onSnooze(time ? `${date}T${time}` : date);
        }}
      >
        <span className="rem-snooze__caption">{t('rem.snooze.or')}</span>
        <DateInput
          name="snoozeDate"
          aria-label={t('rem.snooze.pick')}
          value={date}
          onChange={(value) => setDate(value)}
        />
        <TimeInput
          name="snoozeTime"
          aria-label={t('rem.form.time')}
          value={time}
          onChange={(value) => setTime(value)}
        />
        <button type="submit" className="small" disabled={props.busy || date === ''}>
          {t('rem.snooze.apply')}
        </button>
        <button type="button" className="small" onClick={props.onClose}>
          {t('rem.snooze.cancel')}
        </button>
      </form>
    </div>
  );
}
