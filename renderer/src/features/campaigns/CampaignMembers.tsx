/** The campaign's to-do list: contact members marked done (with an outcome) or skipped. */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  CampaignDetail,
  CampaignMember,
  MemberOutcome,
  MemberStatus,
} from '../../../../electron/api/contract';
import { MEMBER_OUTCOMES } from '../../../../electron/api/contract/campaign-enums';
import { api, ApiError } from '../../api/client';

interface Mark {
  clientId: string;
  status: MemberStatus;
  outcome?: MemberOutcome | null;
}

export function CampaignMembers({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const mark = useMutation({
    mutationFn: (m: Mark) => api.call('campaigns.mark', { id: campaign.id, ...m }),
  });
  return (
    <>
      <h2>{t('camp.members.title')}</h2>
      {mark.error ? (
        <p className="error" role="alert">
          {mark.error instanceof ApiError ? mark.error.message : String(mark.error)}
        </p>
      ) : null}
      <table className="campaigns">
        <thead>
          <tr>
            <th>{t('camp.members.client')}</th>
            <th>{t('camp.members.group')}</th>
            <th>{t('camp.members.status')}</th>
            <th>{t('camp.members.outcome')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {campaign.members.map((m) => (
            <MemberRow
              key={m.clientId}
              member={m}
              busy={mark.isPending}
              onMark={(next) => mark.mutate({ clientId: m.clientId, ...next })}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

function MemberRow({
  member: m,
  busy,
  onMark,
}: {
  member: CampaignMember;
  busy: boolean;
  onMark: (mark: Omit<Mark, 'clientId'>) => void;
}) {
  const { t } = useTranslation();
  const control = m.group === 'control';
  return (
    <tr data-testid="campaign-member" data-group={m.group}>
      <td>
        <Link to={`/clients/${m.clientId}`}>{m.name}</Link>
      </td>
      <td>{t(`camp.groups.${m.group}`)}</td>
      <td>
        {control ? (
          <span className="muted">{t('camp.members.leftAlone')}</span>
        ) : (
          t(`camp.statuses.${m.status}`)
        )}
      </td>
      <td>
        {control ? null : (
          <select
            aria-label={`${t('camp.members.outcome')}: ${m.name}`}
            value={m.outcome ?? ''}
            disabled={busy}
            onChange={(e) =>
              onMark({
                status: 'done',
                outcome: e.target.value ? (e.target.value as MemberOutcome) : null,
              })
            }
          >
            <option value="">{t('camp.outcomes.none')}</option>
            {MEMBER_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`camp.outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="nowrap">
        {control ? null : m.status === 'pending' ? (
          <>
            <button type="button" disabled={busy} onClick={() => onMark({ status: 'done' })}>
              {t('camp.members.markDone')}
            </button>{' '}
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => onMark({ status: 'skipped' })}
            >
              {t('camp.members.skip')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={() => onMark({ status: 'pending', outcome: null })}
          >
            {t('camp.members.reopen')}
          </button>
        )}
      </td>
    </tr>
  );
}
