/**
 * Deleting a campaign: asked once, then it goes to the trash (members and marks kept) and the
 * Campaigns page offers to bring it back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ConfirmDialog } from '../card/ConfirmDialog';

/** What the Campaigns page is handed after a delete, for its undo toast. */
export interface DeletedCampaign {
  id: string;
  name: string;
}

export function CampaignDelete({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="danger campaign-delete" onClick={() => setAsking(true)}>
        {t('camp.delete.button')}
      </button>
      {asking ? (
        <ConfirmDialog
          message={t('camp.delete.confirm', { name: campaign.name })}
          confirmLabel={t('camp.delete.button')}
          onClose={() => setAsking(false)}
          onConfirm={async () => {
            await api.call('campaigns.delete', { id: campaign.id });
            const deleted: DeletedCampaign = { id: campaign.id, name: campaign.name };
            void navigate('/campaigns', { state: { deleted } });
          }}
        />
      ) : null}
    </>
  );
}
