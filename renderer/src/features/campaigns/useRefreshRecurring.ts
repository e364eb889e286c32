/**
 * Recurring campaigns take in the clients who have come to qualify whenever Today or the
 * Campaigns page opens: one `campaigns.refresh` (one filter run per recurring campaign). Nothing
 * is written when there is no recurring campaign or the workbook is read-only. Returns the
 * refresh, whose error the Campaigns page shows.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { useWorkbookInfo } from '../workbook/useWorkbook';

export function useRefreshRecurring() {
  const info = useWorkbookInfo();
  const campaigns = useQuery(channelQuery('campaigns.list', {}));
  const writable = info.data !== undefined && !info.data.readOnly;
  const anyRecurring = campaigns.data?.some((c) => c.recurring) ?? false;
  const refresh = useMutation({ mutationFn: () => api.call('campaigns.refresh', {}) });
  const { mutate } = refresh;
  useEffect(() => {
    if (writable && anyRecurring) mutate();
  }, [writable, anyRecurring, mutate]);
  return refresh;
}
