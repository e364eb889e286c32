/**
 * Sync's data and actions under the shared query keys. The status is polled (cheaply: it reads
 * a few numbers) so the rail shows a sync the app ran by itself and changes made since.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { queryKeys } from '../../api/query-keys';

export const STATUS_POLL_MS = 30_000;

export function useSyncStatus() {
  return useQuery({ ...channelQuery('sync.status', {}), refetchInterval: STATUS_POLL_MS });
}

/** Open conflicts, all of them or one client's. */
export function useConflicts(clientId?: string) {
  return useQuery(channelQuery('sync.conflicts', clientId ? { clientId } : {}));
}

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('sync.now', {}),
    // A sync that failed changed the status too (offline, the error): the rail says so now.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.channel('sync.status') }),
  });
}

export function useResolve() {
  return useMutation({
    mutationFn: (input: { id: string; keep: 'mine' | 'theirs' }) => api.call('sync.resolve', input),
  });
}

/**
 * The app syncs by itself (at start, every few minutes): when a sync brought changes from other
 * devices, every screen reads its data again. Called once, by the rail, which is always shown.
 */
export function useRefreshAfterPull(lastPulledAt: string | null | undefined): void {
  const queryClient = useQueryClient();
  const seen = useRef(lastPulledAt);
  useEffect(() => {
    if (lastPulledAt === undefined) return;
    const before = seen.current;
    seen.current = lastPulledAt;
    if (before !== undefined && before !== lastPulledAt) void queryClient.invalidateQueries();
  }, [lastPulledAt, queryClient]);
}
