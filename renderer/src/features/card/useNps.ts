/** A client's NPS answers, newest first, and what to refresh after one is added or deleted. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';

export type NpsGroup = 'promoter' | 'passive' | 'detractor';

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function useNps(clientId: string) {
  return useQuery({
    queryKey: ['nps', clientId],
    queryFn: () => api.call('nps.list', { clientId }),
  });
}

/** The card's answers and every analytics figure (the dashboard's NPS by month). */
export function useRefreshNps(clientId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      [['nps', clientId], ['analytics']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  }, [queryClient, clientId]);
}
