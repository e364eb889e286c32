/** A birthday this week: the day and the age reached, with the phone and Log a call. */
import { useTranslation } from 'react-i18next';
import type { BirthdayItem } from '../../../../electron/api/contract';
import { CallButton, useCallToggle } from './CallInput';
import { RowFooter } from './RowFooter';
import { formatShortDate, formatWeekday } from './dates';
import { ClientName, LastComment, PhoneButton, RowFrame } from './RowParts';
import { useRowAction } from './useAgenda';

interface Props {
  item: BirthdayItem;
  today: string;
  notify: (status: string) => void;
}

export function BirthdayRow({ item, today, notify }: Props) {
  const { t } = useTranslation();
  const { client } = item;
  const action = useRowAction();
  const call = useCallToggle();
  const isToday = item.date === today;

  return (
    <RowFrame
      testId="birthday-row"
      clientId={client.id}
      className={isToday ? 'today-row--birthday' : undefined}
    >
      <div className="today-row__main">
        <ClientName client={client} />
        <span className="today-row__why">
          <span className="today-row__when">
            {isToday
              ? t('today.birthday.today')
              : `${formatWeekday(item.date)}, ${formatShortDate(item.date)}`}
          </span>
          <span data-testid="age">{t('today.birthday.age', { count: item.age })}</span>
        </span>
      </div>
      <div className="today-row__meta">
        <PhoneButton phone={client.phone} />
        <LastComment client={client} />
      </div>
      <div className="today-row__actions">
        <CallButton call={call} action={action} />
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
