/** A client's NPS answers, newest first. */
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '../../api/channel-query';

export type NpsGroup = 'promoter' | 'passive' | 'detractor';

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function useNps(clientId: string) {
  return useQuery(channelQuery('nps.list', { clientId }));
}
