/**
 * The card's sales and plan report under the query keys other screens share. After a sale or
 * a plan is written the api client refreshes them, the card, the list and the history.
 */
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '../../../api/channel-query';

export function useSales(clientId: string) {
  return useQuery(channelQuery('sales.list', { clientId }));
}

export function useSalesSummary(clientId: string) {
  return useQuery(channelQuery('sales.summary', { clientId }));
}

export function usePlanReport(clientId: string, period: string) {
  return useQuery(channelQuery('plans.report', { period, groupBy: 'category', clientId }));
}
