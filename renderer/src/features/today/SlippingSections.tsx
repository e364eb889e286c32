/**
 * "Slipping away" and "Due to buy this week", both from `analytics.due` for the page's date:
 * the first (clients late for their next purchase) ranked by value with its row actions, the
 * second (expected from today through the sixth day after) a compact list by expected day. Long
 * lists start collapsed; the badges count every client, and a list cut short says "first N of M".
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SlippingClient } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/format';
import { ListActions } from '../lists/ListActions';
import type { ReminderMark } from './RemindButton';
import { ClientName, RowFrame } from './RowParts';
import { Section, ShowAll, useCollapsed } from './Section';
import { SlippingRow } from './SlippingRow';
import { dayLabel, useDue } from './useRetain';

const SLIPPING_SHOWN = 6;
const DUE_SHOWN = 5;

interface Props {
  today: string;
  marks: Map<string, ReminderMark>;
  notify: (status: string) => void;
}

export function SlippingSections({ today, marks, notify }: Props) {
  const { t } = useTranslation();
  const due = useDue(today);
  const slipping = useCollapsed(due.data?.slipping ?? [], SLIPPING_SHOWN);
  const error = due.error ? (
    <p className="today-empty field-error" role="alert">
      {due.error.message}{' '}
      <button type="button" className="link" onClick={() => void due.refetch()}>
        {t('today.retry')}
      </button>
    </p>
  ) : null;
  const data = due.data;

  return (
    <>
      <Section
        id="slipping"
        title={t('ret.slipping.title')}
        count={data?.slippingCount ?? 0}
        lead={t('ret.slipping.lead')}
      >
        {error}
        {!data ? null : data.slipping.length === 0 ? (
          <p className="today-empty muted">{t('ret.slipping.empty')}</p>
        ) : (
          <>
            <ListActions
              audience={{ drill: { kind: 'slipping', key: 'all', asOf: today } }}
              count={data.slippingCount}
              source={t('ret.slipping.title')}
              testId="slipping-actions"
              compact
            />
            <ul className="today-list">
              {slipping.shown.map((item) => (
                <SlippingRow
                  key={item.clientId}
                  item={item}
                  today={today}
                  mark={marks.get(item.clientId)}
                  notify={notify}
                />
              ))}
            </ul>
            <ShowAll
              open={slipping.open}
              hidden={slipping.hidden}
              more={moreLabel(
                t,
                data.slipping.length,
                data.slippingCount,
                t('ret.slipping.more', { count: data.slipping.length }),
              )}
              less={t('ret.slipping.less')}
              onToggle={slipping.toggle}
            />
            {slipping.open && data.slippingCount > data.slipping.length ? (
              <p className="today-note muted">
                {t('ret.slipping.notAll', {
                  shown: data.slipping.length,
                  count: data.slippingCount,
                })}
              </p>
            ) : null}
          </>
        )}
      </Section>
      {data ? <DueWeek items={data.due} count={data.dueCount} today={today} /> : null}
    </>
  );
}

/** "Show all 12", or "Show the first 100 of 115" when the server sent only the first ones. */
export function moreLabel(t: TFunction, shown: number, count: number, all: string): string {
  return count > shown ? t('ret.firstOf', { count: shown, total: count }) : all;
}

/** Regular buyers expected from today through the sixth day after: name, when, value. */
function DueWeek({
  items,
  count,
  today,
}: {
  items: SlippingClient[];
  count: number;
  today: string;
}) {
  const { t } = useTranslation();
  const list = useCollapsed(items, DUE_SHOWN);
  return (
    <Section
      id="due-week"
      title={t('ret.dueWeek.title')}
      count={count}
      lead={t('ret.dueWeek.lead')}
    >
      {items.length === 0 ? (
        <p className="today-empty muted">{t('ret.dueWeek.empty')}</p>
      ) : (
        <>
          <ListActions
            audience={{ drill: { kind: 'due', key: 'all', asOf: today } }}
            count={count}
            source={t('ret.dueWeek.title')}
            testId="due-week-actions"
            compact
          />
          <ul className="today-list">
            {list.shown.map((item) => (
              <RowFrame
                key={item.clientId}
                testId="due-week-row"
                clientId={item.clientId}
                className="today-row--compact"
              >
                <div className="today-row__main">
                  <ClientName client={{ id: item.clientId, name: item.name }} />
                  <span className="today-row__when" data-testid="due-week-when">
                    {item.expected === today
                      ? t('ret.dueWeek.expectedToday')
                      : t('ret.dueWeek.expected', { date: dayLabel(item.expected, today) })}
                  </span>
                  <span className="today-row__value" title={t('ret.slipping.valueHint')}>
                    {formatMoney(item.revenue)}
                  </span>
                </div>
              </RowFrame>
            ))}
          </ul>
          <ShowAll
            open={list.open}
            hidden={list.hidden}
            more={moreLabel(
              t,
              items.length,
              count,
              t('ret.slipping.more', { count: items.length }),
            )}
            less={t('ret.slipping.less')}
            onToggle={list.toggle}
          />
          {list.open && count > items.length ? (
            <p className="today-note muted">
              {t('ret.dueWeek.notAll', { shown: items.length, count })}
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
