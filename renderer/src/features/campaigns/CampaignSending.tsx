/**
 * The campaign page's sending block: "Send one by one" (the mode is in the address, `?send=1`,
 * so Today links straight to it) and the CSV for a mailing or SMS service.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CampaignDetail } from '../../../../electron/api/contract';
import { MessagesExport } from './MessagesExport';
import { SendOneByOne } from './SendOneByOne';

export function CampaignSending({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sending = params.get('send') === '1';
  const pending = campaign.members.some((m) => m.group === 'contact' && m.status === 'pending');
  if (sending) {
    return <SendOneByOne campaign={campaign} onClose={() => setParams({}, { replace: true })} />;
  }
  if (campaign.contactCount === 0) return null;
  return (
    <div className="campaign-sending">
      {pending ? (
        <button type="button" className="primary" onClick={() => setParams({ send: '1' })}>
          {t('camp.send.open')}
        </button>
      ) : null}
      <MessagesExport id={campaign.id} />
    </div>
  );
}
