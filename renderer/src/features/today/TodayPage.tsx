/**
 * The Today screen, where the owner starts the day and clears it without opening cards:
 * reminders overdue and due today and the next seven days; clients past their contact cadence;
 * clients slipping away from their rhythm of purchases, those due to buy this week, and
 * birthdays; then lost clients to win back. Three columns on a wide window, one under another
 * when narrow.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaReminder } from '../../../../electron/api/contract';
import { formatDate } from '../../lib/format';
import { useRefreshRecurring } from '../campaigns/useRefreshRecurring';
import { FirstSteps, useEmptyWorkbook } from '../first-run/FirstSteps';
import { BirthdayRow } from './BirthdayRow';
import { CampaignTodos } from './CampaignTodos';
import { addDays, localDay } from '../../../../kernel/local-date';
import { formatShortDate, formatWeekday } from './dates';
import { reminderMarks } from './RemindButton';
import { ReminderRow } from './ReminderRow';
import { Section } from './Section';
import { SlippingSections } from './SlippingSections';
import { TouchRow } from './TouchRow';
import { useAgenda, useNow } from './useAgenda';
import { WinBackSection } from './WinBackSection';
import './today.css';

export function TodayPage() {
  const { t } = useTranslation();
  const now = useNow();
  const today = localDay(now);
  const agenda = useAgenda(today);
  const [status, setStatus] = useState<string | null>(null);
  const data = agenda.data;
  const dueCount = data ? data.overdue.length + data.today.length : 0;
  const marks = useMemo(() => reminderMarks(data), [data]);
  const empty = useEmptyWorkbook();
  useRefreshRecurring();

  return (
    <section className="page today">
      <header className="page__header">
        <h1>{t('nav.today')}</h1>
        <span className="muted" data-testid="today-date">
          {formatWeekday(today)}, {formatDate(today)}
        </span>
        <div className="today-status" role="status" aria-live="polite">
          {status ? (
            <>
              <span data-testid="today-status">{status}</span>
              <button
                type="button"
                className="link"
                aria-label={t('today.dismiss')}
                onClick={() => setStatus(null)}
              >
                ×
              </button>
            </>
          ) : null}
        </div>
      </header>
      {agenda.error ? (
        <p className="error" role="alert">
          {agenda.error.message}{' '}
          <button type="button" onClick={() => void agenda.refetch()}>
            {t('today.retry')}
          </button>
        </p>
      ) : null}
      {empty ? (
        <FirstSteps />
      ) : !data ? (
        agenda.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : null
      ) : (
        <div className="today-body">
          <div className="today-grid">
            <div className="today-column">
              <Section id="due" title={t('today.sections.due')} count={dueCount}>
                {dueCount === 0 ? (
                  <div className="today-empty">
                    <p>{t('today.empty.due')}</p>
                    <Link className="today-button" to="/clients">
                      {t('today.empty.toClients')}
                    </Link>
                  </div>
                ) : (
                  <ul className="today-list">
                    {data.overdue.map((item) => (
                      <ReminderRow
                        key={item.reminder.id}
                        item={item}
                        place="overdue"
                        now={now}
                        notify={setStatus}
                      />
                    ))}
                    {data.today.map((item) => (
                      <ReminderRow
                        key={item.reminder.id}
                        item={item}
                        place="today"
                        now={now}
                        notify={setStatus}
                      />
                    ))}
                  </ul>
                )}
              </Section>
              <Section
                id="upcoming"
                title={t('today.sections.upcoming')}
                count={data.upcoming.length}
              >
                {data.upcoming.length === 0 ? (
                  <p className="today-empty muted">{t('today.empty.upcoming')}</p>
                ) : (
                  <Upcoming items={data.upcoming} today={today} now={now} notify={setStatus} />
                )}
              </Section>
            </div>
            <div className="today-column">
              <CampaignTodos />
              <Section id="touch" title={t('today.sections.touch')} count={data.needsTouch.length}>
                {data.needsTouch.length === 0 ? (
                  <p className="today-empty muted">{t('today.empty.touch')}</p>
                ) : (
                  <ul className="today-list">
                    {data.needsTouch.map((item) => (
                      <TouchRow key={item.client.id} item={item} notify={setStatus} />
                    ))}
                  </ul>
                )}
              </Section>
            </div>
            <div className="today-column">
              <SlippingSections today={today} marks={marks} notify={setStatus} />
              <Section
                id="birthdays"
                title={t('today.sections.birthdays')}
                count={data.birthdays.length}
              >
                {data.birthdays.length === 0 ? (
                  <p className="today-empty muted">{t('today.empty.birthdays')}</p>
                ) : (
                  <ul className="today-list">
                    {data.birthdays.map((item) => (
                      <BirthdayRow
                        key={item.client.id}
                        item={item}
                        today={today}
                        notify={setStatus}
                      />
                    ))}
                  </ul>
                )}
              </Section>
            </div>
          </div>
          <WinBackSection today={today} marks={marks} notify={setStatus} />
        </div>
      )}
    </section>
  );
}

/** The next seven days, one group per day: "Tomorrow, 13 Nov", "Fri, 14 Nov". */
function Upcoming(props: {
  items: AgendaReminder[];
  today: string;
  now: Date;
  notify: (status: string) => void;
}) {
  const { t } = useTranslation();
  const days = new Map<string, AgendaReminder[]>();
  for (const item of props.items) {
    const day = item.due.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  const tomorrow = addDays(props.today, 1);
  return (
    <div className="today-days">
      {[...days].map(([day, items]) => (
        <div key={day} className="today-day" data-testid="upcoming-day" data-date={day}>
          <h3 className="today-day__title">
            {day === tomorrow ? t('today.tomorrow') : formatWeekday(day)}, {formatShortDate(day)}
          </h3>
          <ul className="today-list">
            {items.map((item) => (
              <ReminderRow
                key={item.reminder.id}
                item={item}
                place="upcoming"
                now={props.now}
                notify={props.notify}
              />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
