/**
 * A client past the contact cadence of its stage: how long since the last contact (for one
 * never contacted, since the first purchase or since the card was made) against the cadence,
 * and the client's value (revenue of the last 12 months). Logging a call here is the contact:
 * the agenda refetches and the client leaves the list.
 */
import { useTranslation } from 'react-i18next';
import type { TouchItem } from '../../../../electron/api/contract';
import { formatMoney } from '../../lib/format';
import { CallButton, useCallToggle } from './CallInput';
import { RowFooter } from './RowFooter';
import { ClientName, LastComment, PhoneButton, RowFrame } from './RowParts';
import { useRowAction } from './useAgenda';

export function TouchRow({ item, notify }: { item: TouchItem; notify: (status: string) => void }) {
  const { t } = useTranslation();
  const { client } = item;
  const action = useRowAction();
  const call = useCallToggle();
  const since = item.cadenceDays + item.overdueDays;

  return (
    <RowFrame testId="touch-row" clientId={client.id}>
      <div className="today-row__main">
        <ClientName client={client} />
        <span
          className="today-row__why"
          data-testid="touch-why"
          title={t('today.touch.stageHint', { stage: t(`stages.${client.stage}`) })}
        >
          <span className="today-row__late today-row__late--wrap">
            {item.countedFrom === 'contact'
              ? t('today.touch.since', { count: since })
              : item.countedFrom === 'firstPurchase'
                ? t('today.touch.neverBought', { count: since })
                : t('today.touch.never', { count: since })}
          </span>
          <span className="muted">{t('today.touch.every', { count: item.cadenceDays })}</span>
        </span>
      </div>
      <div className="today-row__meta">
        <PhoneButton phone={client.phone} />
        <LastComment client={client} />
      </div>
      <div className="today-row__actions">
        <CallButton call={call} action={action} />
        <span
          className={`today-row__value${item.value ? '' : ' muted'}`}
          title={t('today.touch.valueHint')}
          data-testid="touch-value"
        >
          {item.value ? formatMoney(item.value) : t('today.touch.noRevenue')}
        </span>
      </div>
      <RowFooter
        call={call}
        action={action}
        clientId={client.id}
        clientName={client.name}
        notify={notify}
      />
    </RowFrame>
  );
}
