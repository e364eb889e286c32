/** The progress of the import step in flight, asked for every 300 ms while one runs. */
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '../../api/channel-query';

export const STATUS_EVERY_MS = 300;

export function useImportStatus(active: boolean) {
  return useQuery({
    ...channelQuery('import.status', {}),
    enabled: active,
    refetchInterval: active ? STATUS_EVERY_MS : false,
    gcTime: 0,
  });
}
