/**
 * One conflict: the field, and its two values side by side with who set each, where and when,
 * the one in effect now marked; "Keep this one" under each. Keeping the losing value is a new
 * change that wins on every device at their next sync.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConflictSide, SyncConflict } from '../../../../electron/api/contract';
import { ErrorLine } from '../workbook/ErrorLine';
import { formatMoment, type Lookups } from '../card/values';
import { conflictLabel, conflictValue, recordWord } from './conflict-words';
import { useResolve } from './useSync';

interface Props {
  conflict: SyncConflict;
  lookups: Lookups;
  /** The client's name as a link (the Conflicts screen; not on the card itself). */
  showClient: boolean;
}

export function ConflictItem({ conflict, lookups, showClient }: Props) {
  const { t } = useTranslation();
  const resolve = useResolve();
  const record = recordWord(conflict, t);
  return (
    <li className="sync-conflict" data-testid="conflict" data-field={conflict.field}>
      <div className="sync-conflict__head">
        {showClient && conflict.clientId ? (
          <Link to={`/clients/${conflict.clientId}`} className="sync-conflict__client">
            {conflict.clientName ?? conflict.clientId}
          </Link>
        ) : null}
        <span className="sync-conflict__field">
          {record ? `${record} · ` : null}
          {conflictLabel(conflict, lookups, t)}
        </span>
      </div>
      <div className="sync-conflict__sides">
        {(['mine', 'theirs'] as const).map((side) => (
          <Side
            key={side}
            side={side}
            value={conflictValue(conflict, conflict[side].value, lookups, t)}
            data={conflict[side]}
            winner={conflict.winner === side}
            pending={resolve.isPending}
            onKeep={() => resolve.mutate({ id: conflict.id, keep: side })}
          />
        ))}
      </div>
      <ErrorLine error={resolve.error} />
    </li>
  );
}

interface SideProps {
  side: 'mine' | 'theirs';
  value: string;
  data: ConflictSide;
  winner: boolean;
  pending: boolean;
  onKeep: () => void;
}

function Side({ side, value, data, winner, pending, onKeep }: SideProps) {
  const { t } = useTranslation();
  const device = data.deviceName ?? t('sync.conflicts.unknownDevice');
  return (
    <div
      className={`sync-side${winner ? ' sync-side--winner' : ''}`}
      data-testid={`conflict-${side}`}
      data-winner={winner}
    >
      <div className="sync-side__title">
        {t(`sync.conflicts.${side}`)}
        {winner ? <span className="badge sync-badge">{t('sync.conflicts.inEffect')}</span> : null}
      </div>
      <div className="sync-side__value" data-testid="conflict-value">
        {value}
      </div>
      <div className="muted sync-side__who">
        {data.actor ? t('sync.conflicts.by', { device, actor: data.actor }) : device} ·{' '}
        <time dateTime={data.at}>{formatMoment(data.at)}</time>
      </div>
      <button type="button" disabled={pending} onClick={onKeep}>
        {t('sync.conflicts.keep')}
      </button>
    </div>
  );
}
