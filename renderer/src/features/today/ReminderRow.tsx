/**
 * One reminder on the Today screen: who, what and when (overdue ones in red with how late),
 * the phone and the last comment, and Done / Snooze / Log a call without opening the card.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaReminder } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { CallButton, useCallToggle } from './CallInput';
import { RowFooter } from './RowFooter';
import { daysBetween, localDay } from '../../../../kernel/local-date';
import { formatShortDate, formatTime, splitDue } from './dates';
import { ClientName, LastComment, PhoneButton, RowFrame } from './RowParts';
import { SnoozeMenu } from './SnoozeMenu';
import { useRowAction } from './useAgenda';

export type ReminderPlace = 'overdue' | 'today' | 'upcoming';

interface Props {
  item: AgendaReminder;
  place: ReminderPlace;
  now: Date;
  notify: (status: string) => void;
}

export function ReminderRow({ item, place, now, notify }: Props) {
  const { t } = useTranslation();
  const { reminder, client, due } = item;
  const action = useRowAction();
  const call = useCallToggle();

  const done = async () => {
    const found: { next: string | null } = { next: null };
    const ok = await action.run(async () => {
      const result = await api.call('reminders.complete', { id: reminder.id });
      found.next = result.next?.dueDate ?? null;
    });
    if (!ok) return;
    const { next } = found;
    notify(
      next
        ? t('today.status.doneNext', { title: reminder.title, date: formatShortDate(next) })
        : t('today.status.done', { title: reminder.title }),
    );
  };
  const snoozed = (until: string) => {
    const { date, time } = splitDue(until);
    const when = time ? `${formatShortDate(date)}, ${formatTime(time)}` : formatShortDate(date);
    notify(t('today.status.snoozed', { title: reminder.title, when }));
  };

  return (
    <RowFrame
      testId="reminder-row"
      clientId={client.id}
      className={place === 'overdue' ? 'today-row--overdue' : undefined}
    >
      <div className="today-row__main">
        <ClientName client={client} />
        <span className="today-row__why">
          {reminder.repeat ? (
            <span
              className="today-row__repeat"
              title={t('today.repeats')}
              aria-label={t('today.repeats')}
            >
              ↻
            </span>
          ) : null}
          <span className="today-row__title">{reminder.title}</span>
          <When due={due} place={place} now={now} />
        </span>
      </div>
      <div className="today-row__meta">
        <PhoneButton phone={client.phone} />
        <LastComment client={client} />
      </div>
      <div className="today-row__actions">
        <button type="button" disabled={action.pending} onClick={() => void done()}>
          {t('today.actions.done')}
        </button>
        <SnoozeMenu
          reminderId={reminder.id}
          dueTime={reminder.dueTime}
          action={action}
          onSnoozed={snoozed}
        />
        <CallButton call={call} action={action} />
      </div>
      <RowFooter
        call={call}
        action={action}
        clientId={client.id}
        clientName={client.name}
        reminder={reminder}
        notify={notify}
      />
    </RowFrame>
  );
}

/** When it is due, as the place needs it, and for an overdue one how late it is. */
function When({ due, place, now }: { due: string; place: ReminderPlace; now: Date }) {
  const { t } = useTranslation();
  const { date, time } = splitDue(due);
  const today = localDay(now);
  if (place !== 'overdue') {
    return time ? <span className="today-row__when">{formatTime(time)}</span> : null;
  }
  const days = daysBetween(date, today);
  let late: string;
  if (days > 0) late = t('today.late.days', { count: days });
  else {
    const minutes = Math.max(1, Math.floor((now.getTime() - new Date(due).getTime()) / 60_000));
    late =
      minutes >= 60
        ? t('today.late.hours', { count: Math.floor(minutes / 60) })
        : t('today.late.minutes', { count: minutes });
  }
  const shown =
    date === today && time ? formatTime(time) : time ? formatDateTime(due) : formatDate(date);
  return (
    <>
      <span className="today-row__when">{shown}</span>
      <span className="today-row__late" data-testid="late">
        {late}
      </span>
    </>
  );
}
