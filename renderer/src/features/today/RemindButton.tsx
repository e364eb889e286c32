/**
 * "Remind me" on a slipping-away or win-back row: one click adds a reminder for today to call
 * the client. Once the client has an open reminder on the agenda, the row says so instead.
 */
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { formatShortDate } from './dates';
import type { RowAction } from './useAgenda';

export interface ReminderMark {
  /** Effective due date (`YYYY-MM-DD`) of the client's soonest open reminder on the agenda. */
  date: string;
  place: 'overdue' | 'today' | 'upcoming';
}

/** Each client's soonest open reminder on the agenda: overdue, today, or in the next days. */
export function reminderMarks(agenda: Agenda | undefined): Map<string, ReminderMark> {
  const marks = new Map<string, ReminderMark>();
  if (!agenda) return marks;
  const places = [
    ['overdue', agenda.overdue],
    ['today', agenda.today],
    ['upcoming', agenda.upcoming],
  ] as const;
  for (const [place, items] of places) {
    for (const item of items) {
      if (!marks.has(item.client.id))
        marks.set(item.client.id, { date: item.due.slice(0, 10), place });
    }
  }
  return marks;
}

interface Props {
  client: { id: string; name: string };
  mark: ReminderMark | undefined;
  today: string;
  action: RowAction;
  notify: (status: string) => void;
}

export function RemindButton({ client, mark, today, action, notify }: Props) {
  const { t } = useTranslation();
  if (mark) {
    const text =
      mark.place === 'overdue'
        ? t('ret.remind.overdue')
        : mark.place === 'today'
          ? t('ret.remind.today')
          : t('ret.remind.on', { date: formatShortDate(mark.date) });
    return (
      <span className="today-reminded" data-testid="reminder-mark">
        ✓ {text}
      </span>
    );
  }
  const remind = async () => {
    const ok = await action.run(async () => {
      await api.call('reminders.add', {
        clientId: client.id,
        title: t('ret.remind.title', { name: client.name }),
        due: today,
      });
    });
    if (ok) notify(t('ret.remind.done', { name: client.name }));
  };
  return (
    <button
      type="button"
      title={t('ret.remind.hint')}
      disabled={action.pending}
      onClick={() => void remind()}
    >
      {t('ret.remind.action')}
    </button>
  );
}
