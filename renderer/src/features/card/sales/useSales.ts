/**
 * The card's sales and plan report under the query keys other screens share, and the one
 * refresh after any sale or plan is written: the card, the list and the history all move.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../api/client';

export function useSales(clientId: string) {
  return useQuery({
    queryKey: ['sales', clientId],
    queryFn: () => api.call('sales.list', { clientId }),
  });
}

export function useSalesSummary(clientId: string) {
  return useQuery({
    queryKey: ['salesSummary', clientId],
    queryFn: () => api.call('sales.summary', { clientId }),
  });
}

export function usePlanReport(clientId: string, period: string) {
  return useQuery({
    queryKey: ['planReport', { clientId, period, groupBy: 'category' }],
    queryFn: () => api.call('plans.report', { period, groupBy: 'category', clientId }),
  });
}

export function useRefreshSales(clientId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      [
        ['sales', clientId],
        ['salesSummary', clientId],
        ['planReport'],
        ['client', clientId],
        ['clients.list'],
        ['history', clientId],
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  }, [queryClient, clientId]);
}
