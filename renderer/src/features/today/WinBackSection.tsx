/**
 * "Win back": clients marked lost, with the reason they left, their value and when they last
 * bought and were contacted, most valuable first. Each row links to the card and offers
 * "Remind me" and "Log a call". Long lists start collapsed.
 */
import { useTranslation } from 'react-i18next';
import type { WinBackClient } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/format';
import { ListActions } from '../lists/ListActions';
import { CallButton, useCallToggle } from './CallInput';
import { RowFooter } from './RowFooter';
import { RemindButton, type ReminderMark } from './RemindButton';
import { ClientName, PhoneButton, RowFrame } from './RowParts';
import { Section, ShowAll, useCollapsed } from './Section';
import { moreLabel } from './SlippingSections';
import { useRowAction } from './useAgenda';
import { dayLabel, useWinBack } from './useRetain';

const SHOWN = 5;

interface Props {
  today: string;
  marks: Map<string, ReminderMark>;
  notify: (status: string) => void;
}

export function WinBackSection({ today, marks, notify }: Props) {
  const { t } = useTranslation();
  const winBack = useWinBack();
  const items = winBack.data?.rows ?? [];
  const total = winBack.data?.total ?? 0;
  const list = useCollapsed(items, SHOWN);

  return (
    <Section
      id="win-back"
      title={t('ret.winBack.title')}
      count={total}
      lead={t('ret.winBack.lead')}
      className="today-section--wide"
    >
      {winBack.error ? (
        <p className="today-empty field-error" role="alert">
          {winBack.error.message}{' '}
          <button type="button" className="link" onClick={() => void winBack.refetch()}>
            {t('today.retry')}
          </button>
        </p>
      ) : null}
      {!winBack.data ? null : items.length === 0 ? (
        <p className="today-empty muted">{t('ret.winBack.empty')}</p>
      ) : (
        <>
          <ListActions
            audience={{ drill: { kind: 'winBack', key: '' } }}
            count={total}
            source={t('ret.winBack.title')}
            testId="win-back-actions"
          />
          <ul className="today-list">
            {list.shown.map((item) => (
              <WinBackRow
                key={item.clientId}
                item={item}
                today={today}
                mark={marks.get(item.clientId)}
                notify={notify}
              />
            ))}
          </ul>
          <ShowAll
            open={list.open}
            hidden={list.hidden}
            more={moreLabel(t, items.length, total, t('ret.winBack.more', { count: items.length }))}
            less={t('ret.winBack.less')}
            onToggle={list.toggle}
          />
        </>
      )}
    </Section>
  );
}

function WinBackRow(props: {
  item: WinBackClient;
  today: string;
  mark: ReminderMark | undefined;
  notify: (status: string) => void;
}) {
  const { item, today, notify } = props;
  const { t } = useTranslation();
  const client = { id: item.clientId, name: item.name };
  const action = useRowAction();
  const call = useCallToggle();

  return (
    <RowFrame testId="win-back-row" clientId={item.clientId}>
      <div className="today-row__main">
        <ClientName client={client} />
        <span className="today-row__why">
          <span
            className={item.lostReason ? 'today-reason' : 'muted'}
            data-testid="win-back-reason"
          >
            {item.lostReason ?? t('ret.winBack.noReason')}
          </span>
          <span className="muted">
            {item.lastPurchase
              ? t('ret.winBack.lastPurchase', { date: dayLabel(item.lastPurchase, today) })
              : t('ret.winBack.noPurchase')}
            {' · '}
            {item.lastContact
              ? t('ret.winBack.lastContact', { date: dayLabel(item.lastContact, today) })
              : t('ret.winBack.noContact')}
          </span>
        </span>
      </div>
      <div className="today-row__meta">
        <PhoneButton phone={item.phone} />
      </div>
      <div className="today-row__actions">
        <RemindButton
          client={client}
          mark={props.mark}
          today={today}
          action={action}
          notify={notify}
        />
        <CallButton call={call} action={action} />
        <span
          className={`today-row__value${item.revenue ? '' : ' muted'}`}
          title={t('ret.winBack.valueHint')}
          data-testid="win-back-value"
        >
          {item.revenue ? formatMoney(item.revenue) : t('ret.winBack.noPurchase')}
        </span>
      </div>
      <RowFooter
        call={call}
        action={action}
        clientId={item.clientId}
        clientName={item.name}
        notify={notify}
      />
    </RowFrame>
  );
}
