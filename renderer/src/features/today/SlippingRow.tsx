/**
 * A client slipping away: overdue by more than its own rhythm of purchases. The row says why
 * in words ("buys every ~30 days; last purchase 12 Sep; 45 days overdue; still active: 38 %"),
 * shows the phone and the value, and offers "Remind me" and "Log a call".
 */
import { useTranslation } from 'react-i18next';
import type { SlippingClient } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/format';
import { CallButton, useCallToggle } from './CallInput';
import { RowFooter } from './RowFooter';
import { RemindButton, type ReminderMark } from './RemindButton';
import { ClientName, PhoneButton, RowFrame } from './RowParts';
import { useRowAction } from './useAgenda';
import { dayLabel, formatShare } from './useRetain';

interface Props {
  item: SlippingClient;
  today: string;
  mark: ReminderMark | undefined;
  notify: (status: string) => void;
}

export function SlippingRow({ item, today, mark, notify }: Props) {
  const { t } = useTranslation();
  const client = { id: item.clientId, name: item.name };
  const action = useRowAction();
  const call = useCallToggle();

  return (
    <RowFrame testId="slipping-row" clientId={item.clientId}>
      <div className="today-row__main">
        <ClientName client={client} />
        <span className="today-row__why today-row__why--flow" data-testid="slipping-why">
          {t('ret.slipping.every', { count: Math.round(item.rhythmDays) })};{' '}
          {t('ret.slipping.last', { date: dayLabel(item.lastPurchase, today) })};{' '}
          <span className="today-row__late">
            {t('ret.slipping.overdue', { count: Math.round(item.overdueDays) })}
          </span>
          {item.pAlive === null ? null : (
            <>
              ;{' '}
              <span className="muted today-row__alive" title={t('ret.slipping.aliveHint')}>
                {t('ret.slipping.alive', { share: formatShare(item.pAlive) })}
              </span>
            </>
          )}
        </span>
      </div>
      <div className="today-row__meta">
        <PhoneButton phone={item.phone} />
      </div>
      <div className="today-row__actions">
        <RemindButton client={client} mark={mark} today={today} action={action} notify={notify} />
        <CallButton call={call} action={action} />
        <span
          className="today-row__value"
          title={t('ret.slipping.valueHint')}
          data-testid="slipping-value"
        >
          {formatMoney(item.revenue)}
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
